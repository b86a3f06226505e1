import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Imports flow one way: main, preload and renderer may import shared; shared imports none
// of them (and nothing of Node, Electron or the DOM frameworks); the renderer never imports
// main or preload code, only their types.
const notFromMainOrPreload = {
  group: ['**/main/**', '**/preload/**', '../main', '../preload'],
  message: 'The renderer may import only types from main or preload.',
  allowTypeImports: true,
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts', 'src/shared/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is pure: no Electron.' },
            { name: 'react', message: 'src/shared is pure: no React.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/shared is pure: no Node modules.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '../main/*', '../renderer/*', '../preload/*'], message: 'src/shared imports nothing from main, preload or renderer.' },
            { group: ['@codemirror/*'], message: 'src/shared is pure: editor code lives in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload API.' }], patterns: [notFromMainOrPreload] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only shared code.' }] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The command line imports only shared code.' }] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'The main process imports only shared code.' }] }],
    },
  },
)
