import { createFakeOffice, type FakeAppointmentConfig, type FakeAppointmentState } from './fake-office';

/**
 * Served as /outlook-addin/fake-office.js: the browser tests route `**\/office.js` here. It plays Outlook for
 * the appointment the page describes in `window.__tandemFakeOffice` (set before load), and exposes the
 * item's state (body, attachments, calls) as `window.__tandemFakeOfficeState` for the test to read.
 */
declare global {
  interface Window {
    __tandemFakeOffice?: FakeAppointmentConfig;
    __tandemFakeOfficeState?: FakeAppointmentState;
    /** Raises an event-based activation event: resolves when its handler completes (false: none). */
    __tandemFakeOfficeLaunch?: (actionId: string) => Promise<boolean>;
  }
}

const config = window.__tandemFakeOffice;
if (config) {
  const fake = createFakeOffice(config);
  (window as unknown as { Office: unknown }).Office = fake.office;
  window.__tandemFakeOfficeState = fake.state;
  window.__tandemFakeOfficeLaunch = (actionId) =>
    new Promise((resolve) => {
      const handler = fake.handlers.get(actionId);
      if (!handler) return resolve(false);
      void handler({ type: actionId, completed: () => resolve(true) });
    });
}
