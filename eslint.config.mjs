import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule (docs/architecture.md): core ← adapters, bot ← server; ui ← tab, outlook-addin.
 * Each rule matches the import specifier by regular expression, so it holds at any folder depth
 * ('../server/x' and '../../../server/x' alike). tests/architecture/dependency-rule.test.ts
 * probes every forbidden direction.
 */
const folder = (...names) => `(^|/)(${names.join('|')})(/|$)`;
const forbid = (regex, message) => ({ regex, message });

const HOST_SDKS = '^(@microsoft/teams-js|@azure/msal-browser|@microsoft/office-js)$';
const BROWSER_CODE = ['ui', 'tab', 'outlook-addin', 'sandbox'];

const layers = {
  core: [
    forbid('^[^.]', 'core/ is pure: no packages, no Node built-ins. Define a port and an adapter instead.'),
    forbid(folder('adapters', 'server', 'bot', 'tests', 'scripts', ...BROWSER_CODE), 'core/ imports only core/.'),
  ],
  adapters: [
    forbid(folder('server', 'bot', 'tests', 'scripts', ...BROWSER_CODE), 'An adapter imports core/ and its SDK only.'),
  ],
  bot: [
    forbid(folder('server', 'adapters', 'tests', 'scripts', ...BROWSER_CODE), 'bot/ imports core/ and botbuilder.'),
  ],
  server: [forbid(folder('tests', 'scripts', ...BROWSER_CODE), 'The service never imports tests or browser code.')],
  browser: [
    forbid(folder('server', 'adapters', 'bot', 'tests', 'scripts'), 'Browser code imports core/ and ui/ only.'),
    forbid('^node:', 'Browser code has no Node built-ins.'),
  ],
  ui: [forbid(folder('tab', 'outlook-addin'), 'ui/ is shared by the tab and the add-in: it imports neither.')],
  tab: [forbid(folder('outlook-addin'), 'The tab does not import the add-in; share through ui/.')],
  addin: [forbid(folder('tab'), 'The add-in does not import the tab; share through ui/.')],
  hostSdk: (where) => [forbid(HOST_SDKS, `Host SDKs live in ${where}.`)],
};

/**
 * Words people read come from the message catalogs (docs/i18n.md), never written into a view: text between
 * JSX tags, and string or template literals in attributes people read (labels, placeholders, hints) or as
 * a child expression, when they hold a word (two letters or more). Product names and the like take an
 * eslint-disable comment saying why.
 */
const WORD = '/[A-Za-z]{2,}/';
/** The product's name is the same in every language. */
const NOT_THE_NAME = ':not([value=/^\\s*Tandem\\s*$/])';
const READ_ATTRIBUTE =
  'JSXAttribute[name.name=/^(label|aria-label|aria-description|aria-valuetext|placeholder|hint|title|alt|validationMessage|cancelLabel|saveLabel|heading)$/]';
/** An expression a view shows as it is: a literal, or one picked by a condition. */
const shown = (container) => [
  `${container} > Literal[value=${WORD}]`,
  `${container} > TemplateLiteral > TemplateElement[value.raw=${WORD}]`,
  `${container} > ConditionalExpression > Literal[value=${WORD}]`,
  `${container} > ConditionalExpression > TemplateLiteral > TemplateElement[value.raw=${WORD}]`,
  `${container} > LogicalExpression > Literal[value=${WORD}]`,
  `${container} > LogicalExpression > TemplateLiteral > TemplateElement[value.raw=${WORD}]`,
];
const noWrittenText = (message) =>
  [
    `JSXText[value=${WORD}]${NOT_THE_NAME}`,
    `${READ_ATTRIBUTE} > Literal[value=${WORD}]${NOT_THE_NAME}`,
    ...shown(`${READ_ATTRIBUTE} > JSXExpressionContainer`),
    ...shown('JSXElement > JSXExpressionContainer'),
    ...shown('JSXFragment > JSXExpressionContainer'),
  ].map((selector) => ({ selector, message }));

const restrict = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: groups.flat() }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-artifacts/', 'devTools/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain scripts served to the browser as they are (the sandbox and its fake Teams host).
    files: ['sandbox/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      ...restrict(layers.core),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a Clock.' },
        { object: 'process', property: 'env', message: 'core/ reads no environment.' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
  { files: ['adapters/**/*.ts'], ignores: ['adapters/**/*.test.ts'], rules: restrict(layers.adapters) },
  { files: ['bot/**/*.ts'], ignores: ['bot/**/*.test.ts'], rules: restrict(layers.bot) },
  { files: ['server/**/*.ts'], ignores: ['server/**/*.test.ts'], rules: restrict(layers.server) },
  // Components never reach a host SDK directly: tab/host/ does for the tab.
  { files: ['ui/**/*.{ts,tsx}'], rules: restrict(layers.browser, layers.ui, layers.hostSdk('tab/host/')) },
  {
    files: ['tab/**/*.{ts,tsx}'],
    ignores: ['tab/host/**'],
    rules: restrict(layers.browser, layers.tab, layers.hostSdk('tab/host/')),
  },
  { files: ['tab/host/**/*.ts'], rules: restrict(layers.browser, layers.tab) },
  {
    // The add-in's views and logic never touch Office.js or MSAL: outlook-addin/office/ and auth/ do.
    files: ['outlook-addin/**/*.{ts,tsx}'],
    ignores: ['outlook-addin/office/**', 'outlook-addin/auth/**'],
    rules: {
      ...restrict(layers.browser, layers.addin, layers.hostSdk('outlook-addin/office/ and outlook-addin/auth/')),
      'no-restricted-globals': ['error', { name: 'Office', message: 'Use the host module in outlook-addin/office/.' }],
    },
  },
  {
    files: ['outlook-addin/office/**/*.ts', 'outlook-addin/auth/**/*.ts'],
    rules: restrict(layers.browser, layers.addin),
  },
  {
    files: ['ui/**/*.tsx', 'tab/**/*.tsx', 'outlook-addin/**/*.tsx'],
    // The sandbox and the bench are developers' tools, not something the people Tandem serves read.
    ignores: ['**/*.test.tsx', 'outlook-addin/sandbox/**', 'tab/bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noWrittenText('Text people read comes from the catalogs: use t() (docs/i18n.md).'),
      ],
    },
  },
);
