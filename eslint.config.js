import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import eslintConfigPrettier from 'eslint-config-prettier/flat'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

/**
 * Everywhere (repeated where a zone sets no-restricted-syntax): never evaluating strings as code;
 * and none of what petite-vue-i18n's types declare but it does not have (it translates only: no
 * `te`, `tm`, `rt`, `d` or `n`, which TypeScript would let through to fail at run time).
 */
const EVERYWHERE = [
  { selector: "CallExpression[callee.name='eval']", message: 'Never evaluate strings as code.' },
  { selector: "NewExpression[callee.name='Function']", message: 'Never evaluate strings as code.' },
  {
    selector: "VariableDeclarator[init.callee.name='useI18n'] > ObjectPattern > Property[key.name=/^(te|tm|rt|d|n)$/]",
    message: 'petite-vue-i18n has only t(): no te, tm, rt, d or n (they would be undefined at run time).',
  },
]

/** The API client and its errors, by every name that reaches them. */
const API_CLIENT = ['@/api/client', '@/api/client.ts', '@/api/client/*', '@/api/errors', '@/api/errors.ts']
const VIEWS_USE_STORES = 'Views read and act through a store; only stores call the API client.'
/** What views may not import: HTTP and the API client (its types aside). */
const VIEW_RESTRICTIONS = {
  paths: [{ name: 'axios', message: 'Only the API client talks HTTP.' }],
  patterns: [{ group: API_CLIENT, allowTypeImports: true, message: VIEWS_USE_STORES }],
}
/**
 * The same for a lazy `import()`, which no-restricted-imports does not see (esquery's regular
 * expressions end at a slash: `\x2F` is one).
 */
const VIEW_DYNAMIC_IMPORTS = [
  ...EVERYWHERE,
  {
    selector: 'ImportExpression[source.value=/(^|\\x2F)api\\x2F(client|errors)(\\.ts)?(\\x2F|$)/]',
    message: `${VIEWS_USE_STORES} (A lazy import too.)`,
  },
  { selector: "ImportExpression[source.value='axios']", message: 'Only the API client talks HTTP.' },
]
/** Folders above the stores: views, the app factory, the cells, the descriptions' view part. */
const ABOVE_STORES = [
  '@/logPage/*',
  '@/logsClearing/*',
  '@/shell/*',
  '@/embed/*',
  '@/app/*',
  '@/cells/*',
  '@/logKinds/views',
  '@/logKinds/views/*',
]

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      // Every word a merchant reads comes from the locale files (en_US and pl_PL).
      'vue/no-bare-strings-in-template': [
        'error',
        {
          allowlist: [
            '(',
            ')',
            ',',
            '.',
            '&',
            '+',
            '-',
            '=',
            '*',
            '/',
            '#',
            '%',
            '!',
            '?',
            ':',
            '[',
            ']',
            '{',
            '}',
            '<',
            '>',
            '·',
            '•',
            '–',
            '—',
            '|',
            '×',
            '…',
            '▲',
            '▼',
            '↕',
            'T',
          ],
        },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...EVERYWHERE],
    },
  },
  // Layers that point one way: api <- stores <- views; a pure engine under all of them.
  {
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'Use the @/ alias.' }] }],
    },
  },
  {
    // Views read and act through the stores; only stores talk to the API. Every component is a
    // view, wherever it lives.
    files: ['src/logPage/**', 'src/logsClearing/**', 'src/shell/**', 'src/embed/**', 'src/logKinds/**', 'src/**/*.vue'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', VIEW_RESTRICTIONS],
      'no-restricted-syntax': ['error', ...VIEW_DYNAMIC_IMPORTS],
    },
  },
  {
    // The log descriptions' data part (all of logKinds/ but views/) is what stores read: plain
    // data and functions of records. No Vue (its types aside), no component, no cell, nothing of
    // the view part.
    files: ['src/logKinds/**/*.ts'],
    ignores: ['src/logKinds/views/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...VIEW_RESTRICTIONS.paths,
            ...['vue', 'vue-router'].map((name) => ({
              name,
              allowTypeImports: true,
              message: "A log description's data part imports no Vue: cells and columns go in logKinds/views/.",
            })),
            ...['pinia', 'petite-vue-i18n', '@intlify/core-base', 'element-plus'].map((name) => ({
              name,
              message: "A log description's data part imports no framework.",
            })),
          ],
          patterns: [
            ...VIEW_RESTRICTIONS.patterns,
            {
              group: ['*.vue', '@/stores/*', ...ABOVE_STORES],
              message:
                "A log description's data part imports nothing above it: columns and cells go in logKinds/views/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Stores hold state and call the API: they import no view (no component, nothing from a
    // view folder or the descriptions' view part), so a view can never be reached from a store.
    // scripts/importCycles.mjs checks the same through every file between (and lazy imports).
    files: ['src/stores/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['*.vue'], message: 'A store imports no component.' },
            {
              group: ABOVE_STORES,
              message: 'A store imports no view: move what it needs below the views (src/engine, src/time, …).',
            },
          ],
        },
      ],
    },
  },
  {
    // The API layer is plain TypeScript: no Vue, no store, no view (the server imports it too).
    files: ['src/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['vue', 'pinia', 'vue-router', 'petite-vue-i18n', '@intlify/core-base', 'element-plus'].map(
            (name) => ({
              name,
              message: 'The API layer imports no framework.',
            }),
          ),
          patterns: [
            {
              group: ['*.vue', '@/stores/*', '@/logPage/*', '@/logKinds/*', '@/app/*', '@/shell/*', '@/embed/*'],
              message: 'The API layer imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no framework, no HTTP, no store. It must stay usable in a worker and a
    // benchmark (run by tsx, so its imports are relative). Of the API layer it takes the code
    // table, and the record types (type-only).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['vue', 'pinia', 'axios', 'vue-router', 'petite-vue-i18n', '@intlify/core-base', 'element-plus'],
          patterns: [
            { group: ['@/*'], message: 'The engine imports relatively (benchmarks run it without the alias).' },
            {
              regex: '^\\.\\./(?!api/codes$|api/schemas$)',
              message: 'The engine is pure: no framework, no store.',
            },
            { group: ['../api/schemas'], allowTypeImports: true, message: 'Only the record types (import type).' },
          ],
        },
      ],
    },
  },
  {
    // No import cycles in the app, with no exceptions: a cycle is a layer that leaks.
    files: ['src/**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    // What import-x hands vue-eslint-parser when it reads an imported component.
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.app.json' })],
      'import-x/extensions': ['.ts', '.vue'],
      // Imported components are parsed as components, so a cycle through a .vue file is seen.
      'import-x/parsers': { 'vue-eslint-parser': ['.vue'], '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.ts', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  // Layout is Prettier's (npm run format); ESLint keeps to correctness.
  eslintConfigPrettier,
)
