import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SandboxInfo } from '../../../../shared/protocol/types'
import { Sandbox } from '../../../../electron/backend/sandbox/sandbox'

describe('Sandbox without ZooKeeper installed', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('fails with the message and the install command, and stops cleanly', async () => {
    const baseDir = mkdtempSync(path.join(tmpdir(), 'sandbox-unit-'))
    dirs.push(baseDir)
    const states: SandboxInfo[] = []
    const sandbox = new Sandbox({
      baseDir,
      onState: (info) => states.push(info),
      findInstall: () => ({ ok: false, message: 'ZooKeeper is not installed', installHint: 'brew install zookeeper' }),
    })
    expect(sandbox.info()).toEqual({ state: 'stopped', members: [], credentials: [] })

    const info = await sandbox.start()
    expect(info).toMatchObject({ state: 'failed', message: 'ZooKeeper is not installed', installHint: 'brew install zookeeper', members: [] })
    expect(states.map((s) => s.state)).toEqual(['starting', 'failed'])

    expect((await sandbox.stop()).state).toBe('stopped')
    await sandbox.dispose()
    await expect(sandbox.start()).rejects.toThrow(/disposed/)
  })
})
