import { hasAgendaBlock, withAgendaBlock } from '../logic/agenda-block';
import type { AgendaFile } from '../logic/agenda-file';
import { HostError, type OfficeHost } from './office-host';

const ATTACHMENT_NAME = /^tandem-agenda-.*\.html$/;

/**
 * Puts the agenda block into the invite body. The first time it is prepended (the rest of the body, the
 * Teams meeting block included, is never rewritten); the body is then read back, because prependAsync can
 * report success and change nothing (new Outlook for Mac with Teams on) — then the body is set whole. Later
 * inserts replace the earlier block in place.
 */
export async function insertAgendaBlock(host: OfficeHost, block: string): Promise<'inserted' | 'replaced'> {
  const body = await host.getBody();
  if (hasAgendaBlock(body)) {
    await host.setBody(withAgendaBlock(body, block));
    return 'replaced';
  }
  if (host.supports('body.prepend')) {
    await host.prependBody(block);
    if (hasAgendaBlock(await host.getBody())) return 'inserted';
  }
  await host.setBody(withAgendaBlock(body, block));
  if (!hasAgendaBlock(await host.getBody()))
    throw new HostError('failed', 'body.set', 'Outlook did not keep the agenda in the invite body.');
  return 'inserted';
}

/** Attaches the agenda file in place of the one attached before, so re-inserting does not pile up copies. */
export async function attachAgendaFile(host: OfficeHost, file: AgendaFile): Promise<void> {
  const earlier = (await host.listAttachments()).filter((a) => ATTACHMENT_NAME.test(a.name));
  for (const attachment of earlier) await host.removeAttachment(attachment.id);
  await host.attachFile(file.name, file.base64);
}
