import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendFourLetterWord } from '../../electron/backend/sandbox/sandbox-probe'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'

describe('standalone member with per-member options', () => {
  let zk: TestEnsemble
  beforeAll(async () => {
    zk = await startEnsemble({
      size: 1,
      tickTime: 500,
      jvmFlags: ['-Dzookeeper.enforceQuota=true'],
      extraConfig: ['snapCount=5000'],
      members: { 1: { fourLetterWhitelist: 'srvr' } },
    })
  })
  afterAll(() => zk.stop())

  it('answers srvr as standalone and refuses words outside its whitelist', async () => {
    const member = zk.member(1)
    expect(await member.mode()).toBe('standalone')
    expect(await sendFourLetterWord('127.0.0.1', member.clientPort, 'mntr')).toContain('is not executed because it is not in the whitelist')
  })

  it('passes the extra JVM flags and config lines to the member', () => {
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(zk.member(1).pid)], { encoding: 'utf8' })
    expect(args).toContain('-Dzookeeper.enforceQuota=true')
    expect(args).toContain('-Xmx256m')
    expect(args).toContain('org.apache.zookeeper.server.quorum.QuorumPeerMain')
    const cfg = execFileSync('cat', [`${zk.dir}/member-1/zoo.cfg`], { encoding: 'utf8' })
    expect(cfg).toMatch(/^tickTime=500$/m)
    expect(cfg).toMatch(/^4lw\.commands\.whitelist=srvr$/m)
    expect(cfg).toMatch(/^snapCount=5000$/m)
    expect(existsSync(`${zk.dir}/member-1/data/myid`)).toBe(true)
  })

  it('a crashed (SIGKILLed) member starts again on the same port', async () => {
    const member = zk.member(1)
    await member.kill()
    expect(member.isRunning).toBe(false)
    expect(await member.start()).toBe('standalone')
  })
})

describe('launcher errors', () => {
  it('rejects a two-member ensemble', async () => {
    await expect(startEnsemble({ size: 2 })).rejects.toThrow(/1 \(standalone\) or 3 and more/)
  })

  it('fails fast with the log tail when the JVM exits at once', async () => {
    const started = Date.now()
    await expect(startEnsemble({ size: 1, jvmFlags: ['-XX:+ThisFlagDoesNotExist'] })).rejects.toThrow(/exited before serving \(exit code 1\)[\s\S]*ThisFlagDoesNotExist/)
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('refuses a classpath without the servlet API, where the AdminServer silently does not start', async () => {
    const install = { java: 'java', classpath: ['/usr/share/java/zookeeper.jar'], source: 'ZOOKEEPER_CLASSPATH' as const }
    await expect(startEnsemble({ size: 1, install })).rejects.toThrow(/AdminServer is not listening on port \d+ \(is servlet-api.jar on the classpath\?\)/)
  })
})
