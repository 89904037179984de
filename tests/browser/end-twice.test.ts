import { jsonOf, TandemClient } from '../support/tandem-client';
import type { Me } from '../../core/use-cases/pairs';
import { BROWSER_TEST_MS, eventually } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * Issue 13, defect 1: "End the meeting" clicked a second time ended the following week's session (a bogus
 * recap, next week read-only). Ending applies only to a session that has started, and is idempotent for it.
 */
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('end-twice');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
});

afterAll(async () => {
  await harness?.stop();
});

interface SessionItem {
  readonly id: string;
  readonly start: string;
  readonly status: string;
}

const sessions = async () =>
  jsonOf<{ sessions: SessionItem[] }>(await blake.request('GET', '/api/pairs/avery-blake/sessions')).sessions;

it("ends a meeting twice (a double click, then a late click) and leaves next week's session untouched", async () => {
  const me = jsonOf<Me>(await blake.request('GET', '/api/me'));
  const meeting = me.pairs.find((p) => p.id === 'avery-blake')!.nextSession!;
  const following = (await sessions()).find((s) => s.start > meeting.start && s.status === 'upcoming')!;
  expect(following).toBeDefined();

  const page = await harness.standalone('blake', { view: 'panel', width: 320, height: 720 });
  await page.getByText('Live', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Start the meeting' }).click();
  // Two clicks in a row on "End the meeting": the second one reaches the service after the first ended it.
  await page.getByRole('button', { name: 'End the meeting' }).dblclick();
  await page.getByText('Held', { exact: true }).waitFor();
  // And a late one from a window that had not caught up: the same request the button sends.
  const late = await blake.request('POST', `/api/pairs/avery-blake/sessions/${meeting.id}/end`);
  expect([204, 409]).toContain(late.status);

  await eventually(async () => {
    const after = await sessions();
    expect(after.find((s) => s.id === meeting.id)?.status).toBe('held');
    expect(after.find((s) => s.id === following.id)?.status).toBe('upcoming');
  });
  const next = jsonOf<Me>(await blake.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
  expect(next.nextSession?.id).toBe(following.id);
  // Next week still takes topics: nothing made it read-only.
  const added = await blake.request('POST', `/api/pairs/avery-blake/sessions/${following.id}/topics`, {
    body: { title: 'Still open for topics' },
  });
  expect(added.status).toBe(201);
});
