import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { TandemApi } from '../api/client';
import type { AgendaView } from '../api/types';
import { useTOrEnglish } from '../i18n/intl';
import { errorMessageId } from '../i18n/use-error-text';

/**
 * The quiet "nothing to add this time" for an upcoming session: the bot's prompt for it is not sent (or not
 * repeated) to this person. Topics can still be added afterwards.
 */
export function NothingToAdd({
  api,
  agenda,
  onNoted,
}: {
  readonly api: TandemApi;
  readonly agenda: Pick<AgendaView, 'pairId' | 'sessionId' | 'nothingFromMe'>;
  readonly onNoted: () => void;
}) {
  // The agenda is also rendered outside a LocaleProvider (its own component tests): English there.
  const { t } = useTOrEnglish();
  const [error, setError] = useState('');
  if (agenda.nothingFromMe)
    return (
      <Text role="status" size={200}>
        {t('attention.nothingNoted')}
      </Text>
    );
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        onClick={() =>
          api
            .nothingFromMe(agenda.pairId, agenda.sessionId)
            .then(onNoted, (e: unknown) => setError(t(errorMessageId(e))))
        }
      >
        {t('attention.nothingToAdd')}
      </Button>
      {error && <Text role="alert">{error}</Text>}
    </>
  );
}
