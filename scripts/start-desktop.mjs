#!/usr/bin/env node
// `npm start`: builds and launches the desktop app with the same flags as
// web mode (--connect, --sandbox). Where the Electron binary is missing (it
// is downloaded outside the npm registry), it says so and points to web mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (!binary) {
  console.error(
    'The Electron binary is not installed (it is downloaded during "npm install" unless ELECTRON_SKIP_BINARY_DOWNLOAD is set,\n' +
      'and that download needs access to GitHub releases).\n' +
      '  To install it: ELECTRON_SKIP_BINARY_DOWNLOAD= node node_modules/electron/install.js\n' +
      '  Or use the same console in your browser: npm run web' + (args.length ? ` -- ${args.join(' ')}` : ''),
  )
  process.exit(1)
}

const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const child = spawn(binary, ['.', ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
