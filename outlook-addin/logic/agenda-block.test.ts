import { agendaWith, topic } from '../../ui/test-support/agenda-fixture';
import { AgendaBlockError, agendaBlock, escapeHtml, hasAgendaBlock, withAgendaBlock } from './agenda-block';
import { agendaFile, base64ToUtf8 } from './agenda-file';

const TEAMS_BLOCK =
  '<div style="width:100%">________________<br><b>Microsoft Teams meeting</b><br>' +
  '<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d">Join the meeting now</a></div>';
const BODY = `<html><head></head><body><p>Weekly 1:1</p>${TEAMS_BLOCK}</body></html>`;
const SCRIPT = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const agenda = agendaWith([
  topic({ id: 't1', title: 'Career conversation' }),
  topic({ id: 't2', title: SCRIPT, authorId: 'avery', authorRole: 'manager', detail: 'a & b' }),
]);
const options = { timeZone: 'UTC', tabUrl: 'https://teams.microsoft.com/l/entity/app/tab?context=%7B%7D' };

describe('agenda block', () => {
  it('lists the sections with topics, their authors, and the Teams link', () => {
    const block = agendaBlock(agenda, options);
    expect(block).toContain('1:1 agenda: Avery Chen and Blake Diaz, Wed, 25 Nov 2026, 10:00');
    expect(block).toContain('<b>Topics</b>');
    expect(block).toContain('Career conversation <span style="color:#605e5c">(Blake Diaz)</span>');
    expect(block).not.toContain('<b>Feedback</b>');
    expect(block).toContain('href="https://teams.microsoft.com/l/entity/app/tab?context=%7B%7D"');
  });

  it('escapes every user-typed string, so a script payload is inert text', () => {
    const block = agendaBlock(agenda, options);
    expect(block).not.toContain('<script');
    expect(block).not.toContain('<img');
    expect(block).toContain(escapeHtml(SCRIPT));
    expect(block).toContain('a &amp; b');
    const hostile = agendaWith([], {
      manager: { id: 'avery', displayName: '"><b onmouseover=x>' },
      progress: {
        goals: [],
        actionItems: [
          {
            id: 'a',
            text: '</li><script>',
            ownerId: 'avery',
            due: '2026-12-01',
            status: 'open',
            sourceSessionId: 's',
            createdBy: 'avery',
            createdAt: '',
            rev: 1,
          },
        ],
      },
    });
    const html = agendaBlock(hostile, options);
    expect(html).not.toMatch(/<script|<b onmouseover/);
    expect(html).toContain('&lt;/li&gt;&lt;script&gt;');
  });

  it('never links anything but a web URL', () => {
    expect(agendaBlock(agenda, { tabUrl: 'javascript:alert(1)' })).not.toContain('href=');
  });

  it("leaves the organizer's private talking points out of the invite and its attachment", () => {
    const withPrivate = agendaWith([
      topic({ id: 't1', title: 'Career conversation' }),
      topic({ id: 'p1', title: 'Remember to ask about the raise', private: true }),
    ]);
    expect(agendaBlock(withPrivate, options)).not.toContain('raise');
    expect(base64ToUtf8(agendaFile(withPrivate, options).base64)).not.toContain('raise');
    expect(agendaBlock(agendaWith([topic({ id: 'p1', title: 'Only mine', private: true })]), options)).not.toContain(
      'Only mine',
    );
  });

  it('says so when nobody has added a topic', () => {
    expect(agendaBlock(agendaWith([]), options)).toContain('No topics yet');
  });
});

describe('placing the block in the body', () => {
  it('inserts at the top of the body, leaving the Teams block byte for byte', () => {
    const once = withAgendaBlock(BODY, agendaBlock(agenda, options));
    expect(once.indexOf('tandem-agenda')).toBeLessThan(once.indexOf('Weekly 1:1'));
    expect(once).toContain(TEAMS_BLOCK);
    expect(once.startsWith('<html><head></head><body><!-- tandem-agenda:begin -->')).toBe(true);
  });

  it('replaces its earlier block instead of stacking a second one', () => {
    const first = withAgendaBlock(BODY, agendaBlock(agenda, options));
    const updated = agendaWith([topic({ id: 't3', title: 'Promotion timeline' })]);
    const second = withAgendaBlock(first, agendaBlock(updated, options));
    expect(second.match(/id="tandem-agenda"/g)).toHaveLength(1);
    expect(second).toContain('Promotion timeline');
    expect(second).not.toContain('Career conversation');
    expect(second).toContain(TEAMS_BLOCK);
  });

  it('finds the block by its div when the host dropped the comments and prefixed the id', () => {
    const stripped = `<body><div id="x_tandem-agenda" style="a"><div><p>old</p></div><ul><li>Old topic</li></ul></div><p>Weekly 1:1</p>${TEAMS_BLOCK}</body>`;
    expect(hasAgendaBlock(stripped)).toBe(true);
    const result = withAgendaBlock(stripped, agendaBlock(agenda, options));
    expect(result).not.toContain('Old topic');
    expect(result).toContain('<p>Weekly 1:1</p>');
    expect(result).toContain(TEAMS_BLOCK);
  });

  it('folds several earlier copies into one', () => {
    const block = agendaBlock(agenda, options);
    const twice = `<body>${block}<p>between</p>${block}${TEAMS_BLOCK}</body>`;
    const result = withAgendaBlock(twice, block);
    expect(result.match(/tandem-agenda:begin/g)).toHaveLength(1);
    expect(result).toContain('<p>between</p>');
  });

  it('refuses to replace a region that holds the Teams meeting link', () => {
    const entangled = `<body><!-- tandem-agenda:begin --><div id="tandem-agenda">${TEAMS_BLOCK}</div><!-- tandem-agenda:end --></body>`;
    expect(() => withAgendaBlock(entangled, agendaBlock(agenda, options))).toThrow(AgendaBlockError);
  });

  it('prepends to a body without a <body> tag', () => {
    expect(withAgendaBlock('<p>x</p>', 'B')).toBe('B<p>x</p>');
  });
});

describe('agenda attachment', () => {
  it('is a UTF-8 HTML file named by the date, with user text escaped', () => {
    const file = agendaFile(agendaWith([topic({ id: 't', title: `Café ${SCRIPT}` })]), options);
    expect(file.name).toBe('tandem-agenda-2026-11-25.html');
    const html = base64ToUtf8(file.base64);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Café &lt;script&gt;');
    expect(html).not.toContain('<script');
  });
});
