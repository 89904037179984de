import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEMPLATE_LIBRARY } from '../../core/model/template-library';
import { TandemApi } from '../api/client';
import type { PairSummary, TemplateInput } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { viewsMessages } from '../i18n/views-messages';
import { FakeService } from '../test-support/fake-service';
import { SectionPrompts } from './section-prompts';
import { TemplateDialog } from './template-dialog';

const PAIR: PairSummary = {
  id: 'avery-blake',
  role: 'manager',
  other: { id: 'blake', displayName: 'Blake Diaz' },
  cadence: { frequency: 'weekly', startDate: '2026-11-24', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
};
const CURRENT = {
  deepDiveMinutes: 15,
  sections: [{ id: 'check-in' }, { id: 'progress' }, { id: 'topics' }, { id: 'recap' }],
};

function setup(locale = 'en-US') {
  const service = new FakeService()
    .on('GET', '/api/templates', () => ({ status: 200, json: { builtIn: TEMPLATE_LIBRARY, own: [] } }))
    .on('GET', '/api/pairs/avery-blake/template', () => ({
      status: 200,
      json: { template: CURRENT, appliesAfter: '20261124T100000Z', canEdit: true },
    }))
    .on('PUT', '/api/pairs/avery-blake/template', (call) => ({
      status: 200,
      json: { template: call.body, canEdit: true },
    }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const saved: string[] = [];
  render(
    <LocaleProvider locale={locale} parts={[viewsMessages]}>
      <TemplateDialog api={api} pair={PAIR} onSaved={(m) => saved.push(m)} />
    </LocaleProvider>,
  );
  return { service, saved };
}

jest.setTimeout(60_000);

describe('the template dialog', () => {
  it('reorders with Move up / Move down, adds a section with a prompt, and saves it for the next session', async () => {
    const user = userEvent.setup();
    const { service, saved } = setup();
    await user.click(screen.getByRole('button', { name: 'Template…' }));
    // In jsdom Fluent's dialog surface is at times left aria-hidden by its focus management: the queries look
    // past that; the browser test checks the real dialog.
    const dialog = within(await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 }));
    const down = await dialog.findByRole('button', { name: 'Move Check-in down', hidden: true }, { timeout: 10_000 });
    await user.click(down);
    expect(dialog.getByRole('status', { hidden: true })).toHaveTextContent('Check-in moved to position 2 of 4');
    // The focus stays with the section that moved, so the keyboard can keep moving it.
    expect(dialog.getByRole('button', { name: 'Move Check-in down', hidden: true })).toHaveFocus();

    await user.click(dialog.getByRole('checkbox', { name: 'Hide Progress', hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Add a section', hidden: true }));
    const title = dialog.getByRole('textbox', { name: 'Title of section 5', hidden: true });
    await user.clear(title);
    await user.type(title, 'Obstacles');
    await user.click(dialog.getByRole('button', { name: 'Add a prompt under Obstacles', hidden: true }));
    await user.type(
      dialog.getByRole('textbox', { name: 'Prompt 1 under Obstacles', hidden: true }),
      'What’s in your way?',
    );
    await user.click(dialog.getByRole('button', { name: 'Use from the next session', hidden: true }));

    await waitFor(() => expect(saved).toEqual(['Saved. The next session follows this template.']));
    const body = service.callsTo('PUT', '/api/pairs/avery-blake/template')[0]!.body as TemplateInput;
    expect(body.sections.map((s) => s.id).slice(0, 4)).toEqual(['progress', 'check-in', 'topics', 'recap']);
    expect(body.sections[0]).toEqual({ id: 'progress', hidden: true });
    expect(body.sections[4]).toMatchObject({ title: 'Obstacles', prompts: [{ text: 'What’s in your way?' }] });
  });

  it('starts from a built-in template, in the reader’s language', async () => {
    const user = userEvent.setup();
    setup('de-DE');
    await user.click(await screen.findByRole('button', { name: 'Vorlage…' }));
    const start = await screen.findByRole('combobox', { name: 'Ausgangspunkt', hidden: true }, { timeout: 10_000 });
    await user.selectOptions(start, 'built-in:weekly-check-in');
    expect(screen.getByRole('textbox', { name: 'Leitfrage 1 unter Themen', hidden: true })).toHaveValue(
      'Was ist diese Woche dein größtes Hindernis?',
    );
  });

  it('is not offered to the report', () => {
    const service = new FakeService();
    const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
    render(
      <LocaleProvider locale="en-US" parts={[viewsMessages]}>
        <TemplateDialog api={api} pair={{ ...PAIR, role: 'report' }} onSaved={() => undefined} />
      </LocaleProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Template…' })).toBeNull();
  });
});

describe('prompts under a section heading', () => {
  it('shows built-in prompts in the reader’s language and a manager’s own as written', async () => {
    render(
      <LocaleProvider locale="ja-JP" parts={[viewsMessages]}>
        <SectionPrompts heading="Topics" prompts={[{ key: 'template.prompt.obstacle' }, { text: 'Anything else?' }]} />
      </LocaleProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Topics の問いかけ' });
    expect(list).toHaveTextContent('今週いちばんの障害になっていることは何ですか？');
    expect(list).toHaveTextContent('Anything else?');
  });
});
