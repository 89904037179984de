import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { jsonOf, TandemClient } from '../support/tandem-client';
import type { AgendaView } from '../../core/model/agenda-view';
import type { Me } from '../../core/use-cases/pairs';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';
import { repoRoot } from '../support/server-process';

jest.setTimeout(BROWSER_TEST_MS);

/** Linking a topic to a goal in the meeting side panel, seen live in the other person's window. */
let harness: TabHarness;
let blake: TandemClient;
let pairId: string;
let sessionPath: string;

beforeAll(async () => {
  harness = await TabHarness.start('goal-links');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
  const me = jsonOf<Me>(await blake.request('GET', '/api/me'));
  const pair = me.pairs.find((p) => p.id === 'avery-blake')!;
  pairId = pair.id;
  sessionPath = `/api/pairs/${pair.id}/sessions/${pair.nextSession!.id}`;
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
const stored = async (title: string) =>
  jsonOf<AgendaView>(await blake.request('GET', sessionPath))
    .sections.flatMap((s) => s.topics)
    .find((t) => t.title === title);
const panel = async (user: string): Promise<Page> => {
  const page = await harness.standalone(user, { view: 'panel', width: 320, height: 720, theme: 'light' });
  await page.getByText('Live', { exact: true }).waitFor();
  return page;
};

describe('linking a topic to a goal in the side panel', () => {
  it("the topic's author picks the goal in its detail; the other person's window names it on the topic and its action item", async () => {
    await blake.request('POST', `/api/pairs/${pairId}/goals`, { body: { kind: 'goal', title: 'Mentor a new joiner' } });
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: 'Onboarding buddy plan' } });
    const [avery, blakePage] = [await panel('avery'), await panel('blake')];
    const rowOf = (page: Page) =>
      page
        .getByRole('list', { name: 'Topics topics' })
        .getByTestId('topic')
        .filter({ hasText: 'Onboarding buddy plan' });

    await blakePage.getByRole('button', { name: 'Details of Onboarding buddy plan' }).click();
    await rowOf(blakePage)
      .getByRole('combobox', { name: 'Goal of this topic' })
      .selectOption({ label: 'Mentor a new joiner' });
    await eventually(async () =>
      expect((await stored('Onboarding buddy plan'))?.goal).toMatchObject({ title: 'Mentor a new joiner' }),
    );
    await rowOf(avery).getByText('Goal: Mentor a new joiner').waitFor();
    // The manager may not link someone else's topic: no picker in their window.
    await avery.getByRole('button', { name: 'Details of Onboarding buddy plan' }).click();
    await rowOf(avery).getByRole('form', { name: 'New action item from this topic' }).waitFor();
    expect(await rowOf(avery).getByRole('combobox', { name: 'Goal of this topic' }).count()).toBe(0);

    // An action item out of the topic works towards the topic's goal unless someone picks another.
    const form = rowOf(blakePage).getByRole('form', { name: 'New action item from this topic' });
    await form.getByRole('textbox', { name: 'New action item from this topic' }).fill('Write the buddy checklist');
    await form.getByRole('button', { name: 'Add action item' }).click();
    await avery
      .getByRole('list', { name: 'Action items from Onboarding buddy plan' })
      .getByTestId('action-item')
      .filter({ hasText: 'Write the buddy checklist' })
      .getByText('Goal: Mentor a new joiner')
      .waitFor();

    expect(await seriousViolations(blakePage)).toEqual([]);
    expect(await seriousViolations(avery)).toEqual([]);
    await rowOf(blakePage).scrollIntoViewIfNeeded();
    await blakePage.screenshot({ path: path.join(ARTIFACTS, 'topic-goal-link-320-light.png') });
    await blakePage.screenshot({ path: path.join(SCREENSHOTS, 'topic-goal-link-320-light.png') });
  });
});
