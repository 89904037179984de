import { createIntl, createIntlCache } from '@formatjs/intl';
import { translatorsWith } from '../core/i18n/translators';

export { formatDay } from '../core/i18n/translators';

const cache = createIntlCache();

/** The bot's translators (an activity's `locale`, a stored conversation reference's), formatted by @formatjs/intl. */
export const translatorFor = translatorsWith((config) => createIntl(config, cache));
