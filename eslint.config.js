// Lint enforces the layering table in ../shared/design/ARCHITECTURE.md:
// which folder may import what. A wrong import is an error, not a warning.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins are not available here.' }
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' }
const noRendererDir = { group: ['**/renderer/**'], message: 'The renderer is reached only through the contract.' }
const noElectronDir = { group: ['**/electron/**'], message: 'Backend code is reached only through the contract.' }
const uiLibs = ['react', 'react-dom', 'zustand', 'recharts'].map((name) => ({
  name,
  message: 'UI libraries belong to renderer/.',
}))
const zkClient = { name: 'node-zookeeper-client', message: 'Only the backend talks to ZooKeeper.' }

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'patches/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, zkClient, ...uiLibs], patterns: [nodeBuiltins, noRendererDir, noElectronDir] },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ ...noElectron, allowTypeImports: true }, ...uiLibs], patterns: [noRendererDir] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiLibs, patterns: [noRendererDir] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            noRendererDir,
            { group: ['**/electron/**', '../**'], message: 'The preload bundles to one small file.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, zkClient], patterns: [nodeBuiltins, noElectronDir] },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
