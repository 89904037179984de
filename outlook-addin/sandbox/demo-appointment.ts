import type { FakeAppointmentConfig } from './fake-office';

/** What a Teams meeting invite's body ends with: the block Teams writes, with the join URL. */
export function teamsMeetingBlock(joinUrl: string): string {
  const href = joinUrl.replace(/&/g, '&amp;');
  return (
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F">________________________________________________________________________________</span></div>' +
    '<div style="margin-bottom:24px;overflow:hidden"><div style="margin-bottom:12px"><span style="font-size:24px;font-weight:700">Microsoft Teams meeting</span></div>' +
    `<div style="margin-bottom:6px"><a href="${href}" target="_blank" style="font-size:14px">Join the meeting now</a></div>` +
    '<div><span style="font-size:14px">Meeting ID: 312 442 871 905</span><br><span style="font-size:14px">Passcode: h7Ck3q</span></div></div>' +
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F">________________________________________________________________________________</span></div>'
  );
}

export interface DemoAppointmentInput {
  readonly mode: 'compose' | 'read';
  readonly role: 'organizer' | 'attendee';
  readonly start: string;
  readonly joinUrl?: string;
  readonly organizer?: { displayName: string; emailAddress: string };
  readonly attendee?: { displayName: string; emailAddress: string };
  readonly subject?: string;
}

/** Avery and Blake's weekly 1:1 as Outlook shows it, from the organizer's or the attendee's mailbox. */
export function demoAppointment(input: DemoAppointmentInput): FakeAppointmentConfig {
  const organizer = input.organizer ?? { displayName: 'Avery Chen', emailAddress: 'avery@tandem.example' };
  const attendee = input.attendee ?? { displayName: 'Blake Diaz', emailAddress: 'blake@tandem.example' };
  const intro = '<p>Our weekly 1:1.</p>';
  return {
    mode: input.mode,
    subject: input.subject ?? `${organizer.displayName} / ${attendee.displayName} 1:1`,
    start: input.start,
    end: new Date(Date.parse(input.start) + 30 * 60_000).toISOString(),
    body: `<html><head></head><body>${intro}${input.joinUrl ? teamsMeetingBlock(input.joinUrl) : ''}</body></html>`,
    organizer,
    user: input.role === 'organizer' ? organizer : attendee,
    attendees: [attendee],
    // Desktop read mode gives EWS ids ('/' and '+'); compose has an id once saved.
    ...(input.mode === 'read' && { itemId: 'AAMkADk0/ZmI+occurrence=' }),
    seriesId: 'AAMkADk0/ZmI+series=',
  };
}
