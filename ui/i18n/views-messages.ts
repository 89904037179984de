import { viewsEn } from '../../core/i18n/catalogs/views/en';
import type { MessagePart } from './message-part';

/** The wide tab's views: imported by the wide view's chunk only, so the side panel never carries them. */
export const viewsMessages: MessagePart = {
  en: viewsEn,
  de: () => import('../../core/i18n/catalogs/views/de').then((m) => m.viewsDe),
  ja: () => import('../../core/i18n/catalogs/views/ja').then((m) => m.viewsJa),
};
