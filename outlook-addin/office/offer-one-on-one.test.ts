import type { Person } from '../../ui/api/types';
import { demoAppointment } from '../sandbox/demo-appointment';
import { createFakeOffice, type FakeAppointmentConfig } from '../sandbox/fake-office';
import { OFFER_KEY, OPEN_AGENDA_COMMAND, offerOneOnOne } from './offer-one-on-one';

const START = '2026-11-25T10:00:00.000Z';
const AVERY = { displayName: 'Avery Chen', emailAddress: 'avery@tandem.example' };
const BLAKE = { displayName: 'Blake Diaz', emailAddress: 'blake@tandem.example' };
const CASEY = { displayName: 'Casey Ng', emailAddress: 'casey@tandem.example' };
const DEVON = { displayName: 'Devon Park', emailAddress: 'devon@tandem.example' };
const AVERYS_REPORTS: Person[] = [
  { id: 'blake', displayName: 'Blake Diaz', email: 'Blake@Tandem.example' },
  { id: 'casey', displayName: 'Casey Ng', email: 'casey@tandem.example' },
];

/** Avery's new appointment (compose mode, no Teams meeting yet) with the given attendees. */
function newAppointment(attendees: FakeAppointmentConfig['attendees'], overrides: Partial<FakeAppointmentConfig> = {}) {
  const base = demoAppointment({ mode: 'compose', role: 'organizer', start: START });
  return createFakeOffice({ ...base, subject: '', body: '<html><body></body></html>', attendees, ...overrides });
}

describe('offering a Tandem 1:1 on a new appointment (event-based activation)', () => {
  it('offers it when the one attendee is a direct report of the organizer', async () => {
    const fake = newAppointment([BLAKE]);
    expect(await offerOneOnOne(fake.office, async () => AVERYS_REPORTS)).toBe(true);
    const offer = fake.state.notifications?.[OFFER_KEY];
    expect(offer).toMatchObject({ type: 'insightMessage', icon: 'Icon.16' });
    expect(offer?.message).toContain('Blake Diaz');
    expect(offer?.actions).toEqual([
      {
        actionType: 'showTaskPane',
        actionText: 'Make it a Tandem 1:1',
        commandId: OPEN_AGENDA_COMMAND,
        contextData: { reportId: 'blake' },
      },
    ]);
  });

  it('offers nothing for someone who is not a direct report, or for more than one attendee', async () => {
    for (const attendees of [[DEVON], [BLAKE, CASEY], []]) {
      const fake = newAppointment(attendees);
      let asked = 0;
      const reports = async () => {
        asked += 1;
        return AVERYS_REPORTS;
      };
      expect(await offerOneOnOne(fake.office, reports)).toBe(false);
      expect(fake.state.notifications).toEqual({});
      // The directory is asked only when there is exactly one person to look up.
      expect(asked).toBe(attendees.length === 1 ? 1 : 0);
    }
  });

  it('does not count the organizer among the attendees, nor the same person twice', async () => {
    const fake = newAppointment([AVERY, BLAKE, { ...BLAKE, emailAddress: 'BLAKE@tandem.example' }]);
    expect(await offerOneOnOne(fake.office, async () => AVERYS_REPORTS)).toBe(true);
  });

  it('replaces the offer when the attendees change, and withdraws it when they no longer fit', async () => {
    const fake = newAppointment([BLAKE]);
    await offerOneOnOne(fake.office, async () => AVERYS_REPORTS);
    // The same item, handled again (attendees changed): Outlook refuses a duplicate key, so the old offer goes.
    expect(await offerOneOnOne(fake.office, async () => AVERYS_REPORTS)).toBe(true);
    expect(Object.keys(fake.state.notifications ?? {})).toEqual([OFFER_KEY]);

    const grown = createFakeOffice({
      ...demoAppointment({ mode: 'compose', role: 'organizer', start: START }),
      attendees: [BLAKE, CASEY],
    });
    grown.state.notifications = { ...fake.state.notifications };
    expect(await offerOneOnOne(grown.office, async () => AVERYS_REPORTS)).toBe(false);
    expect(grown.state.notifications).toEqual({});
  });

  it('completes without an offer when Tandem cannot be reached or Outlook refuses the notification', async () => {
    const unreachable = newAppointment([BLAKE]);
    expect(await offerOneOnOne(unreachable.office, () => Promise.reject(new Error('offline')))).toBe(false);
    expect(unreachable.state.notifications).toEqual({});

    const failing = newAppointment([BLAKE], { failures: { attendees: 'The item is busy.' } });
    expect(await offerOneOnOne(failing.office, async () => AVERYS_REPORTS)).toBe(false);
  });

  it('is associated with both launch events by the launch bundle, each completing the event', async () => {
    const fake = newAppointment([BLAKE]);
    const completed: string[] = [];
    (globalThis as unknown as { Office: unknown }).Office = fake.office;
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = (async (input: string) => {
      if (input === '/api/client-config') return Response.json({ mode: 'embedded' });
      if (input === '/api/dev/token') return Response.json({ token: 't' });
      if (input === '/api/me/reports') return Response.json({ reports: AVERYS_REPORTS });
      return new Response('{}', { status: 404 });
    }) as typeof fetch;
    try {
      await jest.isolateModulesAsync(async () => {
        await import('../launch-events');
      });
      expect([...fake.handlers.keys()].sort()).toEqual(['onAppointmentAttendeesChanged', 'onNewAppointmentOrganizer']);
      for (const [name, handler] of fake.handlers) {
        delete fake.state.notifications![OFFER_KEY];
        await new Promise<void>((resolve) =>
          handler({ type: name, completed: () => (completed.push(name), resolve()) }),
        );
        expect(fake.state.notifications?.[OFFER_KEY]?.message).toContain('Blake Diaz');
      }
      expect(completed.sort()).toEqual(['onAppointmentAttendeesChanged', 'onNewAppointmentOrganizer']);
    } finally {
      globalThis.fetch = fetchBefore;
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
