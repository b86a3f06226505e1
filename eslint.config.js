import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import tseslint from 'typescript-eslint'

// Imports flow one way: main, preload and renderer may import shared; shared imports none
// of them (and nothing of Node, Electron or the DOM frameworks); the renderer never imports
// main or preload code, only their types.
const notFromMainOrPreload = {
  group: ['**/main/**', '**/preload/**', '../main', '../preload'],
  message: 'The renderer may import only types from main or preload.',
  allowTypeImports: true,
}

const SHARED_FOLDERS = ['text', 'tokenizer', 'document', 'models', 'display', 'sampling', 'budget', 'tools', 'contract', 'training', 'embeddings', 'languages', 'merges']
const PURE = {
  paths: [
    { name: 'electron', message: 'src/shared is pure: no Electron.' },
    { name: 'react', message: 'src/shared is pure: no React.' },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/shared is pure: no Node modules.' },
    { group: ['**/main/**', '**/renderer/**', '**/preload/**', '../main/*', '../renderer/*', '../preload/*'], message: 'src/shared imports nothing from main, preload or renderer.' },
    { group: ['@codemirror/*'], message: 'src/shared is pure: editor code lives in the renderer.' },
  ],
}

/** One lint block per src/shared folder: the purity rules, plus no imports from later layers. */
function sharedLayerRules(layers) {
  return layers.map(([folder, allowed]) => {
    const banned = SHARED_FOLDERS.filter((f) => f !== folder && !allowed.includes(f))
    return {
      files: [`src/shared/${folder}/**/*.ts`],
      ignores: ['src/shared/**/*.test.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: PURE.paths,
            patterns: [
              ...PURE.patterns,
              { group: banned.flatMap((f) => [`**/${f}/*`, `**/${f}`, `@shared/${f}/**`]), message: `src/shared/${folder} may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src/shared'} (see the layer list in eslint.config.js).` },
            ],
          },
        ],
      },
    }
  })
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
  // src/shared is layered: a folder imports only the folders before it in this list (and its
  // own). text < tokenizer < document < models < display < tools < contract; sampling sits on
  // document. Tests and the testing helpers may import anything.
  ...sharedLayerRules([
    ['text', []],
    ['tokenizer', ['text']],
    ['document', ['text', 'tokenizer']],
    ['models', ['text', 'tokenizer', 'document']],
    ['display', ['text', 'tokenizer', 'document', 'models']],
    ['sampling', ['text', 'tokenizer', 'document']],
    ['budget', ['text', 'tokenizer', 'document', 'models']],
    ['embeddings', ['text']],
    ['languages', ['text', 'tokenizer', 'document']],
    ['merges', ['text', 'tokenizer']],
    ['tools', ['text', 'tokenizer', 'document', 'models', 'display', 'budget']],
    ['contract', ['text', 'tokenizer', 'document', 'models', 'display', 'tools', 'budget']],
    ['training', ['text', 'tokenizer']],
  ]),
  {
    // No import circles anywhere in src (a module and what it imports never need each other).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json', noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
    // Renderer layers: app/ composes features/; a feature reaches another only through its
    // index (../chat, never ../chat/ChatPanel); ui/ and workspace/ know no feature and no app.
    files: ['src/renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload API.' }],
          patterns: [
            notFromMainOrPreload,
            { regex: '^\\.\\./(?!\\.\\.)[^/]+/', message: "Import another feature through its index ('../chat'), not its files." },
            { regex: '^\\.\\./\\.\\./(app|App)(/|$)', message: 'Features do not import the app shell: app/ composes them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/ui/**/*.{ts,tsx}', 'src/renderer/src/workspace/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload API.' }],
          patterns: [notFromMainOrPreload, { regex: '^\\.\\./(features|app|App)(/|$)', message: 'ui/ and workspace/ are below the features and the app: they import neither.' }],
        },
      ],
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
