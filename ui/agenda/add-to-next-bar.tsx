import { dateFormat } from '../../core/i18n/date-format';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import type { MessageId } from '../../core/i18n/messages';
import { useT } from '../i18n/intl';
import type { HeldTopic } from './use-agenda-actions';

/** The service's code, in people's words (never "sessionId: this session is held"). */
const SAID: Readonly<Record<string, MessageId>> = {
  'session-ended': 'continuity.addToNext.ended',
  'session-skipped': 'continuity.addToNext.skipped',
  'session-cancelled': 'continuity.addToNext.cancelled',
};

/**
 * A topic refused because its meeting is over (ended, skipped or cancelled meanwhile): said in people's words,
 * with "Add it to the next one". It stays above the agenda, which turns read-only.
 */
export function AddToNextBar({
  held,
  onAdd,
  onDismiss,
}: {
  held: HeldTopic;
  onAdd: () => Promise<void>;
  onDismiss: () => void;
}) {
  const { t, locale } = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  if (held.addedTo) {
    const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(held.addedTo));
    return (
      <MessageBar intent="success">
        <MessageBarBody role="status">{t('continuity.addToNext.done', { when })}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={onDismiss}>{t('continuity.carryOver.finish')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const add = async () => {
    setBusy(true);
    try {
      await onAdd();
      setFailed(undefined);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(SAID[held.code] ?? 'continuity.addToNext.ended')}</MessageBarTitle>
        {held.title}
        {held.noNext && <div role="alert">{t('continuity.addToNext.noNext')}</div>}
        {failed && <div role="alert">{failed}</div>}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={busy || held.noNext} onClick={() => void add()}>
          {t('continuity.addToNext.button')}
        </Button>
        <Button onClick={onDismiss}>{t('continuity.addToNext.dismiss')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
