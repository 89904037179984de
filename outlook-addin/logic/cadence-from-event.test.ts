import { cadenceFromEvent } from './cadence-from-event';

describe('cadence from an Outlook event', () => {
  it("takes the local date and time in the organizer's zone and the event's length", () => {
    const event = { start: '2026-11-24T23:30:00.000Z', end: '2026-11-25T00:15:00.000Z' };
    expect(cadenceFromEvent(event, 'biweekly', 'Europe/Berlin')).toEqual({
      frequency: 'biweekly',
      startDate: '2026-11-25',
      time: '00:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
    });
    expect(cadenceFromEvent(event, 'weekly', 'America/New_York')).toMatchObject({
      startDate: '2026-11-24',
      time: '18:30',
    });
  });

  it('keeps the length within what a 1:1 may last', () => {
    const start = '2026-11-24T09:00:00.000Z';
    expect(cadenceFromEvent({ start, end: '2026-11-24T09:05:00.000Z' }, 'weekly', 'UTC').durationMinutes).toBe(15);
    expect(cadenceFromEvent({ start, end: '2026-11-25T09:00:00.000Z' }, 'weekly', 'UTC').durationMinutes).toBe(240);
  });
});
