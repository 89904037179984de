import { startM365, type M365Tandem } from '../../support/m365';
import type { TandemClient } from '../../support/tandem-client';

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
