import { readFileSync } from 'node:fs'
import { parse as losslessParse } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import {
  adminConfiguration,
  adminConnections,
  adminError,
  adminIsReadOnly,
  adminMonitor,
  adminServerStats,
  adminVotingView,
  adminZabState,
  mntrLearners,
  mntrNumber,
  mntrSummary,
  parseAdminCommandList,
  parseAdminJson,
  parseMntr,
} from '../../../shared/zk/four-letter'

const fixture = (name: string) => readFileSync(new URL(`./monitor/fixtures/${name}`, import.meta.url), 'utf8')

// The real 3.8.0 Prometheus-provider mntr quoted in influxdata/telegraf#11520 (reference §4.2).
const MNTR_PROMETHEUS = `zk_version\t3.8.0-5a02a05eddb59aee6ac762f7ea82e92a68eb9c0f, built on 2022-02-25 08:49 UTC
zk_server_state\tstandalone
zk_uptime\t11438.0
zk_om_proposal_process_time_ms{quantile="0.5"}\tNaN
zk_om_proposal_process_time_ms_count\t0.0
zk_om_proposal_process_time_ms_sum\t0.0
zk_readlatency{quantile="0.99"}\t3.0
zk_readlatency_count\t215.0
zk_readlatency_sum\t125.0
`

describe('mntr, default provider', () => {
  const leader = parseMntr(fixture('mntr-leader-3.8.0.txt'))

  it('reads all 511 keys of a real 3.8.0 leader, typed', () => {
    const keys = Object.keys(leader.numbers).length + Object.keys(leader.strings).length
    expect(keys).toBe(511)
    expect(leader.format).toBe('default')
    expect(leader.strings.version).toBe('3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC')
    expect(leader.strings.server_state).toBe('leader')
    // Values contain spaces: split on the first TAB only.
    expect(leader.strings.peer_state).toBe('leading - broadcast')
    expect(mntrNumber(leader, 'avg_latency')).toBe(1.0791)
    expect(mntrNumber(leader, 'connection_drop_probability')).toBe(0)
  })

  it('has the leader-only keys', () => {
    expect(mntrNumber(leader, 'synced_followers')).toBe(0)
    expect(mntrNumber(leader, 'quorum_size')).toBe(1)
    expect(mntrLearners(leader)).toBe(0)
    expect(mntrNumber(leader, 'leader_uptime')).toBe(13159)
    expect(mntrNumber(leader, 'pending_syncs')).toBe(0)
  })

  it('reads summaries (cumulative cnt / sum) for interval means', () => {
    expect(mntrSummary(leader, 'readlatency')).toEqual({ count: 215, sum: 125 })
    expect(mntrSummary(leader, 'updatelatency')).toEqual({ count: 63, sum: 175 })
    expect(mntrNumber(leader, 'p99_readlatency')).toBe(11)
    expect(mntrNumber(leader, 'avg_app_read_per_namespace')).toBe(179.6214)
  })

  it('reads an observer (captured): observer master id, no leader-only keys', () => {
    const observer = parseMntr(fixture('mntr-observer-3.8.0.txt'))
    expect(observer.strings.server_state).toBe('observer')
    expect(observer.strings.peer_state).toBe('observing - broadcast')
    expect(mntrNumber(observer, 'observer_master_id')).toBe(2) // the leader when it was captured
    expect(mntrNumber(observer, 'synced_followers')).toBeNull()
    expect(mntrNumber(observer, 'quorum_size')).toBe(3)
  })

  it('maps the ≤ 3.5 name zk_followers to learners and tolerates odd lines', () => {
    const old = parseMntr('zk_version\t3.4.14-4c25d480e66aadd371de8bd2fd8da255ac140bcf, built on 03/06/2019 16:18 GMT\nzk_server_state\tleader\nzk_followers\t2\nzk_avg_latency\t0\nnot a metric line\n\n')
    expect(mntrLearners(old)).toBe(2)
    expect(mntrNumber(old, 'avg_latency')).toBe(0)
  })
})

describe('mntr, Prometheus provider', () => {
  const data = parseMntr(MNTR_PROMETHEUS)

  it('detects the format, reads doubles, labelled quantiles and NaN', () => {
    expect(data.format).toBe('prometheus')
    expect(mntrNumber(data, 'uptime')).toBe(11438)
    expect(data.strings.server_state).toBe('standalone')
    expect(data.labelled).toContainEqual({ name: 'om_proposal_process_time_ms', labels: { quantile: '0.5' }, value: null })
    expect(data.labelled).toContainEqual({ name: 'readlatency', labels: { quantile: '0.99' }, value: 3 })
  })

  it('reads summaries from _count / _sum', () => {
    expect(mntrSummary(data, 'readlatency')).toEqual({ count: 215, sum: 125 })
  })
})

describe('AdminServer JSON', () => {
  it('keeps 64-bit session ids and zxids exact (lossless-json), as hex', () => {
    const json = parseAdminJson(fixture('admin-connections-follower-3.8.0.json'))
    const clients = adminConnections(json)
    // 72057625259343872 > 2^53: JSON.parse would have rounded it.
    expect(JSON.parse('72057625259343872')).not.toBe(72057625259343872n)
    expect(clients?.[0]).toMatchObject({
      address: '127.0.0.1',
      port: 40200,
      sessionId: '0x100000744f10000',
      lastZxid: '0x3000023de',
      lastCxid: '0x413',
      lastOperation: 'GETC',
      lastResponseMonotonicMs: 1417205,
    })
  })

  it('parses bodies without 16-digit runs natively, with the same result as the lossless parser', () => {
    const names = ['admin-monitor-leader-3.8.0.json', 'admin-server_stats-leader-3.8.0.json', 'admin-voting_view-leader-3.8.0.json', 'admin-zabstate-leader-3.8.0.json']
    for (const name of names) {
      const text = fixture(name)
      expect(parseAdminJson(text), name).toEqual(losslessParse(text, null, (n) => (Number.isSafeInteger(Number(n)) || !/^-?\d+$/.test(n) ? Number(n) : BigInt(n))))
    }
    // The largest safe integer has 16 digits: such bodies go the lossless way, and stay exact either side of 2^53.
    expect(parseAdminJson('{"a":9007199254740991,"b":9007199254740993,"c":123456789012345,"d":1.5e3}')).toEqual({
      a: 9007199254740991,
      b: 9007199254740993n,
      c: 123456789012345,
      d: 1500,
    })
    expect(() => parseAdminJson('{"a":')).toThrow(SyntaxError)
    expect(() => parseAdminJson('{"a":1234567890123456789')).toThrow(SyntaxError)
  })

  it('maps server_stats to the srvr shape', () => {
    const stats = adminServerStats(parseAdminJson(fixture('admin-server_stats-leader-3.8.0.json')))
    expect(stats).toMatchObject({ version: '3.8.0', mode: 'leader', readOnly: false })
    expect(stats?.zxid).toMatch(/^0x3[0-9a-f]{8}$/)
    expect(stats?.proposalSizes).not.toBeNull()
  })

  it('maps monitor to the mntr shape (keys without zk_)', () => {
    const data = adminMonitor(parseAdminJson(fixture('admin-monitor-leader-3.8.0.json')))
    expect(data?.strings.server_state).toBe('leader')
    expect(data?.strings.peer_state).toBe('leading - broadcast')
    expect(mntrNumber(data ?? parseMntr(''), 'synced_followers')).toBe(2)
    expect(data?.strings.command).toBeUndefined()
  })

  it('maps voting_view (voters only) and zabstate', () => {
    const voters = adminVotingView(parseAdminJson(fixture('admin-voting_view-leader-3.8.0.json')))
    expect(voters?.map((v) => v.serverId)).toEqual([1, 2, 3])
    expect(voters?.[0]?.quorumAddresses).toEqual(['127.0.0.1:32881:33881'])
    const zab = adminZabState(parseAdminJson(fixture('admin-zabstate-leader-3.8.0.json')))
    expect(zab).toMatchObject({ serverId: 2, isLeader: true, voting: true, phase: 'broadcast', epoch: 3 })
  })

  it('maps the reference samples: leader, voting_view of one, configuration', () => {
    expect(adminZabState(parseAdminJson('{"voting":false,"zabstate":"","command":"zabstate","error":null}'))).toMatchObject({ voting: false, phase: '' })
    const one = adminVotingView(
      parseAdminJson(
        '{ "current_config" : { "1" : { "server_addresses" : [ "127.0.0.1:24888" ], "election_addresses" : [ "127.0.0.1:24889" ], "client_address" : "127.0.0.1:22181", "learner_type" : "participant" } }, "command" : "voting_view", "error" : null }',
      ),
    )
    expect(one?.[0]).toMatchObject({ serverId: 1, quorumAddresses: ['127.0.0.1:24888:24889'], clientHost: '127.0.0.1', clientPort: 22181 })
    const conf = adminConfiguration(
      parseAdminJson('{"client_port":32183,"data_dir":"/d","data_log_dir":"/d","tick_time":500,"max_client_cnxns":0,"min_session_timeout":1000,"max_session_timeout":10000,"server_id":3,"client_port_listen_backlog":-1,"command":"configuration","error":null}'),
    )
    expect(conf).toMatchObject({ clientPort: 32183, serverId: 3, membership: null })
    expect(adminIsReadOnly(parseAdminJson('{"read_only":true,"command":"is_read_only","error":null}'))).toBe('ro')
  })

  it('reads the error field of HTTP-200 errors', () => {
    expect(adminError(parseAdminJson('{"command":"stats","error":"This ZooKeeper instance is not currently serving requests"}'))).toMatch(/not currently serving/)
    expect(adminError(parseAdminJson('{"command":"nosuchcmd","error":"Unknown command: nosuchcmd"}'))).toBe('Unknown command: nosuchcmd')
    expect(adminError(parseAdminJson('{"command":"ruok","error":null}'))).toBeNull()
    expect(adminServerStats(parseAdminJson('{"command":"server_stats","error":"This ZooKeeper instance is not currently serving requests"}'))).toBeNull()
  })

  it('lists commands from the /commands HTML page', () => {
    const html = '<a href="/commands/configuration">configuration</a>\n<br/>\n<a href="/commands/zabstate">zabstate</a>\n<br/>\n'
    expect(parseAdminCommandList(html)).toEqual(['configuration', 'zabstate'])
  })

  it('throws on the HTML error page (HTTP 500 of monitor while looking)', () => {
    expect(() => parseAdminJson('<html><head><title>Error 500 java.lang.NullPointerException</title></head></html>')).toThrow()
  })
})
