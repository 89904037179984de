import { useCallback } from 'react';
import { useT } from '../../ui/i18n/intl';
import { useErrorText } from '../../ui/i18n/use-error-text';
import { HostError } from '../office/office-host';

/**
 * What to show for a failure in the add-in, in the reader's language: Outlook's own refusals (a failed call,
 * a read-only invite, an old Outlook) name what could not be done, with Outlook's reason as Outlook gave it;
 * a refusal from the service goes through the catalogs like everywhere else.
 */
export function useHostErrorText(): (error: unknown) => string {
  const { t } = useT();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof HostError)) return errorText(error);
      const what = t('addin.host.what', { op: error.operation.replace(/\W/g, '_') });
      switch (error.code) {
        case 'no-item':
          return t('addin.host.noItem');
        case 'read-only':
          return t('addin.host.readOnly', { what });
        case 'unsupported':
          return t('addin.host.unsupported', { what });
        default:
          return t('addin.host.failed', { what, reason: error.reason });
      }
    },
    [t, errorText],
  );
}
