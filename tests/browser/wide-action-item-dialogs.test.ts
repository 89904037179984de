import type { Locator, Page } from 'playwright-core';
import { BROWSER_TEST_MS, eventually, expectGivenBackTo, seriousViolations } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * The action item dialogs (the wide tab's Action items view, the agenda's "From last time") and the wide tab's
 * Reminders dialog after they close: the page is given back to assistive technology (nothing around it
 * aria-hidden) and focus is back on the button that opened the dialog, so a keyboard or screen reader user goes
 * on from where they were.
 */
let harness: TabHarness;

beforeAll(async () => {
  harness = await TabHarness.start('wide-action-item-dialogs');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

/**
 * The button an action item's dialog is opened from, by the item's id (its accessible name holds the item's
 * text, which the test changes): `aria-describedby` names the item's text element.
 */
const editButtonOf = (page: Page, itemId: string, name: string | RegExp): Locator =>
  page.locator(`[aria-describedby="action-item-${itemId}"]`).filter({ hasText: name });

describe('dialogs of the wide tab’s Action items view and its Reminders', () => {
  it('give the page and focus back after a save, a Save by keyboard and Escape', async () => {
    const page = await harness.standalone('blake');
    await page.getByRole('tab', { name: 'Action items' }).click();
    const heading = page.getByRole('heading', { name: 'Action items', exact: true });
    await heading.waitFor();
    const edit = editButtonOf(page, 'seed-a2', 'Edit');

    // The text changed, saved with the mouse: the list reloads with the dialog still open.
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit action item' });
    await dialog.getByRole('textbox', { name: /^What/ }).fill('Ask finance about the travel budget');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('listitem', { name: 'Action item: Ask finance about the travel budget' }).waitFor();
    await expectGivenBackTo(page, edit, heading);

    // The due date moved, saved by keyboard.
    await edit.click();
    await dialog.getByLabel('Due').fill('2030-02-01');
    await dialog.getByRole('button', { name: 'Save' }).press('Enter');
    await page
      .getByRole('listitem', { name: 'Action item: Ask finance about the travel budget' })
      .getByText(/2030/)
      .waitFor();
    await expectGivenBackTo(page, edit, heading);

    // A change abandoned with Escape.
    await edit.click();
    await dialog.getByRole('textbox', { name: /^What/ }).fill('Not this');
    await page.keyboard.press('Escape');
    await expectGivenBackTo(page, edit, heading);
    await page.getByRole('listitem', { name: 'Action item: Ask finance about the travel budget' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('gives focus to the item’s Edit button in its new list once a change of owner has moved it there', async () => {
    const page = await harness.standalone('blake');
    await page.getByRole('tab', { name: 'Action items' }).click();
    const heading = page.getByRole('heading', { name: 'Action items', exact: true });
    await heading.waitFor();
    const edit = editButtonOf(page, 'seed-a2', 'Edit');
    const listOfItem = () => edit.evaluate((e) => e.closest('ul')?.getAttribute('aria-label'));
    const before = await listOfItem();

    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit action item' });
    const who = dialog.getByRole('combobox', { name: 'Who' });
    await who.selectOption((await who.inputValue()) === 'blake' ? 'avery' : 'blake');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await listOfItem()).not.toBe(before));
    await expectGivenBackTo(page, edit, heading);
  });

  it('give the page and focus back after Reminders are saved and after Cancel', async () => {
    const page = await harness.standalone('blake');
    const heading = page.getByRole('heading', { level: 1, name: /^Tandem/ });
    const reminders = page.getByRole('button', { name: 'Reminders' });
    await reminders.click();
    const settings = page.getByRole('dialog', { name: 'Your reminders' });
    await settings.getByRole('combobox', { name: 'How long before' }).selectOption({ label: '2 hours before' });
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await expectGivenBackTo(page, reminders, heading);
    await reminders.click();
    await settings.getByRole('combobox', { name: 'How long before' }).waitFor();
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await expectGivenBackTo(page, reminders, heading);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the action item dialog of the agenda’s “From last time”', () => {
  it('gives the page and focus back after a save and Escape', async () => {
    const page = await harness.standalone('avery', { view: 'panel', width: 320, height: 720 });
    const fromLastTime = page.getByRole('list', { name: 'From last time' });
    const heading = page.getByRole('heading', { name: 'From last time' });
    await fromLastTime.waitFor();
    const edit = fromLastTime.getByRole('button', { name: /^Edit “Write up the design review trade-offs/ });

    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit action item' });
    await dialog.getByLabel('Due').fill('2030-03-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await fromLastTime.getByText(/Mar 1, 2030/).waitFor();
    await expectGivenBackTo(page, edit, heading);

    await edit.click();
    await dialog.getByLabel('Due').fill('2030-04-01');
    await page.keyboard.press('Escape');
    await expectGivenBackTo(page, edit, heading);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
