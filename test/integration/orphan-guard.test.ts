/**
 * A console that is killed outright (SIGKILL: no exit handler runs) must
 * still leave no ZooKeeper JVM behind.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const jvmsIn = (dir: string) =>
  execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dir) && line.includes('QuorumPeerMain') && !/^\s*\d+\s+\/bin\/sh /.test(line))

async function until(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe.skipIf(process.platform === 'win32')('orphan guard', () => {
  it('stops the JVMs when the process that launched them is SIGKILLed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zk-orphan-'))
    const ready = join(dir, 'ready')
    const script = `
      import { writeFileSync } from 'node:fs'
      import { launchEnsemble } from '${join(import.meta.dirname, '../../electron/backend/sandbox/ensemble-launcher.ts')}'
      await launchEnsemble({ size: 1, dir: ${JSON.stringify(join(dir, 'zk'))}, keepDir: true })
      writeFileSync(${JSON.stringify(ready)}, 'up')
      setInterval(() => undefined, 1000)
    `
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' })
    try {
      await until('the ensemble to start', () => existsSync(ready), 60_000)
      expect(readFileSync(ready, 'utf8')).toBe('up')
      expect(jvmsIn(dir)).toHaveLength(1)
      parent.kill('SIGKILL')
      await until('the JVM to stop after its parent died', () => jvmsIn(dir).length === 0, 20_000)
      expect(jvmsIn(dir)).toEqual([])
    } finally {
      parent.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
