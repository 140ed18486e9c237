/**
 * Fake ZooKeeper servers behind the poller's transport seams: they answer
 * four-letter words and AdminServer commands in the real 3.8.0 formats, on
 * the fake clock, and count concurrent connections per server.
 */
import type { AdminRequest, AdminResult, AdminTransport } from '../../../../electron/backend/stats/admin-client'
import type { ExchangeResult, FourLetterTransport } from '../../../../electron/backend/stats/four-letter-client'
import { parseAdminJson } from '../../../../shared/zk/four-letter'
import type { FakeClock } from './fake-clock'

export type Mode = 'leader' | 'follower' | 'observer' | 'standalone' | 'read-only' | 'looking'

export interface FakeServer {
  serverId: number
  port: number
  mode: Mode
  epoch: number
  counter: number
  uptimeMs: number
  lookingCount: number
  packets: number
  reads: number
  readSum: number
  outstanding: number
  /** Words the whitelist enables (srvr is always on); '*' = all. */
  whitelist: '*' | string[]
  behaviour: 'ok' | 'refused' | 'hang' | 'garbage' | 'empty' | 'tls'
  latencyMs: number
  /** The AdminServer port, or null when there is none. */
  adminPort: number | null
  digestMismatches: number
  version: string
  /** Every command received, in order (4lw: `srvr`, admin: `admin:monitor`). */
  log: string[]
}

const NOT_SERVING = 'This ZooKeeper instance is not currently serving requests\n'
const ALWAYS = ['ruok', 'isro', 'envi']

export class FakeZk {
  readonly servers: FakeServer[] = []
  private readonly active = new Map<number, number>()
  readonly maxActive = new Map<number, number>()

  constructor(private readonly clock: FakeClock) {}

  add(over: Partial<FakeServer> & { serverId: number; port: number }): FakeServer {
    const server: FakeServer = {
      mode: 'follower',
      epoch: 1,
      counter: 10,
      uptimeMs: 60_000,
      lookingCount: 1,
      packets: 100,
      reads: 50,
      readSum: 50,
      outstanding: 0,
      whitelist: '*',
      behaviour: 'ok',
      latencyMs: 2,
      adminPort: null,
      digestMismatches: 0,
      version: '3.8.0',
      log: [],
      ...over,
    }
    this.servers.push(server)
    return server
  }

  /** A 3-voter ensemble on ports 2181–2183 (admin 8081–8083), server 1 leading. */
  static trio(clock: FakeClock, over: Partial<FakeServer> = {}): FakeZk {
    const zk = new FakeZk(clock)
    for (const id of [1, 2, 3]) zk.add({ serverId: id, port: 2180 + id, adminPort: 8080 + id, mode: id === 1 ? 'leader' : 'follower', ...over })
    return zk
  }

  byPort(port: number): FakeServer | undefined {
    return this.servers.find((s) => s.port === port)
  }

  must(port: number): FakeServer {
    const server = this.byPort(port)
    if (!server) throw new Error(`no fake server on port ${port}`)
    return server
  }

  /** Time passes on the servers: uptime and traffic grow. */
  tick(ms: number): void {
    for (const s of this.servers) {
      if (s.mode === 'looking') continue
      s.uptimeMs += ms
      s.reads += 10
      s.readSum += 10
      s.counter += 5
    }
  }

  private enter(port: number): () => void {
    const n = (this.active.get(port) ?? 0) + 1
    this.active.set(port, n)
    this.maxActive.set(port, Math.max(this.maxActive.get(port) ?? 0, n))
    return () => this.active.set(port, (this.active.get(port) ?? 1) - 1)
  }

  readonly fourLetter: FourLetterTransport = (req) => {
    const server = this.byPort(req.port)
    const leave = this.enter(req.port)
    return new Promise<ExchangeResult>((resolve) => {
      const started = this.clock.now()
      let done = false
      const timers: unknown[] = []
      const finish = (result: ExchangeResult) => {
        if (done) return
        done = true
        for (const t of timers) this.clock.clearTimeout(t)
        leave()
        resolve(result)
      }
      const fail = (failure: Extract<ExchangeResult, { ok: false }>['failure'], message: string) =>
        finish({ ok: false, failure, message, partial: Buffer.alloc(0), durationMs: this.clock.now() - started })
      req.signal?.addEventListener('abort', () => fail('aborted', 'cancelled'), { once: true })
      if (!server || server.behaviour === 'refused') {
        timers.push(this.clock.setTimeout(() => fail('refused', 'ECONNREFUSED'), 0))
        return
      }
      server.log.push(req.command)
      if (server.behaviour === 'hang') {
        // What the real client does against a frozen JVM: connected, then no first byte.
        timers.push(this.clock.setTimeout(() => fail('timeout-first-byte', 'no answer'), req.timeouts.firstByteMs))
        return
      }
      if (server.behaviour === 'empty') {
        timers.push(this.clock.setTimeout(() => fail('empty', 'closed without answering (0 bytes)'), 0))
        return
      }
      if (server.behaviour === 'tls') {
        timers.push(this.clock.setTimeout(() => fail('tls', 'the port answered with a TLS record'), 0))
        return
      }
      const text = server.behaviour === 'garbage' ? 'HTTP/1.1 400 Bad Request\r\n\r\n' : this.answer(server, req.command)
      timers.push(
        this.clock.setTimeout(() => finish({ ok: true, bytes: Buffer.from(text), durationMs: this.clock.now() - started }), server.latencyMs),
      )
    })
  }

  private answer(s: FakeServer, word: string): string {
    s.packets += 1
    const enabled = s.whitelist === '*' || word === 'srvr' || s.whitelist.includes(word)
    if (!enabled) return `${word} is not executed because it is not in the whitelist.\n`
    if (s.mode === 'looking' && !ALWAYS.includes(word)) return NOT_SERVING
    const zxid = `0x${((BigInt(s.epoch) << 32n) | BigInt(s.counter)).toString(16)}`
    switch (word) {
      case 'ruok':
        return 'imok'
      case 'isro':
        return s.mode === 'looking' ? 'null' : s.mode === 'read-only' ? 'ro' : 'rw'
      case 'srvr':
        return [
          `Zookeeper version: ${s.version}-\${mvngit.commit.id}, built on 2024-12-29 17:54 UTC`,
          'Latency min/avg/max: 0/1.0/5',
          `Received: ${s.packets}`,
          `Sent: ${s.packets - 1}`,
          'Connections: 2',
          `Outstanding: ${s.outstanding}`,
          `Zxid: ${zxid}`,
          `Mode: ${s.mode}`,
          'Node count: 10',
          ...(s.mode === 'leader' ? ['Proposal sizes last/min/max: 36/36/92'] : []),
          '',
        ].join('\n')
      case 'mntr':
        return Object.entries(this.metrics(s))
          .map(([k, v]) => `zk_${k}\t${v}`)
          .join('\n')
          .concat('\n')
      case 'conf':
        return this.conf(s)
      case 'wchs':
        return '1 connections watching 2 paths\nTotal watches:3\n\n'
      case 'cons':
        return ` /127.0.0.1:50000[0](queued=0,recved=1,sent=0)\n /127.0.0.1:40000[1](queued=0,recved=9,sent=9,sid=0x${s.serverId}000001a2b0000,lop=PING,est=1795809652379,to=10000,lcxid=0x7,lzxid=${zxid},lresp=273248,llat=1,minlat=0,avglat=1,maxlat=3)\n\n`
      default:
        return ''
    }
  }

  private metrics(s: FakeServer): Record<string, string | number> {
    const voters = this.servers.filter((x) => x.mode !== 'observer')
    const synced = this.servers.filter((x) => x !== s && (x.mode === 'follower' || x.mode === 'observer') && x.behaviour === 'ok')
    return {
      version: `${s.version}-x, built on 2024-12-29 17:54 UTC`,
      server_state: s.mode,
      ...(s.mode !== 'standalone' ? { peer_state: `${s.mode === 'leader' ? 'leading' : 'following'} - broadcast`, quorum_size: voters.length } : {}),
      ...(s.mode === 'leader'
        ? { learners: synced.length, synced_followers: synced.filter((x) => x.mode === 'follower').length, synced_non_voting_followers: 0, pending_syncs: 0, leader_uptime: s.uptimeMs }
        : {}),
      avg_latency: 1.0,
      outstanding_requests: s.outstanding,
      znode_count: 10,
      num_alive_connections: 2,
      uptime: s.uptimeMs,
      looking_count: s.lookingCount,
      packets_received: s.packets,
      packets_sent: s.packets - 1,
      cnt_readlatency: s.reads,
      sum_readlatency: s.readSum,
      open_file_descriptor_count: 50,
      max_file_descriptor_count: 20000,
      digest_mismatches_count: s.digestMismatches,
      unrecoverable_error_count: 0,
    }
  }

  private conf(s: FakeServer): string {
    const lines = [`clientPort=${s.port}`, 'secureClientPort=-1', `serverId=${s.serverId}`, 'tickTime=2000']
    if (s.mode === 'standalone') return `${lines.join('\n')}\n`
    lines.push(`peerType=${s.mode === 'observer' ? 1 : 0}`, 'membership: ')
    for (const x of this.servers) {
      lines.push(`server.${x.serverId}=127.0.0.1:${x.port + 700}:${x.port + 1700}:${x.mode === 'observer' ? 'observer' : 'participant'};127.0.0.1:${x.port}`)
    }
    lines.push('version=100000000')
    return lines.join('\n')
  }

  readonly admin: AdminTransport = (req: AdminRequest) => {
    const server = this.servers.find((s) => s.adminPort === req.port)
    return new Promise<AdminResult>((resolve) => {
      const reply = (result: AdminResult) => this.clock.setTimeout(() => resolve(result), server?.latencyMs ?? 0)
      if (!server || server.behaviour === 'refused') return reply({ ok: false, failure: 'refused', status: null, message: 'ECONNREFUSED', text: '', durationMs: 0 })
      server.log.push(`admin:${req.command}`)
      const body = this.adminBody(server, req.command)
      if (body === null) {
        return reply({ ok: false, failure: 'http-error', status: 500, message: 'HTTP 500', text: '<html>NullPointerException zkServer is null</html>', durationMs: 1 })
      }
      reply({ ok: true, status: 200, json: parseAdminJson(body), text: body, durationMs: 1 })
    })
  }

  private adminBody(s: FakeServer, command: string): string | null {
    const looking = s.mode === 'looking'
    if (looking && command === 'monitor') return null
    if (looking && command !== 'environment' && command !== 'zabstate') return JSON.stringify({ command, error: NOT_SERVING.trim() })
    const zxid = (BigInt(s.epoch) << 32n) | BigInt(s.counter)
    switch (command) {
      case 'server_stats':
        return `{"version":"${s.version}-x","read_only":false,"server_stats":{"packets_sent":${s.packets},"packets_received":${s.packets},"server_state":"${s.mode}","outstanding_requests":${s.outstanding},"min_latency":0,"avg_latency":1.0,"max_latency":5,"last_processed_zxid":${zxid},"num_alive_client_connections":2,"uptime":${s.uptimeMs}},"node_count":10,"command":"server_stats","error":null}`
      case 'monitor':
        return JSON.stringify({ ...this.metrics(s), command, error: null })
      case 'configuration':
        return JSON.stringify({ client_port: s.port, server_id: s.serverId, tick_time: 2000, command, error: null })
      case 'voting_view': {
        const config: Record<string, unknown> = {}
        for (const x of this.servers.filter((v) => v.mode !== 'observer')) {
          config[String(x.serverId)] = { server_addresses: [`127.0.0.1:${x.port + 700}`], election_addresses: [`127.0.0.1:${x.port + 1700}`], client_address: `127.0.0.1:${x.port}`, learner_type: 'participant' }
        }
        return JSON.stringify({ current_config: config, command, error: null })
      }
      case 'watch_summary':
        return JSON.stringify({ num_connections: 1, num_paths: 2, num_total_watches: 3, command, error: null })
      case 'is_read_only':
        return JSON.stringify({ read_only: s.mode === 'read-only', command, error: null })
      case 'ruok':
        return JSON.stringify({ command, error: null })
      case 'connections':
        // A 64-bit session id, written as a bare JSON number as Jackson does.
        return `{"connections":[{"remote_socket_address":"127.0.0.1:40000","interest_ops":1,"outstanding_requests":0,"packets_received":9,"packets_sent":9,"session_id":72057625259343872,"last_operation":"PING","established":1795809652379,"session_timeout":10000,"last_cxid":7,"last_zxid":${zxid},"last_response_time":273248,"last_latency":1,"min_latency":0,"avg_latency":1,"max_latency":3}],"secure_connections":[],"command":"connections","error":null}`
      default:
        return JSON.stringify({ command, error: `Unknown command: ${command}` })
    }
  }
}
