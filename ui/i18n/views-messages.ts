import { viewsEn } from '../../core/i18n/catalogs/views/en';
import type { MessagePart } from './message-part';
import { viewsTranslations } from './views-translations';

/** The wide tab's views: imported by the wide view's chunk only, so the side panel never carries their English. */
export const viewsMessages: MessagePart = { en: viewsEn, ...viewsTranslations };
