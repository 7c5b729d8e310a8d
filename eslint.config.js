// Lint rules, including the one-way boundaries of ARCHITECTURE.md:
// view → store → db/sync/api → core. A wrong arrow fails the build, not a review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

const frameworks = ['vue', 'pinia', 'dexie', 'fastify', 'vue-router', 'chart.js', 'vue-chartjs', 'pg', '@electric-sql/*', '@fastify/*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: frameworks, message: 'src/core is pure: no framework, database or DOM.' },
          { group: ['**/client/**', '**/server/**'], message: 'src/core imports nothing outside itself.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `today` in; core never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `today` in; core never reads the clock.' },
      ],
    },
  },
  {
    files: ['src/client/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', '**/db', '**/db/**'], message: 'Components and views go through a store, never the database.' },
          { group: ['**/server/**'], message: 'The client never imports the server.' },
        ],
      }],
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
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'vue', 'pinia', 'dexie'], message: 'The server never imports the client.' }] }],
    },
  },
)
