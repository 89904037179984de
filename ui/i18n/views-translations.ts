import type { Translations } from './message-part';

/**
 * The wide views' German and Japanese, without their English: the tab's first script names them to fetch
 * them beside the wide view's chunk (tab/app.tsx), not after it has run.
 */
export const viewsTranslations: Translations = {
  de: () => import('../../core/i18n/catalogs/views/de').then((m) => m.viewsDe),
  ja: () => import('../../core/i18n/catalogs/views/ja').then((m) => m.viewsJa),
};
