import { useCallback, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import { useT } from '../../ui/i18n/intl';
import { meetingTabUrl } from '../logic/tab-link';
import type { OfficeHost } from '../office/office-host';
import { messageOf } from './use-invite';
import { ApiError } from '../../ui/api/api-error';
import { useErrorText } from '../../ui/i18n/use-error-text';

export interface InsertOutcome {
  readonly intent: 'success' | 'warning' | 'error';
  readonly message: string;
}

export interface InsertTarget {
  readonly api: TandemApi;
  readonly pairId: string;
  readonly sessionId: string;
  readonly chatId: string;
  /** The invite's start when the pane found its session: the agenda is that occurrence's. */
  readonly start: string;
  readonly teamsAppId?: string;
  readonly locale?: string;
}

/**
 * The organizer's "Insert agenda into invite": the agenda as it is now (re-read, not what the pane last
 * showed), placed in the body in place of any earlier block, then attached as a file. A host that cannot
 * attach still gets the body; the message says what happened. It first checks that the invite is still the
 * occurrence the agenda belongs to (the organizer may have changed its date since the pane opened) and that
 * the occurrence takes place: another date's agenda, or a skipped one's, never goes into the invite.
 */
export function useInsertAgenda(host: OfficeHost, target: InsertTarget) {
  const translator = useT();
  const { t } = translator;
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome>();
  const insert = useCallback(async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      // Writing the invite is the organizer's occasional action: its code is fetched on first use.
      const [now, found, result, { agendaBlock }, { agendaFile }, { attachAgendaFile, insertAgendaBlock }] =
        await Promise.all([
          host.readAppointment(),
          target.api.meetingSession({ chatId: target.chatId, meetingStart: target.start }),
          target.api.agenda(target.pairId, target.sessionId),
          import('../logic/agenda-block'),
          import('../logic/agenda-file'),
          import('../office/insert-agenda'),
        ]);
      if (result.notModified) throw new Error(t('addin.insert.unreadable'));
      const sameOccurrence =
        Date.parse(now.start) === Date.parse(target.start) &&
        found.match === 'start' &&
        found.sessionId === target.sessionId;
      if (!sameOccurrence) throw new Error(t('addin.insert.otherDate'));
      const status = result.value.status;
      if (status === 'skipped' || status === 'cancelled')
        throw new Error(t(status === 'skipped' ? 'addin.occurrence.skipped' : 'addin.occurrence.cancelled'));
      const options = {
        tabUrl: meetingTabUrl({ chatId: target.chatId, teamsAppId: target.teamsAppId, origin: window.location.origin }),
        translator,
        ...(target.locale && { locale: target.locale }),
      };
      const how = await insertAgendaBlock(host, agendaBlock(result.value, options));
      if (!host.supports('attachments.add')) {
        setOutcome({ intent: 'warning', message: t('addin.insert.noAttachments', { how }) });
        return;
      }
      try {
        await attachAgendaFile(host, agendaFile(result.value, options));
        setOutcome({ intent: 'success', message: t('addin.insert.attached', { how }) });
      } catch (error) {
        setOutcome({ intent: 'warning', message: t('addin.insert.notAttached', { how, reason: messageOf(error) }) });
      }
    } catch (error) {
      // The service's refusals in the organizer's words; Office's own failures as Office words them.
      setOutcome({ intent: 'error', message: error instanceof ApiError ? errorText(error) : messageOf(error) });
    } finally {
      setBusy(false);
    }
  }, [host, target, translator, t, errorText]);
  return { insert, busy, outcome };
}
