import { escapeMarkdown } from './markdown';

describe('escapeMarkdown', () => {
  it('renders a hostile title inert: no heading, no HTML, no link', () => {
    const out = escapeMarkdown('# <script>alert(1)</script> [x](http://e)');

    expect(out).toBe('\\# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(http://e\\)');
    expect(out).not.toMatch(/^#/);
    expect(out).not.toContain('<');
    expect(out).not.toContain('](');
  });

  it('escapes emphasis, code, lists, tables, entities and backslashes', () => {
    expect(escapeMarkdown('*a* _b_ `c` ~d~ |e| 1. -f +g !h &amp; \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| 1\\. \\-f \\+g \\!h &amp;amp; \\\\',
    );
  });

  it('keeps line breaks as hard breaks so a new line cannot start a block', () => {
    const out = escapeMarkdown('one\n# two\r\n> three\n- four');

    expect(out).toBe('one  \n\\# two  \n&gt; three  \n\\- four');
    for (const line of out.split('\n').slice(1)) expect(line).toMatch(/^(\\|&)/);
  });

  it('leaves plain text alone', () => {
    expect(escapeMarkdown('Career growth, next steps')).toBe('Career growth, next steps');
  });
});
