import { M365_PEOPLE, startM365, type M365Tandem } from '../../support/m365';
import { jsonOf, type TandemClient } from '../../support/tandem-client';

export interface M365Suite {
  readonly m365: M365Tandem;
  readonly avery: TandemClient;
  readonly blake: TandemClient;
}

/**
 * One Microsoft 365 mode Tandem for a test file, with Avery (manager) and Blake (report) signed in. After
 * each test, pending faults are dropped and every Graph request must have been in the OpenAPI subset.
 */
export function useM365(): M365Suite {
  const suite: { m365?: M365Tandem; avery?: TandemClient; blake?: TandemClient } = {};
  beforeAll(async () => {
    suite.m365 = await startM365();
    suite.avery = await suite.m365.client('avery');
    suite.blake = await suite.m365.client('blake');
  });
  afterEach(() => {
    suite.m365!.graph.faults.length = 0;
    expect(suite.m365!.graph.violations).toEqual([]);
  });
  afterAll(async () => {
    await suite.m365?.close();
  });
  return {
    get m365() {
      return suite.m365!;
    },
    get avery() {
      return suite.avery!;
    },
    get blake() {
      return suite.blake!;
    },
  };
}

export interface SessionItem {
  readonly id: string;
  readonly originalStart: string;
  readonly start: string;
  readonly status: string;
  readonly moved: boolean;
}

/** Avery starts a weekly 1:1 (Tuesdays 10:00 Berlin from 8 January 2030) with Blake; returns its id. */
export async function createWeeklyPair(suite: M365Suite): Promise<string> {
  const created = await suite.avery.request('POST', '/api/pairs', {
    body: {
      reportId: M365_PEOPLE.blake.id,
      cadence: { frequency: 'weekly', startDate: '2030-01-08', time: '10:00', timeZone: 'Europe/Berlin' },
      // Each test starts a 1:1 of its own with Blake: knowingly another one.
      allowDuplicate: true,
    },
  });
  expect(created.status).toBe(201);
  return jsonOf<{ id: string }>(created).id;
}

/** The pair's sessions in January 2030, as Blake sees them. */
export async function januarySessions(suite: M365Suite, pairId: string): Promise<SessionItem[]> {
  const response = await suite.blake.request(
    'GET',
    `/api/pairs/${pairId}/sessions?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z`,
  );
  expect(response.status).toBe(200);
  return jsonOf<{ sessions: SessionItem[] }>(response).sessions;
}
