/**
 * Escapes user text for Markdown so it renders as typed: no headings, links, emphasis or raw HTML can be
 * smuggled in through a topic title or a note.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1')
    .replace(/\r?\n/g, '  \n');
}
