import { Spinner, type SpinnerProps } from '@fluentui/react-components';
import { useTOrEnglish } from '../i18n/intl';

/**
 * A spinner with a name: a progress bar without one is an accessibility violation (axe's
 * aria-progressbar-name). Used where a part is still loading, also as a Suspense fallback, so it reads the
 * catalog through the context and falls back to English outside a LocaleProvider.
 */
export function LoadingSpinner({ size }: { readonly size?: SpinnerProps['size'] }) {
  const label = useTOrEnglish().t('common.loading');
  return <Spinner {...(size && { size })} aria-label={label} />;
}
