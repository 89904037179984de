import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';
import { createIntl } from '@formatjs/intl';
import { translatorsWith } from '../i18n/translators';
import { renderPairMarkdown } from '../model/pair-export';

const translatorFor = translatorsWith(createIntl);
const en = translatorFor('en');

const HOSTILE = '# <script>alert(1)</script> [x](http://e)';

const h = useHarness();
const s0 = pair.sessionId(0);

beforeEach(async () => {
  const { pairId } = pair;
  await h.uc.topics.add('blake', pairId, s0, { id: 't-1', title: HOSTILE });
  h.clock.advance(1000);
  await h.uc.topics.add('blake', pairId, s0, { id: 't-2', title: 'Budget' });
  h.at(pair, 0, 5);
  await h.uc.sessions.checkIn('blake', pairId, s0, { mood: 4, line: '**bold** <b>claim</b>' });
  await h.uc.topics.edit('avery', pairId, s0, 't-1', { rev: 1, discussed: true });
  await h.uc.sessions.addNote('avery', pairId, s0, { id: 'n-1', text: 'Shared\n# not a heading', private: false });
  await h.uc.sessions.addNote('avery', pairId, s0, { id: 'p-a', text: 'AVERY-PRIVATE', private: true });
  await h.uc.sessions.addNote('blake', pairId, s0, { id: 'p-b', text: 'BLAKE-PRIVATE', private: true });
  await h.uc.sessions.giveFeedback('blake', pairId, s0, { id: 'f-1', text: '[click](javascript:alert(1))' });
  await h.uc.commitments.addActionItem('avery', pairId, {
    id: 'a-1',
    text: '<img src=x onerror=alert(1)>',
    ownerId: 'blake',
    due: '2026-03-09',
    sessionId: s0,
  });
  await h.uc.sessions.rate('blake', pairId, s0, 4);
  await h.uc.sessions.rate('avery', pairId, s0, 1);
  h.clock.set('2026-03-09T12:00:00Z');
});

describe('the pair export', () => {
  it('holds the sessions that have started, with topics, notes, feedback and commitments', async () => {
    const data = await h.uc.exports.exportPair('blake', pair.pairId);

    expect(data).toMatchObject({
      format: 'tandem.pair-export/1',
      exportedAt: '2026-03-09T12:00:00.000Z',
      exportedBy: { id: 'blake', displayName: 'Blake Diaz' },
      pairId: pair.pairId,
      manager: { id: 'avery' },
      report: { id: 'blake' },
      actionItems: [expect.objectContaining({ id: 'a-1', status: 'open' })],
    });
    expect(data.sessions.map((s) => [s.id, s.status])).toEqual([[s0, 'held']]);
    const [session] = data.sessions;
    expect(session!.topics).toEqual([
      expect.objectContaining({ id: 't-1', title: HOSTILE, discussed: true }),
      expect.objectContaining({ id: 't-2', title: 'Budget', discussed: false, carriedForward: true }),
    ]);
    expect(session!.sharedNotes.map((n) => n.text)).toEqual(['Shared\n# not a heading']);
    expect(session!.feedback).toEqual([expect.objectContaining({ fromId: 'blake', toId: 'avery' })]);
  });

  it('holds meetings held ahead of their slot and meetings moved earlier, by when they took place', async () => {
    const [s1, s2] = [pair.sessionId(1), pair.sessionId(2)];
    h.clock.set('2026-03-09T11:00:00Z');
    await h.uc.sessions.setState('avery', pair.pairId, s1, 'started');
    await h.uc.sessions.setState('avery', pair.pairId, s1, 'ended');
    await h.uc.schedule.move('avery', pair.pairId, s2, new Date('2026-03-09T11:40:00Z'));
    h.clock.set('2026-03-09T12:30:00Z');

    const data = await h.uc.exports.exportPair('blake', pair.pairId);
    expect(data.sessions.map((s) => [s.id, s.status, s.heldAt])).toEqual([
      [s0, 'held', '2026-03-03T10:00:00.000Z'],
      [s1, 'held', '2026-03-09T11:00:00.000Z'],
      [s2, 'held', '2026-03-09T11:40:00.000Z'],
    ]);
    expect(renderPairMarkdown(data, en)).toContain('### 2026-03-09 (held)');
  });

  it("holds the reader's own private notes and rating, never the other person's", async () => {
    const blakes = await h.uc.exports.exportPair('blake', pair.pairId);
    const averys = await h.uc.exports.exportPair('avery', pair.pairId);

    expect(blakes.sessions[0]).toMatchObject({ myRating: 4 });
    expect(blakes.sessions[0]!.myPrivateNotes.map((n) => n.text)).toEqual(['BLAKE-PRIVATE']);
    expect(JSON.stringify(blakes)).not.toContain('AVERY-PRIVATE');
    expect(averys.sessions[0]).toMatchObject({ myRating: 1 });
    expect(averys.sessions[0]!.myPrivateNotes.map((n) => n.text)).toEqual(['AVERY-PRIVATE']);
    expect(JSON.stringify(averys)).not.toContain('BLAKE-PRIVATE');
    expect(JSON.stringify(averys)).not.toMatch(/"ratings"|"score"/);
  });
});

describe('the Markdown export', () => {
  it('renders user text inert', async () => {
    const markdown = renderPairMarkdown(await h.uc.exports.exportPair('blake', pair.pairId), en);
    const lines = markdown.split('\n');

    expect(lines).toContain(
      '- [x] \\# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(http://e\\) (Blake Diaz, Topics)',
    );
    expect(lines).toContain('- [ ] Budget (Blake Diaz, Topics) (carried forward)');
    expect(lines).toContain('- Check-in Blake Diaz: mood 4/5, \\*\\*bold\\*\\* &lt;b&gt;claim&lt;/b&gt;');
    expect(lines).toContain('- Avery Chen: Shared  ');
    expect(lines).toContain('\\# not a heading');
    expect(lines).toContain('- Blake Diaz to Avery Chen: \\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(lines).toContain('- [ ] &lt;img src=x onerror=alert\\(1\\)&gt; (Blake Diaz, due 2026-03-09, open)');
    expect(markdown).not.toMatch(/<(script|img|b)\b/);
    expect(markdown).not.toMatch(/\]\(/);
    // The only headings are the export's own.
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# 1:1 Avery Chen and Blake Diaz',
      '## Goals and development',
      '## Action items',
      '## Sessions',
      '### 2026-03-03 (held)',
    ]);
  });

  it('speaks the reader’s language', async () => {
    const markdown = renderPairMarkdown(await h.uc.exports.exportPair('blake', pair.pairId), translatorFor('de-DE'));
    expect(markdown.split('\n')).toEqual(
      expect.arrayContaining([
        '# 1:1 Avery Chen und Blake Diaz',
        '## Ziele und Entwicklung',
        '### 2026-03-03 (stattgefunden)',
        '- [ ] Budget (Blake Diaz, Themen) (verschoben)',
        '- [ ] &lt;img src=x onerror=alert\\(1\\)&gt; (Blake Diaz, fällig am 2026-03-09, offen)',
      ]),
    );
  });

  it("includes only the reader's own private notes", async () => {
    const blakes = renderPairMarkdown(await h.uc.exports.exportPair('blake', pair.pairId), en);
    const averys = renderPairMarkdown(await h.uc.exports.exportPair('avery', pair.pairId), en);

    expect(blakes).toContain('**My private notes**\n\n- BLAKE\\-PRIVATE');
    expect(blakes).not.toContain('AVERY');
    expect(blakes).toContain('My rating: 4/5');
    expect(averys).toContain('- AVERY\\-PRIVATE');
    expect(averys).not.toContain('BLAKE\\-PRIVATE');
    expect(averys).toContain('My rating: 1/5');
  });
});

describe('topics in a section a template edit added', () => {
  it('are named under their section’s title, like the framework’s', async () => {
    // The edit applies after the current session (s1): s2 is the first with the added section.
    const s2 = pair.sessionId(2);
    await h.uc.templates.setForPair('avery', pair.pairId, {
      deepDiveMinutes: 15,
      sections: [{ id: 'x-obstacles', title: 'Obstacles *now*' }, { id: 'topics' }, { id: 'recap' }],
    });
    await h.uc.topics.add('blake', pair.pairId, s2, { id: 'o-1', title: 'Waiting on review', section: 'x-obstacles' });
    await h.uc.topics.add('blake', pair.pairId, s2, { id: 't-3', title: 'Hiring', section: 'topics' });
    h.clock.set('2026-03-17T11:00:00Z');

    const data = await h.uc.exports.exportPair('blake', pair.pairId);
    const lines = renderPairMarkdown(data, en).split('\n');
    expect(lines).toContain('- [ ] Waiting on review (Blake Diaz, Obstacles \\*now\\*) (carried forward)');
    expect(lines).toContain('- [ ] Hiring (Blake Diaz, Topics) (carried forward)');
    expect(renderPairMarkdown(data, translatorFor('de-DE')).split('\n')).toContain(
      '- [ ] Waiting on review (Blake Diaz, Obstacles \\*now\\*) (verschoben)',
    );
  });
});
