import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * The dev server (HMR) injects an inline React Refresh preamble, which the
 * strict CSP in index.html forbids. Only while serving, allow inline scripts;
 * built files keep the strict policy untouched.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'zk-console-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  }
}

// The renderer builds to static files that both hosts serve: Electron loads
// them from disk and the web host over HTTP, so every URL is relative.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), devCspPlugin()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // No inline module-preload polyfill: the CSP allows only scripts from 'self'.
    modulePreload: { polyfill: false },
  },
})
