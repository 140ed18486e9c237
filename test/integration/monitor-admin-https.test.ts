/**
 * A REAL ZooKeeper 3.8 member whose AdminServer serves HTTPS only
 * (`zookeeper.admin.forceHttps`, its certificate from the `ssl.quorum`
 * keystore, a self-signed one made with the JRE's keytool), with only `srvr`
 * whitelisted so its metrics can come from nowhere but the AdminServer. The
 * monitor polls it when given the certificate as CA, or when told not to
 * verify; with the system's CAs or another CA the handshake is refused and
 * says so.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminVerify, MemberSpec } from '../../shared/protocol/monitor-api'
import type { TestMember } from '../helpers/ensemble'
import { startHttpsAdminMember, type HttpsAdminMember } from './monitor-https-member'
import { monitorHarness } from './monitor-harness'

/** The first certificate of the system's bundle: a real CA that did not sign this server's certificate. */
async function someOtherCa(): Promise<string> {
  const bundle = await readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8')
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(bundle)?.[0]
  if (!first) throw new Error('no CA in the system bundle')
  return first
}

describe('an AdminServer that serves HTTPS only', () => {
  let server: HttpsAdminMember | undefined
  let member: TestMember
  let certPem = ''
  const h = monitorHarness()

  beforeAll(async () => {
    server = await startHttpsAdminMember()
    member = server.member
    certPem = server.certPem
  }, 120_000)

  afterAll(async () => {
    await h.stop()
    await server?.stop()
  })

  const spec = (verify?: AdminVerify): MemberSpec => ({
    host: member.host,
    port: member.clientPort,
    adminPort: member.adminPort,
    adminScheme: 'https',
    ...(verify ? { adminVerify: verify } : {}),
  })
  const askAdmin = (monitorId: string, memberId: string) => h.service.handlers.runFourLetterWord({ monitorId, memberId, command: 'ruok', via: 'admin' })

  it('is polled with its certificate given as the CA, and refused with the system CAs or another CA', async () => {
    const service = await h.start()
    const { monitorId, state } = await service.handlers.startMonitor({ connectString: `${member.host}:${member.clientPort}`, intervalMs: 1_000, detailIntervalMs: 1_000, members: [spec({ caPem: certPem })] })
    const memberId = state.members[0]?.memberId ?? ''
    const sample = await h.waitForSample((s) => s.members.some((m) => m.sources.metrics === 'admin' && m.metrics.uptimeMs !== null), 20_000)
    expect(sample.members[0]).toMatchObject({ status: 'serving', role: 'standalone' })
    const info = (await service.handlers.getMonitorState({ monitorId })).members[0]
    expect(info).toMatchObject({ adminStatus: 'available', admin: { scheme: 'https', port: member.adminPort } })
    expect(info?.capabilities.find((c) => c.command === 'mntr')).toMatchObject({ fourLetter: 'not-whitelisted', admin: 'available', source: 'admin' })
    const verified = await askAdmin(monitorId, memberId)
    expect(verified).toMatchObject({ outcome: 'ok', target: `https://127.0.0.1:${member.adminPort}/commands/ruok` })

    // The system's CAs do not know a self-signed certificate: refused, and said so.
    await service.handlers.updateMembers({ monitorId, upsert: [{ ...spec(), memberId }] })
    const unverified = await askAdmin(monitorId, memberId)
    expect(unverified.outcome).toBe('tls')
    expect(unverified.text).toBe('')
    expect(unverified.message).toMatch(/self-signed|SELF_SIGNED/i)
    const since = Date.now()
    await h.waitForSample((s) => s.members[0]?.sources.metrics !== 'admin', 20_000, since)
    await expect.poll(async () => (await service.handlers.getMonitorState({ monitorId })).members[0]?.adminStatus, { timeout: 20_000 }).toBe('unavailable')

    // A real CA that did not sign it is refused too.
    await service.handlers.updateMembers({ monitorId, upsert: [{ ...spec({ caPem: await someOtherCa() }), memberId }] })
    expect((await askAdmin(monitorId, memberId)).outcome).toBe('tls')
    await h.stop()
  }, 90_000)

  it('is polled without any check only when the user says so', async () => {
    const service = await h.start()
    const { monitorId, state } = await service.handlers.startMonitor({ connectString: `${member.host}:${member.clientPort}`, intervalMs: 1_000, detailIntervalMs: 1_000, members: [spec({ insecure: true })] })
    const memberId = state.members[0]?.memberId ?? ''
    await h.waitForSample((s) => s.members.some((m) => m.sources.metrics === 'admin' && m.metrics.uptimeMs !== null), 20_000)
    expect((await askAdmin(monitorId, memberId)).outcome).toBe('ok')
    expect((await service.handlers.getMonitorState({ monitorId })).members[0]?.admin?.verify).toEqual({ insecure: true })
  }, 60_000)

  it('refuses a CA file that holds no readable certificate, and keeps the member as it was', async () => {
    const service = h.service
    const [monitor] = await service.handlers.listMonitors({})
    if (!monitor) throw new Error('no monitor')
    const admins = async () => (await service.handlers.getMonitorState({ monitorId: monitor.monitorId })).members.map((m) => m.admin)
    const before = await admins()
    const broken = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'
    await expect(service.handlers.updateMembers({ monitorId: monitor.monitorId, upsert: [spec({ caPem: broken })] })).rejects.toThrow(/CA certificate cannot be read/)
    await expect(service.handlers.updateMembers({ monitorId: monitor.monitorId, upsert: [spec({ caPem: 'hello' })] })).rejects.toThrow(/holds no PEM certificate/)
    expect(await admins()).toEqual(before)
    expect(before).toEqual([expect.objectContaining({ scheme: 'https', verify: { insecure: true } })])
  })
})
