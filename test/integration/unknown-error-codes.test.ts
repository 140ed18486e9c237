/**
 * node-zookeeper-client 1.1.3 threw inside its socket handler on error codes
 * it did not know (for example -125, quota exceeded), killing the process.
 * patches/node-zookeeper-client+1.1.3.patch makes them ordinary errors; this
 * proves it against a real server that enforces quotas.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { ZkSession } from '../../electron/backend/connections/zk-session'
import { requireZkInstall } from '../../electron/backend/sandbox/zk-install'
import type { ZkError } from '../../shared/protocol/errors'

let ensemble: TestEnsemble
let session: ZkSession

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1, jvmFlags: ['-Dzookeeper.enforceQuota=true'] })
  session = new ZkSession({ connectString: ensemble.connectString, sessionTimeoutMs: 10_000, credentials: [], onState: () => undefined })
  await session.whenSettled()
})

afterAll(async () => {
  await session?.close()
  await ensemble?.stop()
})

const create = (path: string) =>
  session.run<string>(path, (client, done) => client.create(path, Buffer.from('x'), (error, created) => done(error, created)))

describe('error codes the client library does not know', () => {
  it('reach the caller as errors and the process lives on', async () => {
    await create('/q')
    const install = requireZkInstall()
    // The Java CLI sets the quota: an independent client, as an operator would.
    await promisify(execFile)(install.java, [
      '-cp',
      install.classpath.join(':'),
      'org.apache.zookeeper.ZooKeeperMain',
      '-server',
      ensemble.connectString,
      'setquota',
      '-N',
      // The quota counts /q itself: three nodes are /q, /q/a and /q/b.
      '3',
      '/q',
    ])
    await create('/q/a')
    await create('/q/b')
    const error = (await create('/q/c').catch((e: unknown) => e)) as ZkError
    expect(error.code).toBe('ZK_ERROR')
    expect(error.message).toMatch(/QUOTA_EXCEEDED|-125/)
    // The session still works after the unknown code.
    const { children } = await session.getChildren('/q')
    expect(children.sort()).toEqual(['a', 'b'])
  })
})
