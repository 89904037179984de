import { addinEn } from '../../core/i18n/catalogs/addin/en';
import type { MessagePart } from './message-part';

/** The Outlook add-in's task pane and invite agenda: in the add-in's first script, never in the tab's. */
export const addinMessages: MessagePart = {
  en: addinEn,
  de: () => import('../../core/i18n/catalogs/addin/de').then((m) => m.addinDe),
  ja: () => import('../../core/i18n/catalogs/addin/ja').then((m) => m.addinJa),
};
