import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from './host/host';

/**
 * Teams' themes: the light one is in the first script; the dark and high-contrast ones are fetched when Teams
 * first asks for either (docs/pages.md).
 */
const themes: Partial<Record<ThemeName, Theme>> = { default: teamsLightTheme };

export const themeNamed = (name: ThemeName): Theme | undefined => themes[name];

export async function loadTheme(name: ThemeName): Promise<void> {
  if (themes[name]) return;
  const other = await import('./other-themes');
  themes.dark = other.teamsDarkTheme;
  themes.contrast = other.teamsHighContrastTheme;
}
