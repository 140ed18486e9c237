/**
 * `npm run sandbox [-- --size 1|3|5] [-- --dir <folder>]`: a local ensemble with demo data
 * that runs until Ctrl-C, for trying the console without a real cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { SandboxInfo } from '../../../shared/protocol/types'
import { Sandbox } from './sandbox'

function describe(info: SandboxInfo): string {
  const lines = [
    '',
    'ZooKeeper sandbox is running.',
    '',
    `  connect string   ${info.connectString ?? ''}`,
    '',
    '  member  client port  admin server',
    ...info.members.map((m) => `  ${String(m.id).padEnd(6)}  ${String(m.clientPort).padEnd(11)}  http://127.0.0.1:${m.adminPort}/commands   (pid ${m.pid ?? '?'})`),
    '',
    `  protected subtree ${info.protectedPath ?? ''} (digest ACL), credentials:`,
    ...info.credentials.map((c, i) => `    ${c}${i === 0 ? '   (all permissions)' : '   (read only)'}`),
    '',
    '  Open it in the console:',
    `    npm run web -- --connect ${info.connectString ?? ''}`,
    '',
    'Press Ctrl-C to stop it (every process and the data folder go away).',
    '',
  ]
  return lines.join('\n')
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '3' }, dir: { type: 'string' } } })
  const size = Number(values.size)
  const ownDir = values.dir === undefined
  const baseDir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'zk-console-sandbox-'))
  const sandbox = new Sandbox({
    baseDir,
    size,
    onState: (info) => {
      if (info.state === 'starting') console.log(`Starting a ${size}-member ZooKeeper ensemble and seeding demo data...`)
    },
  })

  let stopping: Promise<void> | undefined
  const shutdown = (why: string): Promise<void> => {
    stopping ??= (async () => {
      console.log(`\n${why}: stopping the sandbox...`)
      await sandbox.dispose()
      if (ownDir) rmSync(baseDir, { recursive: true, force: true })
      console.log('Stopped; nothing is left running.')
    })()
    return stopping
  }
  // Registered before start so an early Ctrl-C still stops the members being launched.
  const done = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => void shutdown(signal).then(() => resolve(0)))
    }
  })

  const started = Date.now()
  const info = await sandbox.start()
  if (stopping) return done
  if (info.state !== 'running') {
    console.error(`\nThe sandbox could not start: ${info.message ?? 'unknown error'}`)
    if (info.installHint) console.error(`\nInstall what is missing with:\n  ${info.installHint}\n`)
    await sandbox.dispose()
    if (ownDir) rmSync(baseDir, { recursive: true, force: true })
    return 1
  }
  const stats = sandbox.seedStats()
  const seeded = stats ? ` (seeded ${stats.persistent + stats.ephemeral} znodes in ${(stats.ms / 1000).toFixed(1)} s)` : ''
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s${seeded}.`)
  console.log(describe(info))
  return done
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
