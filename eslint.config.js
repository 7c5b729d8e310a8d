// Lint rules, including the one-way boundaries of ARCHITECTURE.md:
// view → store → db/sync/api → core. A wrong arrow fails the build, not a review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const frameworks = ['vue', 'pinia', 'dexie', 'fastify', 'vue-router', 'chart.js', 'vue-chartjs', 'pg', '@electric-sql/*', '@fastify/*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    // Type-aware rules read the three programs: the client (with core and test/client; the client's
    // tsconfig.json plus a shim that says a .vue file's default export is a component, see
    // .lint/vue-shim.d.ts), the server (with core, test/server, test/core and test/helpers) and the
    // rest of test/. `project` rather than projectService: the service takes the nearest
    // tsconfig.json, and test/tsconfig.json does not hold test/server or test/core.
    languageOptions: {
      parserOptions: {
        project: ['./.lint/tsconfig.json', './src/server/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // A switch over a union names every member; a `default` there is allowed when it is meant
      // (it then covers the rest), but a switch without one that misses a member is an error.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: true,
          requireDefaultForNonUnion: false,
        },
      ],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworks, message: 'src/core is pure: no framework, database or DOM.' },
            { group: ['**/client/**', '**/server/**'], message: 'src/core imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `today` in; core never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `today` in; core never reads the clock.' },
      ],
    },
  },
  {
    files: ['src/client/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', '**/db', '**/db/**'], message: 'Components and views go through a store, never the database.' },
            { group: ['**/server/**'], message: 'The client never imports the server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**/*'],
    ignores: ['src/client/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client never imports the server.' }] }],
    },
  },
  {
    // The reverse arrows: the layers under the features (HTTP, Dexie, the sync engine) never reach up
    // into a store, component, view or feature folder (src/client/features/<feature>/, and the
    // stores/, components/ and views/ folders of before), nor into the router.
    files: ['src/client/db/**/*', 'src/client/sync/**/*', 'src/client/api/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features', '**/features/**', '**/stores', '**/stores/**', '**/components/**', '**/views/**', '**/*.vue', '**/router', 'pinia'],
              message: 'db, sync and api sit under the stores and views: they never import them (ARCHITECTURE.md).',
            },
            { group: ['**/server/**'], message: 'The client never imports the server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'vue', 'pinia', 'dexie'], message: 'The server never imports the client.' }] }],
    },
  },
  // Plain JavaScript (this file) is in no TypeScript program: no type-aware rules there.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Formatting is prettier's alone (npm run format): the stylistic rules of the configs above are off.
  prettier,
)
