import { describe, expect, it } from 'vitest'
import { MemberPoller, type MemberEndpoint, type PollPlan } from '../../../../electron/backend/stats/member-poller'
import { DEFAULT_POLL_COMMANDS } from '../../../../shared/zk/four-letter'
import { FakeClock } from './fake-clock'
import { FakeZk, type FakeServer } from './fake-zk'

const plan: PollPlan = {
  commands: DEFAULT_POLL_COMMANDS,
  intervalMs: 1_000,
  detailIntervalMs: 30_000,
  timeouts: { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 },
}

function setup(server: Partial<FakeServer> = {}, endpoint: Partial<MemberEndpoint> = {}) {
  const clock = new FakeClock()
  const zk = new FakeZk(clock)
  const s = zk.add({ serverId: 1, port: 2181, adminPort: 8081, ...server })
  const poller = new MemberPoller(
    { host: '127.0.0.1', port: 2181, tls: null, admin: null, transport: 'auto', ...endpoint },
    plan,
    { clock, fourLetter: zk.fourLetter, admin: zk.admin },
  )
  const poll = async () => {
    const pending = poller.poll()
    await clock.advance(20_000)
    return pending
  }
  return { clock, zk, s, poller, poll }
}

const admin = { host: '127.0.0.1', port: 8081, scheme: 'http' as const, origin: 'user' as const }

describe('member poller', () => {
  it('reads a serving follower over four-letter words, one connection at a time', async () => {
    const { poll, zk, s, poller } = setup()
    const obs = await poll()
    expect(obs).toMatchObject({ status: 'serving', role: 'follower', failure: null })
    expect(obs.srvr?.zxid).toBe('0x10000000a')
    expect(obs.conf?.serverId).toBe(1)
    expect(obs.sources).toMatchObject({ srvr: 'four-letter', mntr: 'four-letter', conf: 'four-letter', cons: 'four-letter' })
    expect(s.log).toEqual(['srvr', 'mntr', 'conf', 'isro', 'ruok', 'wchs', 'cons'])
    expect(zk.maxActive.get(2181)).toBe(1)
    expect(poller.caps.list('not-configured').every((c) => c.fourLetter === 'enabled' && c.hint === null)).toBe(true)
    // Own words are counted so rates can leave them out (srvr and mntr before the counters were read).
    expect(obs.ownPackets).toEqual({ beforeCounters: 2, afterCounters: 5 })
  })

  it('polls only srvr and mntr between detail intervals, and never srst / crst / stmk', async () => {
    const { poll, s } = setup()
    await poll()
    s.log.length = 0
    await poll()
    expect(s.log).toEqual(['srvr', 'mntr'])
    expect(s.log.some((w) => ['srst', 'crst', 'stmk'].includes(w))).toBe(false)
  })

  it('times out a hung server (frozen JVM) and backs off exponentially', async () => {
    const { clock, poller, zk } = setup({ behaviour: 'hang' })
    const started = clock.now()
    const pending = poller.poll()
    expect(poller.isBusy).toBe(true)
    await clock.advance(3_000)
    const obs = await pending
    expect(obs).toMatchObject({ status: 'down', failure: 'timeout-first-byte' })
    expect(obs.detail).toMatch(/frozen JVM/)
    expect(clock.now() - started).toBe(3_000)
    expect(zk.maxActive.get(2181)).toBe(1)
    expect(poller.isBusy).toBe(false)
    expect(poller.eligible(clock.now())).toBe(true) // one slow failure: no backoff yet
    const second = poller.poll()
    await clock.advance(3_000)
    await second
    expect(poller.eligible(clock.now())).toBe(false)
    expect(poller.backoffUntil - clock.now()).toBe(2_000)
  })

  it('aborts a round that exceeds its own deadline even if the transport never returns', async () => {
    const clock = new FakeClock()
    const never = (req: { signal?: AbortSignal }) =>
      new Promise<never>((_, reject) => req.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    const poller = new MemberPoller({ host: 'h', port: 1, tls: null, admin: null, transport: 'auto' }, plan, {
      clock,
      fourLetter: (req) => never(req).catch(() => ({ ok: false as const, failure: 'aborted' as const, message: 'x', partial: Buffer.alloc(0), durationMs: 0 })),
      admin: () => Promise.reject(new Error('unused')),
    })
    const pending = poller.poll()
    await clock.advance(12_000)
    const obs = await pending
    expect(obs).toMatchObject({ status: 'down', failure: 'timeout-total' })
  })

  it('reports garbage as unreadable, not as down', async () => {
    const { poll, s } = setup({ behaviour: 'garbage' })
    const obs = await poll()
    expect(obs).toMatchObject({ status: 'unknown', failure: 'bad-response' })
    expect(obs.detail).toMatch(/unexpected answer to srvr: "HTTP\/1.1 400 Bad Request"/)
    expect(s.log).toEqual(['srvr'])
  })

  it('tells refused (down), empty (no 4lw answer) and TLS-only apart', async () => {
    expect(await setup({ behaviour: 'refused' }).poll()).toMatchObject({ status: 'down', failure: 'refused' })
    const empty = await setup({ behaviour: 'empty' }).poll()
    expect(empty).toMatchObject({ status: 'unknown', failure: 'empty' })
    expect(empty.detail).toMatch(/maxClientCnxns/)
    expect(await setup({ behaviour: 'tls' }).poll()).toMatchObject({ status: 'tls-only', failure: 'tls' })
  })

  it('shows an election as not serving and only asks what still answers', async () => {
    const { poll, s } = setup({ mode: 'looking' })
    const obs = await poll()
    expect(obs).toMatchObject({ status: 'not-serving', role: null, isro: 'null', ruok: true })
    // mntr and the rest would only repeat the not-serving line: not sent.
    expect(s.log).toEqual(['srvr', 'isro', 'ruok'])
  })

  it('with only srvr whitelisted, reads the rest through the AdminServer (64-bit ids intact)', async () => {
    const { poll, poller, s } = setup({ whitelist: [] }, { admin })
    const obs = await poll()
    expect(obs).toMatchObject({ status: 'serving', role: 'follower' })
    expect(obs.sources).toMatchObject({ srvr: 'four-letter', mntr: 'admin', conf: 'admin', cons: 'admin', wchs: 'admin', isro: 'admin', ruok: 'admin' })
    expect(obs.mntr?.strings.server_state).toBe('follower')
    expect(obs.cons?.[0]?.sessionId).toBe('0x100000744f10000')
    expect(obs.votingView?.map((v) => v.serverId)).toEqual([1])
    expect(poller.adminStatus).toBe('available')
    const mntr = poller.caps.list(poller.adminStatus).find((c) => c.command === 'mntr')
    expect(mntr).toMatchObject({ fourLetter: 'not-whitelisted', admin: 'available', source: 'admin' })
    expect(mntr?.hint).toMatch(/4lw.commands.whitelist=srvr, mntr/)
    // Next round: the blocked words are not asked again over 4lw.
    s.log.length = 0
    await poll()
    expect(s.log).toEqual(['srvr', 'admin:monitor'])
  })

  it('without an AdminServer, says how to enable what is missing', async () => {
    const { poll, poller } = setup({ whitelist: ['ruok'] })
    const obs = await poll()
    expect(obs.status).toBe('serving')
    const mntr = poller.caps.list(poller.adminStatus).find((c) => c.command === 'mntr')
    expect(mntr?.hint).toMatch(/not whitelisted: add it to the whitelist in zoo.cfg \(4lw.commands.whitelist=srvr, mntr, conf, cons, wchs, isro\).*AdminServer address/)
  })

  it('is "not whitelisted" when even the state words are off (3.4 custom whitelist) and there is no AdminServer', async () => {
    const clock = new FakeClock()
    const zk = new FakeZk(clock)
    zk.add({ serverId: 1, port: 2181 })
    const fourLetter: typeof zk.fourLetter = async (req) => ({
      ok: true,
      bytes: Buffer.from(`${req.command} is not executed because it is not in the whitelist.\n`),
      durationMs: 1,
    })
    const poller = new MemberPoller({ host: 'h', port: 2181, tls: null, admin: null, transport: 'auto' }, plan, { clock, fourLetter, admin: zk.admin })
    const obs = await poller.poll()
    expect(obs.status).toBe('not-whitelisted')
    expect(obs.detail).toMatch(/whitelist/)
  })

  it('uses the AdminServer only when told to (transport: admin)', async () => {
    const { poll, s } = setup({}, { admin, transport: 'admin' })
    const obs = await poll()
    expect(obs.status).toBe('serving')
    expect(s.log.every((entry) => entry.startsWith('admin:'))).toBe(true)
  })

  it('refuses an AdminServer that belongs to another server', async () => {
    const clock = new FakeClock()
    const zk = new FakeZk(clock)
    zk.add({ serverId: 1, port: 2181, whitelist: [] })
    zk.add({ serverId: 2, port: 2182, adminPort: 8080 })
    const poller = new MemberPoller(
      { host: '127.0.0.1', port: 2181, tls: null, admin: { host: '127.0.0.1', port: 8080, scheme: 'http', origin: 'default' }, transport: 'auto' },
      plan,
      { clock, fourLetter: zk.fourLetter, admin: zk.admin },
    )
    const pending = poller.poll()
    await clock.advance(1_000)
    const obs = await pending
    expect(poller.adminStatus).toBe('mismatch')
    expect(obs.mntr).toBeNull()
    expect(obs.status).toBe('serving')
  })

  it('re-probes the whitelist after reprobe() (a restart may have changed it)', async () => {
    const { poll, poller, s } = setup({ whitelist: [] })
    await poll()
    s.whitelist = '*'
    s.log.length = 0
    await poll()
    expect(s.log).toEqual(['srvr']) // mntr known as blocked
    poller.reprobe()
    s.log.length = 0
    await poll()
    expect(s.log).toContain('mntr')
  })

  it('stops at once when disposed mid-round', async () => {
    const { clock, poller } = setup({ behaviour: 'hang' })
    const pending = poller.poll()
    await clock.settle()
    poller.dispose()
    const obs = await pending
    expect(obs.failure).toBe('aborted')
    expect(poller.eligible(clock.now())).toBe(false)
  })
})
