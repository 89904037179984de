import { shellEn } from '../../core/i18n/catalogs/en';
import type { MessagePart } from './message-part';

/** What every page's first script carries: the tab's shell, the side panel, shared components, the agenda. */
export const shellMessages: MessagePart = {
  en: shellEn,
  de: () => import('../../core/i18n/catalogs/de').then((m) => m.shellDe),
  ja: () => import('../../core/i18n/catalogs/ja').then((m) => m.shellJa),
};
