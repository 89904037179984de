import { createIntl, createIntlCache } from '@formatjs/intl';
import { translatorsWith } from '../../core/i18n/translators';

const cache = createIntlCache();

/** The service's own translators (the Markdown export), formatted by @formatjs/intl like the bot's. */
export const translatorFor = translatorsWith((config) => createIntl(config, cache));
