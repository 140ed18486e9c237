/**
 * `npm run web`: serves the console to a browser from this machine.
 * Flags: --port N, --token T, --host ADDR, --connect CONNECT_STRING, --sandbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ZkBackend } from '../backend/zk-backend'
import { Sandbox } from '../backend/sandbox/sandbox'
import { plainFileSecrets } from '../backend/profiles/plain-file-secrets'
import { isLoopback } from '../../shared/util/loopback'
import { FlagError, parseConsoleFlags, type ConsoleFlags } from './cli-flags'
import { webConfigDir } from './config-dir'
import { startWsHost } from './ws-host'
import { existsSync } from 'node:fs'

const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

function readFlags(): ConsoleFlags {
  try {
    return parseConsoleFlags(process.argv.slice(2))
  } catch (error) {
    const message = error instanceof FlagError || error instanceof TypeError ? error.message : String(error)
    console.error(`zookeeper-console: ${message}`)
    console.error('usage: npm run web -- [--port N] [--token T] [--host ADDR] [--connect HOST:PORT[/chroot]] [--sandbox]')
    process.exit(2)
  }
}

async function main(): Promise<void> {
  const flags = readFlags()
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`zookeeper-console: the renderer is not built (${rendererDir}); run "npm run web", which builds it first`)
    process.exit(1)
  }
  const configDir = webConfigDir()
  const sandboxBase = mkdtempSync(join(tmpdir(), 'zk-console-sandbox-'))
  const backend = new ZkBackend({
    configDir,
    secrets: plainFileSecrets(join(configDir, 'credentials.json')),
    appInfo: {
      version: process.env.npm_package_version ?? '0.0.0',
      host: 'web',
      startup: { sandbox: flags.sandbox, ...(flags.connect ? { connect: flags.connect } : {}) },
      secureStorage: false,
      platform: process.platform,
    },
    createSandbox: (onState) => new Sandbox({ baseDir: sandboxBase, onState }),
  })
  const host = await startWsHost({
    handlers: backend.handlers,
    events: backend.events,
    host: flags.host,
    staticDir: rendererDir,
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.token ? { token: flags.token } : {}),
  })

  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    console.log('\nstopping…')
    await host.close()
    await backend.dispose()
    rmSync(sandboxBase, { recursive: true, force: true })
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))

  if (!isLoopback(flags.host)) {
    console.warn(`WARNING: listening on ${flags.host}, not only this machine. Anyone who can reach it and has the token can use your ZooKeeper connections.`)
  }
  console.log(`ZooKeeper Console (web mode)\n  open: ${host.pageUrl}\n  profiles: ${configDir}`)
  if (flags.sandbox) {
    console.log('starting the local sandbox ensemble…')
    const info = await backend.handlers.startSandbox({}, noCaller())
    if (info.state === 'running') console.log(`sandbox running at ${info.connectString}; credentials: ${info.credentials.join(', ')}`)
    else console.error(`sandbox did not start: ${info.message ?? info.state}${info.installHint ? `\n  ${info.installHint}` : ''}`)
  }
}

/** startSandbox is called from the command line, not from a peer: it needs no caller context. */
function noCaller() {
  return {
    signal: new AbortController().signal,
    peer: { id: 'cli', emit: () => undefined, own: <T>(r: T) => r, closed: false },
  }
}

main().catch((error: unknown) => {
  console.error('zookeeper-console:', error instanceof Error ? error.message : error)
  process.exit(1)
})
