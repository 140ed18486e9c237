import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  classifyAnswer,
  isFourLetterConnection,
  parseClientLine,
  parseConf,
  parseCons,
  parseDirs,
  parseEnsembleConfig,
  parseEnvi,
  parseIsro,
  parseRuok,
  parseServerLine,
  parseSrvr,
  parseStat,
  parseWchs,
  shortVersion,
  toHex64,
  zxidParts,
} from '../../../shared/zk/four-letter'

// Real answers from ZooKeeper 3.8.0 (shared/reference/zookeeper-monitoring.md §2.4).
const VERSION = 'Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC'

const SRVR_STANDALONE = `${VERSION}
Latency min/avg/max: 0/1.1727/22
Received: 280
Sent: 279
Connections: 3
Outstanding: 0
Zxid: 0x3f
Mode: standalone
Node count: 62
`

const SRVR_LEADER = `${VERSION}
Latency min/avg/max: 0/1.0791/26
Received: 280
Sent: 279
Connections: 3
Outstanding: 0
Zxid: 0x10000003f
Mode: leader
Node count: 62
Proposal sizes last/min/max: 155/36/167
`

// Captured from a 3.8.0 follower and observer of a 3-voter + 1-observer ensemble.
const SRVR_FOLLOWER = `${VERSION}
Latency min/avg/max: 0/5.0779/47
Received: 84
Sent: 103
Connections: 2
Outstanding: 0
Zxid: 0x100000028
Mode: follower
Node count: 24
`

const SRVR_OBSERVER = `${VERSION}
Latency min/avg/max: 0/0.0/0
Received: 1
Sent: 0
Connections: 1
Outstanding: 0
Zxid: 0x0
Mode: observer
Node count: 5
`

const SRVR_READ_ONLY = `${VERSION}
READ-ONLY mode; serving only read-only clients
Latency min/avg/max: 0/0.0/0
Received: 2
Sent: 1
Connections: 1
Outstanding: 0
Zxid: 0x0
Mode: read-only
Node count: 5
`

const STAT = `${VERSION}
Clients:
 /127.0.0.1:35622[1](queued=0,recved=269,sent=269)
 /127.0.0.1:38864[0](queued=0,recved=1,sent=0)
 /127.0.0.1:35632[1](queued=0,recved=9,sent=9)

Latency min/avg/max: 0/1.1727/22
Received: 280
Sent: 279
Connections: 3
Outstanding: 0
Zxid: 0x3f
Mode: standalone
Node count: 62
`

const CONS = ` /127.0.0.1:35622[1](queued=0,recved=269,sent=269,sid=0x1000003ea5a0000,lop=PING,est=1795809652333,to=10000,lcxid=0x10b,lzxid=0x3f,lresp=273398,llat=0,minlat=0,avglat=1,maxlat=22)
 /127.0.0.1:38878[0](queued=0,recved=1,sent=0)
 /127.0.0.1:35632[1](queued=0,recved=9,sent=9,sid=0x1000003ea5a0001,lop=PING,est=1795809652379,to=10000,lcxid=0x7,lzxid=0x3f,lresp=273248,llat=1,minlat=0,avglat=1,maxlat=3)

`

const CONF_STANDALONE = `clientPort=22181
secureClientPort=-1
dataDir=/data/zk/version-2
dataDirSize=67109337
dataLogDir=/data/zk/version-2
dataLogSize=67109337
tickTime=2000
maxClientCnxns=60
minSessionTimeout=4000
maxSessionTimeout=40000
clientPortListenBacklog=-1
serverId=0
`

// Quorum member: trailing space after "membership:" and no newline after version=.
const CONF_QUORUM = `clientPort=22181
secureClientPort=-1
dataDir=/data/zk/version-2
dataDirSize=67109337
dataLogDir=/data/zk/version-2
dataLogSize=67109337
tickTime=2000
maxClientCnxns=60
minSessionTimeout=4000
maxSessionTimeout=40000
clientPortListenBacklog=-1
serverId=1
initLimit=10
syncLimit=5
electionAlg=3
electionPort=24889
quorumPort=24888
peerType=0
membership: 
server.1=127.0.0.1:24888:24889:participant;127.0.0.1:22181
version=100000000`

const ENVI = `Environment:
zookeeper.version=3.8.0-\${mvngit.commit.id}, built on 2024-12-29 17:54 UTC
host.name=localhost
java.version=17.0.15
java.vendor=Debian
java.compiler=<NA>
os.memory.free=245MB
`

describe('classifyAnswer', () => {
  it('recognises the not-serving line, with or without its newline', () => {
    expect(classifyAnswer('This ZooKeeper instance is not currently serving requests\n')).toEqual({ kind: 'not-serving' })
    expect(classifyAnswer('This ZooKeeper instance is not currently serving requests')).toEqual({ kind: 'not-serving' })
  })

  it('recognises the exact not-whitelisted answer and names the word', () => {
    expect(classifyAnswer('stat is not executed because it is not in the whitelist.\n')).toEqual({ kind: 'not-whitelisted', command: 'stat' })
    expect(classifyAnswer('mntr is not executed because it is not in the whitelist.\n')).toEqual({ kind: 'not-whitelisted', command: 'mntr' })
  })

  it('treats 0 bytes as "no answer", never as an empty result', () => {
    expect(classifyAnswer('')).toEqual({ kind: 'empty' })
  })

  it('passes data through, normalising CRLF from proxies', () => {
    expect(classifyAnswer('imok')).toEqual({ kind: 'ok', text: 'imok' })
    expect(classifyAnswer('rw\r\n')).toEqual({ kind: 'ok', text: 'rw\n' })
  })
})

describe('srvr / stat', () => {
  it('parses a standalone server', () => {
    const s = parseSrvr(SRVR_STANDALONE)
    expect(s).toMatchObject({
      version: '3.8.0',
      mode: 'standalone',
      readOnly: false,
      latencyMinMs: 0,
      latencyAvgMs: 1.1727,
      latencyMaxMs: 22,
      received: 280,
      sent: 279,
      connections: 3,
      outstanding: 0,
      zxid: '0x3f',
      nodeCount: 62,
      proposalSizes: null,
    })
  })

  it('parses a leader with its proposal sizes and epoch in the zxid', () => {
    const s = parseSrvr(SRVR_LEADER)
    expect(s?.mode).toBe('leader')
    expect(s?.proposalSizes).toEqual({ last: 155, min: 36, max: 167 })
    expect(zxidParts(s?.zxid ?? '')).toEqual({ epoch: 1, counter: 0x3f })
  })

  it('parses follower and observer', () => {
    expect(parseSrvr(SRVR_FOLLOWER)).toMatchObject({ mode: 'follower', zxid: '0x100000028', latencyAvgMs: 5.0779 })
    expect(parseSrvr(SRVR_OBSERVER)).toMatchObject({ mode: 'observer', zxid: '0x0', received: 1, sent: 0 })
  })

  it('parses read-only mode from the extra second line', () => {
    expect(parseSrvr(SRVR_READ_ONLY)).toMatchObject({ mode: 'read-only', readOnly: true, nodeCount: 5 })
  })

  it('keeps -1/-1/-1 proposal sizes (none yet) as they are', () => {
    const text = SRVR_LEADER.replace('155/36/167', '-1/-1/-1')
    expect(parseSrvr(text)?.proposalSizes).toEqual({ last: -1, min: -1, max: -1 })
  })

  it('parses only the leading x.y.z of odd version strings', () => {
    expect(shortVersion('3.9.3-c26634f34490bb0ea7a09cc51e05ede3b4e320ee, built on 2024-10-17 23:21 UTC')).toBe('3.9.3')
    expect(shortVersion('3.6.0--b4c89dc7f6083829e18fae6e446907ae0b1f22d7, built on 02/25/2020 14:38 GMT')).toBe('3.6.0')
    expect(shortVersion('3.4.5-cdh4.4.0--1, built on 09/04/2013 01:46 GMT')).toBe('3.4.5')
  })

  it('accepts 3.5-style integer average latency and a missing Connections line (< 3.4.4)', () => {
    const old = SRVR_STANDALONE.replace('0/1.1727/22', '0/1/22').replace('Connections: 3\n', '')
    expect(parseSrvr(old)).toMatchObject({ latencyAvgMs: 1, connections: null })
  })

  it('rejects the not-serving text and garbage', () => {
    expect(parseSrvr('This ZooKeeper instance is not currently serving requests\n')).toBeNull()
    expect(parseSrvr('HTTP/1.1 400 Bad Request\r\n\r\n')).toBeNull()
    expect(parseSrvr(`${VERSION}\nMode: leader\n`)).toBeNull()
  })

  it('parses stat: srvr fields plus the client list', () => {
    const parsed = parseStat(STAT)
    expect(parsed?.stats.mode).toBe('standalone')
    expect(parsed?.clients).toHaveLength(3)
    expect(parsed?.clients.filter((c) => !isFourLetterConnection(c))).toHaveLength(2)
  })
})

describe('cons', () => {
  it('parses connections with sessions and hides the poller\'s own 4lw connection', () => {
    const clients = parseCons(CONS)
    expect(clients).toHaveLength(3)
    expect(clients[0]).toMatchObject({
      address: '127.0.0.1',
      port: 35622,
      interestOps: 1,
      sessionId: '0x1000003ea5a0000',
      lastOperation: 'PING',
      establishedAt: 1795809652333,
      sessionTimeoutMs: 10000,
      lastCxid: '0x10b',
      lastZxid: '0x3f',
      lastResponseMonotonicMs: 273398,
      maxLatencyMs: 22,
    })
    expect(isFourLetterConnection(clients[1] as (typeof clients)[number])).toBe(true)
    expect(clients.filter((c) => !isFourLetterConnection(c)).map((c) => c.sessionId)).toEqual(['0x1000003ea5a0000', '0x1000003ea5a0001'])
  })

  it('reads what crst leaves behind (lop=NA, lzxid=-1, no lcxid)', () => {
    const line = ' /127.0.0.1:35622[1](queued=0,recved=0,sent=0,sid=0x1000003ea5a0000,lop=NA,est=1795809652333,to=10000,lzxid=0xffffffffffffffff,lresp=0,llat=0,minlat=0,avglat=0,maxlat=0)'
    expect(parseClientLine(line)).toMatchObject({ lastOperation: null, lastZxid: null, lastCxid: null, received: 0 })
  })

  it('takes the port after the LAST colon: IPv6 (bracketed or not) and host/ip forms', () => {
    expect(parseClientLine(' /[0:0:0:0:0:0:0:1]:50712[1](queued=0,recved=3,sent=3)')).toMatchObject({ address: '0:0:0:0:0:0:0:1', port: 50712 })
    expect(parseClientLine(' /0:0:0:0:0:0:0:1:50712[1](queued=0,recved=3,sent=3)')).toMatchObject({ address: '0:0:0:0:0:0:0:1', port: 50712 })
    expect(parseClientLine(' app1.example.com/10.0.0.7:40000[1](queued=2,recved=3,sent=3)')).toMatchObject({ hostname: 'app1.example.com', address: '10.0.0.7', queued: 2 })
  })

  it('skips lines of another shape', () => {
    expect(parseCons('garbage\n /x\n')).toEqual([])
  })
})

describe('conf', () => {
  it('parses a standalone server (serverId=0, no membership)', () => {
    const conf = parseConf(CONF_STANDALONE)
    expect(conf).toMatchObject({ clientPort: 22181, secureClientPort: null, serverId: 0, membership: null, configVersion: null, tickTime: 2000 })
  })

  it('parses a quorum member: membership with a trailing space and a last line without newline', () => {
    const conf = parseConf(CONF_QUORUM)
    expect(conf).toMatchObject({ serverId: 1, peerType: 'participant', quorumPort: '24888', electionPort: '24889', configVersion: '100000000' })
    expect(conf?.membership).toEqual([
      {
        serverId: 1,
        quorumAddresses: ['127.0.0.1:24888:24889'],
        quorumHost: '127.0.0.1',
        learnerType: 'participant',
        clientHost: '127.0.0.1',
        clientPort: 22181,
        secureClientHost: null,
        secureClientPort: null,
      },
    ])
  })

  it('reads peerType=1 as observer and static lines without a client part', () => {
    const text = CONF_QUORUM.replace('peerType=0', 'peerType=1').replace(
      'server.1=127.0.0.1:24888:24889:participant;127.0.0.1:22181',
      'server.1=127.0.0.1:32881:33881:participant\nserver.4=127.0.0.1:32884:33884:observer',
    )
    const conf = parseConf(text)
    expect(conf?.peerType).toBe('observer')
    expect(conf?.membership?.map((m) => [m.serverId, m.learnerType, m.clientPort])).toEqual([
      [1, 'participant', null],
      [4, 'observer', null],
    ])
  })

  it('parses IPv6, multi-address and TLS-only server lines', () => {
    expect(parseServerLine('server.2=[2001:db8::2]:2888:3888:participant;[2001:db8::2]:2181')).toMatchObject({
      quorumHost: '2001:db8::2',
      clientHost: '2001:db8::2',
      clientPort: 2181,
    })
    expect(parseServerLine('server.3=10.0.0.3:2888:3888|10.1.0.3:2888:3888:observer;0.0.0.0:2181')).toMatchObject({
      quorumAddresses: ['10.0.0.3:2888:3888', '10.1.0.3:2888:3888'],
      learnerType: 'observer',
      clientHost: '0.0.0.0',
    })
    expect(parseServerLine('server.4=zk4:2888:3888:participant;;zk4:2281')).toMatchObject({
      clientHost: null,
      clientPort: null,
      secureClientHost: 'zk4',
      secureClientPort: 2281,
    })
    expect(parseServerLine('server.5=zk5:2888:3888;2181')).toMatchObject({ clientHost: null, clientPort: 2181 })
  })

  it('parses /zookeeper/config text', () => {
    const parsed = parseEnsembleConfig('server.1=127.0.0.1:24888:24889:participant;127.0.0.1:22181\nversion=100000000')
    expect(parsed.configVersion).toBe('100000000')
    expect(parsed.members.map((m) => m.serverId)).toEqual([1])
  })
})

describe('the short answers', () => {
  it('ruok, isro (rw / ro / null while looking)', () => {
    expect(parseRuok('imok')).toBe(true)
    expect(parseRuok('')).toBe(false)
    expect(parseIsro('rw')).toBe('rw')
    expect(parseIsro('ro')).toBe('ro')
    expect(parseIsro('null')).toBe('null')
    expect(parseIsro('maybe')).toBeNull()
  })

  it('wchs (data watches only) with its trailing blank line', () => {
    expect(parseWchs('2 connections watching 2 paths\nTotal watches:3\n\n')).toEqual({ connections: 2, paths: 2, totalWatches: 3 })
    expect(parseWchs('nothing')).toBeNull()
  })

  it('envi and dirs', () => {
    const env = parseEnvi(ENVI)
    expect(env?.['java.version']).toBe('17.0.15')
    expect(env?.['zookeeper.version']).toContain('3.8.0')
    expect(parseEnvi('imok')).toBeNull()
    expect(parseDirs('datadir_size: 67109337\nlogdir_size: 67109337\n')).toEqual({ dataDirSize: 67109337, logDirSize: 67109337 })
  })
})

describe('64-bit hex', () => {
  it('keeps every bit of large ids and prints Java -1 as its 64-bit pattern', () => {
    expect(toHex64('72057610854596609')).toBe('0x1000003ea5a0001')
    expect(toHex64(72057610854596609n)).toBe('0x1000003ea5a0001')
    expect(toHex64(2 ** 60)).toBeNull() // an unsafe JS number cannot be trusted
    expect(toHex64(-1)).toBe('0xffffffffffffffff')
    expect(toHex64('0x10000003F')).toBe('0x10000003f')
  })

  it('splits zxids into epoch and counter', () => {
    expect(zxidParts('0x200000006')).toEqual({ epoch: 2, counter: 6 })
    expect(zxidParts('0xffffffff00000001')).toEqual({ epoch: 0xffffffff, counter: 1 })
    expect(zxidParts('nope')).toBeNull()
  })
})

describe('fixture files', () => {
  it('are present (captured from a real 3.8.0 ensemble)', () => {
    const text = readFileSync(new URL('./monitor/fixtures/mntr-leader-3.8.0.txt', import.meta.url), 'utf8')
    expect(text.split('\n').filter(Boolean)).toHaveLength(511)
  })
})
