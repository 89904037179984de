import type { AgendaView } from '../../ui/api/types';
import { agendaHtml, escapeHtml, type AgendaBlockOptions } from './agenda-block';

export interface AgendaFile {
  readonly name: string;
  readonly base64: string;
}

/** UTF-8 bytes as base64, in chunks: a spread of a long array overflows the call stack. */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The agenda as a standalone HTML file to attach to the invite: readable offline and on any device. */
export function agendaFile(agenda: AgendaView, options: AgendaBlockOptions = {}): AgendaFile {
  const names = { manager: agenda.manager.displayName, report: agenda.report.displayName };
  const title = options.translator?.t('invite.fileTitle', names) ?? `1:1 agenda ${names.manager} / ${names.report}`;
  const lang = escapeHtml(options.translator?.locale ?? 'en');
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Segoe UI,Arial,sans-serif">',
    agendaHtml(agenda, options),
    '</body></html>',
  ].join('\n');
  return { name: `tandem-agenda-${agenda.originalStart.slice(0, 10)}.html`, base64: utf8ToBase64(html) };
}

export function base64ToUtf8(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}
