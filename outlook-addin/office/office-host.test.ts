import { agendaBlock } from '../logic/agenda-block';
import { agendaFile, base64ToUtf8 } from '../logic/agenda-file';
import { agendaWith, topic } from '../../ui/test-support/agenda-fixture';
import { createFakeOffice, type FakeAppointmentConfig } from '../sandbox/fake-office';
import { demoAppointment, teamsMeetingBlock } from '../sandbox/demo-appointment';
import { attachAgendaFile, insertAgendaBlock } from './insert-agenda';
import { HostError, OfficeHost } from './office-host';

const CHAT = '19:meeting_ZGVtby1jaGF0LWlk@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%7d`;
const START = '2026-11-25T10:00:00.000Z';

function hostFor(overrides: Partial<FakeAppointmentConfig> & { role?: 'organizer' | 'attendee' } = {}) {
  const { role = 'organizer', ...rest } = overrides;
  const base = demoAppointment({ mode: rest.mode ?? 'compose', role, start: START, joinUrl: JOIN });
  const fake = createFakeOffice({ ...base, ...rest });
  return { host: new OfficeHost(fake.office), state: fake.state };
}

const block = (title: string) => agendaBlock(agendaWith([topic({ id: title, title })]), { timeZone: 'UTC' });

describe('OfficeHost', () => {
  it('is absent outside Office, where onReady resolves with host null', async () => {
    const { office } = createFakeOffice(demoAppointment({ mode: 'read', role: 'attendee', start: START }));
    expect(await OfficeHost.connect({ ...office, onReady: async () => ({ host: null, platform: null }) })).toBe(
      undefined,
    );
    expect(await OfficeHost.connect(undefined)).toBeUndefined();
    expect(await OfficeHost.connect(office)).toBeInstanceOf(OfficeHost);
  });

  it('reads a compose-mode invite: organizer, start, the chat id from the Teams block, REST series id', async () => {
    const { host } = hostFor();
    expect(await host.readAppointment()).toEqual({
      mode: 'compose',
      role: 'organizer',
      subject: 'Avery Chen / Blake Diaz 1:1',
      start: START,
      end: '2026-11-25T10:30:00.000Z',
      userEmail: 'avery@tandem.example',
      chatId: CHAT,
      joinUrl: JOIN,
      seriesId: 'AAMkADk0-ZmI_series=',
      attendees: ['blake@tandem.example'],
    });
  });

  it("reads an attendee's read-mode copy, converting the desktop EWS item id to REST", async () => {
    const { host } = hostFor({ mode: 'read', role: 'attendee' });
    const info = await host.readAppointment();
    expect(info).toMatchObject({ mode: 'read', role: 'attendee', chatId: CHAT, itemId: 'AAMkADk0-ZmI_occurrence=' });
    expect(info.attendees).toEqual(['blake@tandem.example']);
    expect(info.userEmail).toBe('blake@tandem.example');
  });

  it('knows the organizer in read mode by address, whatever its case', async () => {
    const { host } = hostFor({ mode: 'read', user: { displayName: 'Avery', emailAddress: 'AVERY@tandem.example ' } });
    expect((await host.readAppointment()).role).toBe('organizer');
  });

  it('turns a Failed async result into a HostError naming what could not be done', async () => {
    const { host } = hostFor({ failures: { 'body.get': 'The mailbox is offline.' } });
    const error = await host.getBody().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({
      code: 'failed',
      operation: 'body.get',
      message: 'Outlook could not read the invite body: The mailbox is offline.',
    });
  });

  it('says a read-mode item cannot be written, without calling Outlook', async () => {
    const { host, state } = hostFor({ mode: 'read', role: 'attendee' });
    await expect(host.setBody('x')).rejects.toMatchObject({ code: 'read-only' });
    await expect(host.attachFile('a.html', 'eA==')).rejects.toMatchObject({ code: 'read-only' });
    expect(state.calls).toEqual([]);
  });

  it('names the requirement set an older host lacks', async () => {
    const { host, state } = hostFor({ mailboxVersion: '1.5' });
    await expect(host.attachFile('a.html', 'eA==')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('Mailbox 1.8'),
    });
    expect(state.attachments).toEqual([]);
  });
});

describe('inserting the agenda', () => {
  it('prepends once, leaving the Teams block as it was', async () => {
    const { host, state } = hostFor();
    expect(await insertAgendaBlock(host, block('First'))).toBe('inserted');
    expect(state.calls).toContain('body.prepend');
    expect(state.body).toContain(teamsMeetingBlock(JOIN));
    expect(state.body.indexOf('First')).toBeLessThan(state.body.indexOf('Microsoft Teams meeting'));
  });

  it('replaces its own block on a second insert: one block in the body', async () => {
    const { host, state } = hostFor();
    await insertAgendaBlock(host, block('First'));
    expect(await insertAgendaBlock(host, block('Second'))).toBe('replaced');
    expect(state.body.match(/id="tandem-agenda"/g)).toHaveLength(1);
    expect(state.body).toContain('Second');
    expect(state.body).not.toContain('First');
    expect(state.body).toContain(teamsMeetingBlock(JOIN));
  });

  it('sets the body whole when prependAsync succeeds without changing anything', async () => {
    const { host, state } = hostFor({ prependIgnored: true });
    expect(await insertAgendaBlock(host, block('First'))).toBe('inserted');
    expect(state.calls).toEqual(expect.arrayContaining(['body.prepend', 'body.set']));
    expect(state.body.match(/id="tandem-agenda"/g)).toHaveLength(1);
    expect(state.body).toContain(teamsMeetingBlock(JOIN));
  });

  it('rejects with a clear message and leaves the body as it was when Outlook fails the write', async () => {
    const { host, state } = hostFor({ failures: { 'body.prepend': 'Body is locked.' } });
    const before = state.body;
    await expect(insertAgendaBlock(host, block('First'))).rejects.toThrow('Outlook could not add to the invite body');
    expect(state.body).toBe(before);
  });

  it('attaches the agenda file in place of the earlier one', async () => {
    const { host, state } = hostFor();
    const file = agendaFile(agendaWith([topic({ id: 't', title: 'Plans' })]));
    await attachAgendaFile(host, file);
    await attachAgendaFile(host, file);
    expect(state.attachments.map((a) => a.name)).toEqual(['tandem-agenda-2026-11-25.html']);
    expect(base64ToUtf8(state.attachments[0]!.base64)).toContain('Plans');
  });

  it('reports a failed attachment', async () => {
    const { host } = hostFor({ failures: { 'attachments.add': 'Attachment too large.' } });
    await expect(attachAgendaFile(host, { name: 'tandem-agenda-x.html', base64: 'eA==' })).rejects.toThrow(
      'Outlook could not attach the agenda: Attachment too large.',
    );
  });
});
