// A chunk of its own (tab/themes.ts): the themes most people never see.
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
