import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { jsonOf, TandemClient } from '../support/tandem-client';
import type { PairOverview } from '../../core/use-cases/pairs';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

const PAIR = 'avery-blake';
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('growth');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

const overview = async () => jsonOf<PairOverview>(await blake.request('GET', `/api/pairs/${PAIR}`));
const goalTitled = async (title: string) => (await overview()).goals.find((g) => g.title === title);
const itemWithId = async (id: string) => (await overview()).actionItems.find((a) => a.id === id)!;

async function openTab(user: string, tab: string): Promise<Page> {
  const page = await harness.standalone(user);
  await page.getByRole('tab', { name: tab }).click();
  return page;
}

describe('goals and the development plan in the wide tab', () => {
  it('lets the report add a development item with its competency and format, by keyboard', async () => {
    const page = await openTab('blake', 'Goals');
    await page.getByRole('button', { name: 'New goal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /A development item/ }).check();
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Present at the engineering all-hands');
    await dialog.getByRole('textbox', { name: 'Competency it grows' }).fill('Communication');
    await dialog.getByRole('combobox', { name: 'How to learn it' }).selectOption('mentoring');
    await dialog.getByRole('button', { name: 'Save' }).press('Enter');

    await page.getByRole('heading', { name: 'Present at the engineering all-hands' }).waitFor();
    await eventually(async () =>
      expect(await goalTitled('Present at the engineering all-hands')).toMatchObject({
        kind: 'development',
        status: 'active',
        competency: 'Communication',
        learningFormat: 'mentoring',
        createdBy: 'blake',
      }),
    );
  });

  it('lets the report tick and add milestones, and shows what changed', async () => {
    const page = await openTab('blake', 'Goals');
    const milestone = page.getByRole('checkbox', { name: /Shadow a review run by another team/ });
    await milestone.check();
    await eventually(async () => {
      const goal = await goalTitled('Lead a cross-team design review');
      expect(goal!.milestones.find((m) => m.id === 'seed-m1')!.doneAt).toEqual(expect.any(String));
    });
    await expect(milestone.isChecked()).resolves.toBe(true);

    await page.getByRole('textbox', { name: 'New milestone' }).first().fill('Write the review checklist');
    await page.getByRole('button', { name: 'Add milestone' }).first().click();
    await page.getByRole('checkbox', { name: /Write the review checklist/ }).waitFor();
    await page.getByRole('button', { name: 'What changed' }).first().click();
    await page.getByText('Blake Diaz ticked milestone “Shadow a review run by another team”').waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wide-goals-1280-light.png'), fullPage: true });
  });

  it('shows the manager the report’s plan to comment on, not to change', async () => {
    const page = await openTab('avery', 'Goals');
    await page.getByText('Blake Diaz’s own plan: you can comment or propose a new item.').first().waitFor();
    await expect(
      page.getByRole('checkbox', { name: /Run one review with Avery as backup/ }).isDisabled(),
    ).resolves.toBe(true);
    await page
      .getByRole('button', { name: /^Comments/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: 'Add a comment' }).first().fill('The platform team runs one in May.');
    await page.getByRole('button', { name: 'Comment', exact: true }).first().click();
    await page.getByText('The platform team runs one in May.').waitFor();
    const goal = await goalTitled('Lead a cross-team design review');
    expect(goal!.comments).toEqual([
      expect.objectContaining({ authorId: 'avery', text: 'The platform team runs one in May.' }),
    ]);
  });
});

describe('action items in the wide tab', () => {
  it('edits an item’s text, owner and due date, marks it done and reopens it', async () => {
    const page = await openTab('blake', 'Action items');
    const row = page.getByRole('listitem', { name: 'Action item: Ask finance about the conference budget' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^What/ }).fill('Ask finance about the conference and travel budget');
    await dialog.getByRole('combobox', { name: 'Who' }).selectOption('blake');
    await dialog.getByLabel('Due').fill('2030-01-15');
    await dialog.getByRole('combobox', { name: 'Goal' }).selectOption({ label: 'Lead a cross-team design review' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(async () =>
      expect(await itemWithId('seed-a2')).toMatchObject({
        text: 'Ask finance about the conference and travel budget',
        ownerId: 'blake',
        due: '2030-01-15',
        goalId: 'seed-g1',
      }),
    );

    const edited = page
      .getByRole('list', { name: 'Mine: open action items' })
      .getByRole('listitem', { name: 'Action item: Ask finance about the conference and travel budget' });
    await edited.getByRole('button', { name: 'Done' }).click();
    await eventually(async () => expect((await itemWithId('seed-a2')).status).toBe('done'));
    const closed = page
      .getByRole('list', { name: 'Recently closed action items' })
      .getByRole('listitem', { name: 'Action item: Ask finance about the conference and travel budget' });
    await closed.getByRole('button', { name: 'Reopen' }).click();
    await eventually(async () => expect((await itemWithId('seed-a2')).status).toBe('open'));
    await edited.waitFor();
    await edited.getByText('Goal: Lead a cross-team design review').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wide-action-items-1280-light.png'), fullPage: true });
  });
});
