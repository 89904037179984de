import { Spinner, type SpinnerProps } from '@fluentui/react-components';
import { useContext } from 'react';
import { IntlContext } from 'react-intl';
import { en } from '../../core/i18n/catalogs/en';

/**
 * A spinner with a name: a progress bar without one is an accessibility violation (axe's
 * aria-progressbar-name). Used where a part is still loading, also as a Suspense fallback, so it reads the
 * catalog through the context and falls back to English outside a LocaleProvider.
 */
export function LoadingSpinner({ size }: { readonly size?: SpinnerProps['size'] }) {
  const intl = useContext(IntlContext);
  const label = intl ? intl.formatMessage({ id: 'common.loading' }) : en['common.loading'];
  return <Spinner {...(size && { size })} aria-label={label} />;
}
