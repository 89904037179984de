import { createHarness } from '../../tests/support/use-case-harness';
import { agendaCard, sharedAgendaCard } from './agenda-card';
import { translatorFor } from '../i18n';

const en = translatorFor('en-US');

/** Each topic line of a card as one string: its runs joined. */
function lines(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(lines);
  if (typeof json !== 'object' || json === null) return [];
  const o = json as Record<string, unknown>;
  if (o.type === 'RichTextBlock' && Array.isArray(o.inlines))
    return [o.inlines.map((r) => (typeof r === 'string' ? r : (r as { text: string }).text)).join('')];
  return Object.values(o).flatMap(lines);
}

describe('the agenda card and sections the manager added', () => {
  it('names such a section as the template titles it, and Topics once a later version removes it', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    const s1 = pair.sessionId(1);
    await h.uc.templates.setForPair('avery', pair.pairId, {
      deepDiveMinutes: 15,
      sections: [{ id: 'x-obstacles', title: 'Obstacles' }, { id: 'topics' }],
    });
    await h.uc.topics.add('blake', pair.pairId, s1, { title: 'Flaky builds', section: 'x-obstacles' });

    const mine = lines(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s1), en));
    expect(mine.find((l) => l.includes('Flaky builds'))).toMatch(/Obstacles/);
    const shared = lines(sharedAgendaCard(await h.uc.sessions.agenda('avery', pair.pairId, s1), en));
    expect(shared.find((l) => l.includes('Flaky builds'))).toMatch(/Obstacles/);

    await h.uc.templates.setForPair('avery', pair.pairId, { deepDiveMinutes: 15, sections: [{ id: 'topics' }] });
    const after = lines(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s1), en));
    expect(after.find((l) => l.includes('Flaky builds'))).toMatch(/Topics/);
  });
});
