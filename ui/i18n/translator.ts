import { createIntl, createIntlCache } from 'react-intl';
import { translatorsWith } from '../../core/i18n/translators';

const cache = createIntlCache();

/** A translator outside React (pure logic such as the agenda block); components use useT(). */
export const translatorFor = translatorsWith((config) => createIntl(config, cache));
