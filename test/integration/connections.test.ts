/**
 * The backend over its real WebSocket host against a real 3-member ensemble:
 * connect, chroot, digest ACLs, reading, errors, and a member going away
 * under a connected session. Data is written by kazoo, an independent client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { runKazoo } from '../helpers/kazoo'
import type { RpcClient } from '../../shared/rpc/client'
import type { ConnectionInfo } from '../../shared/protocol/types'
import zookeeper from 'node-zookeeper-client'
import { ZkError } from '../../shared/protocol/errors'
import { base64ToBytes } from '../../shared/zk/base64'
import { hexToBigInt } from '../../shared/zk/stat'

let ensemble: TestEnsemble
let server: BackendServer
let client: RpcClient

const SECRET = 'ops:s3cret'

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 3 })
  server = await startBackendServer({ serveRenderer: false })
  client = await server.connectClient()
  // Written by kazoo, so what we read did not come from our own code.
  await runKazoo(
    ensemble.connectString,
    `
from kazoo.security import make_digest_acl
zk.create('/it/app/config.json', b'{"port": 8080, "name": "\\xe8\\xae\\xa2\\xe5\\x8d\\x95"}', makepath=True)
zk.create('/it/app/bin', bytes([0, 1, 2, 255, 254]))
for i in range(1, 13):
    zk.create('/it/app/items/n%06d' % i, b'x' * i, makepath=True)
zk.create('/it/secure', b'top secret', acl=[make_digest_acl('ops', 's3cret', all=True)])
result = True
`,
  )
})

afterAll(async () => {
  await server?.dispose()
  await ensemble?.stop()
})

function waitForState(
  states: string[],
  predicate: (info: ConnectionInfo) => boolean,
  timeoutMs = 30_000,
): Promise<ConnectionInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose()
      reject(new Error(`no state in ${states.join('/')} within ${timeoutMs} ms`))
    }, timeoutMs)
    const sub = client.on('session.state', (info) => {
      if (states.includes(info.state) && predicate(info)) {
        clearTimeout(timer)
        sub.dispose()
        resolve(info)
      }
    })
  })
}

describe('connections against a real ensemble', () => {
  it('connects and reports the session id, the server and the negotiated timeout', async () => {
    const info = await client.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 10_000 })
    expect(info.state).toBe('connected')
    expect(info.sessionId).toMatch(/^0x[0-9a-f]+$/)
    expect(ensemble.members.map((m) => m.clientPort)).toContain(Number(info.server?.split(':').pop()))
    expect(info.negotiatedTimeoutMs).toBeGreaterThanOrEqual(4_000)
    const listed = await client.api.listConnections({})
    expect(listed.map((c) => c.connectionId)).toContain(info.connectionId)
    await client.api.disconnect({ connectionId: info.connectionId })
    expect((await client.api.listConnections({})).map((c) => c.connectionId)).not.toContain(info.connectionId)
  })

  it('lists children with the parent Stat and reads data, Stat and ACL', async () => {
    const { connectionId } = await client.api.connectAdHoc({ connectString: ensemble.connectString })
    const children = await client.api.getChildren({ connectionId, path: '/it/app' })
    expect(children.children.sort()).toEqual(['bin', 'config.json', 'items'])
    expect(children.stat.numChildren).toBe(3)

    const node = await client.api.getNode({ connectionId, path: '/it/app/config.json' })
    expect(node.data.encoding).toBe('utf8')
    expect(node.data.text).toBe('{"port": 8080, "name": "订单"}')
    expect(node.stat.dataLength).toBe(node.data.size)
    expect(node.stat.ephemeralOwner).toBe('0x0')
    expect(node.acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 31 }])
    expect(hexToBigInt(node.stat.mzxid)).toBeGreaterThan(0n)
    expect(Number(node.stat.ctime)).toBeGreaterThan(Date.now() - 600_000)

    const bin = await client.api.getNode({ connectionId, path: '/it/app/bin' })
    expect(bin.data.encoding).toBe('binary')
    expect(bin.data.text).toBeUndefined()
    expect([...base64ToBytes(bin.data.base64)]).toEqual([0, 1, 2, 255, 254])
    await client.api.disconnect({ connectionId })
  })

  it('fetches many Stats in one pipelined call, with an error per missing path', async () => {
    const { connectionId } = await client.api.connectAdHoc({ connectString: ensemble.connectString })
    const paths = Array.from({ length: 12 }, (_, i) => `/it/app/items/n${String(i + 1).padStart(6, '0')}`)
    const stats = await client.api.getStats({ connectionId, paths: [...paths, '/it/missing'] })
    expect(stats).toHaveLength(13)
    expect(stats.slice(0, 12).map((s) => s.stat?.dataLength)).toEqual(paths.map((_, i) => i + 1))
    expect(stats[12]?.error?.code).toBe('NO_NODE')
    await client.api.disconnect({ connectionId })
  })

  it('answers bad input with codes: invalid path, no node', async () => {
    const { connectionId } = await client.api.connectAdHoc({ connectString: ensemble.connectString })
    const invalid = await client.api.getNode({ connectionId, path: '/it//app' }).catch((e: ZkError) => e)
    expect(invalid).toMatchObject({ code: 'INVALID_PARAMS' })
    const missing = await client.api.getNode({ connectionId, path: '/it/nope' }).catch((e: ZkError) => e)
    expect(missing).toMatchObject({ code: 'NO_NODE', path: '/it/nope' })
    const unknown = await client.api.getChildren({ connectionId: 'nope', path: '/' }).catch((e: ZkError) => e)
    expect(unknown).toMatchObject({ code: 'UNKNOWN_CONNECTION' })
    await client.api.disconnect({ connectionId })
  })

  it('applies a chroot from the connect string', async () => {
    const { connectionId, chroot } = await client.api.connectAdHoc({ connectString: `${ensemble.connectString}/it/app` })
    expect(chroot).toBe('/it/app')
    const root = await client.api.getChildren({ connectionId, path: '/' })
    expect(root.children.sort()).toEqual(['bin', 'config.json', 'items'])
    const node = await client.api.getNode({ connectionId, path: '/config.json' })
    expect(node.data.text).toContain('8080')
    await client.api.disconnect({ connectionId })
  })

  it('refuses an ACL-protected node without credentials and reads it with them', async () => {
    const anonymous = await client.api.connectAdHoc({ connectString: ensemble.connectString })
    const refused = await client.api.getNode({ connectionId: anonymous.connectionId, path: '/it/secure' }).catch((e: ZkError) => e)
    expect(refused).toMatchObject({ code: 'NO_AUTH' })
    await client.api.disconnect({ connectionId: anonymous.connectionId })

    const profile = await client.api.saveProfile({
      profile: { name: 'ops', connectString: ensemble.connectString, sessionTimeoutMs: 10_000, environment: 'staging', readOnly: false },
      credentials: ['other:nope', SECRET],
      rememberCredentials: false,
    })
    expect(profile.authUsers).toEqual(['other', 'ops'])
    expect(profile.credentialStorage).toBe('memory')
    const authed = await client.api.connect({ profileId: profile.id })
    expect(authed.environment).toBe('staging')
    const node = await client.api.getNode({ connectionId: authed.connectionId, path: '/it/secure' })
    expect(node.data.text).toBe('top secret')
    expect(node.acl[0]).toMatchObject({ scheme: 'digest', perms: 31 })
    expect(node.acl[0]?.id).toMatch(/^ops:/)
    await client.api.disconnect({ connectionId: authed.connectionId })
  })

  it('adds credentials to an open connection after a NO_AUTH, and keeps them across a new session', async () => {
    const { connectionId } = await client.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 10_000 })
    await expect(client.api.getNode({ connectionId, path: '/it/secure' })).rejects.toMatchObject({ code: 'NO_AUTH' })
    await expect(client.api.addCredentials({ connectionId, credentials: ['no-colon'] })).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    await client.api.addCredentials({ connectionId, credentials: ['other:nope', SECRET] })
    expect((await client.api.getNode({ connectionId, path: '/it/secure' })).data.text).toBe('top secret')
    // A replaced session (as after an expiry) is opened with them too.
    await client.api.reconnect({ connectionId })
    expect((await client.api.getNode({ connectionId, path: '/it/secure' })).data.text).toBe('top secret')
    await client.api.disconnect({ connectionId })
  })

  it('shows an ephemeral node owner as the owning session id, exact to 64 bits', async () => {
    const { connectionId } = await client.api.connectAdHoc({ connectString: ensemble.connectString })
    // The owner is a separate session made with the raw library, not through our wrapper.
    const owner = zookeeper.createClient(ensemble.connectString, { sessionTimeout: 10_000 })
    await new Promise<void>((resolve) => {
      owner.once('connected', () => resolve())
      owner.connect()
    })
    await new Promise<void>((resolve, reject) =>
      owner.create('/it/member', Buffer.from('alive'), zookeeper.CreateMode.EPHEMERAL, (e) => (e ? reject(e) : resolve())),
    )
    const expected = `0x${owner.getSessionId().toString('hex').replace(/^0+/, '')}`
    const [entry] = await client.api.getStats({ connectionId, paths: ['/it/member'] })
    expect(entry?.stat?.ephemeralOwner).toBe(expected)
    expect(hexToBigInt(expected)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER))
    owner.close()
    await client.api.disconnect({ connectionId })
  })

  it('moves the session to another member when its member stops, and says so', async () => {
    const info = await client.api.connectAdHoc({ connectString: ensemble.connectString, sessionTimeoutMs: 12_000 })
    expect(info.state).toBe('connected')
    const port = Number(info.server?.split(':').pop())
    const member = ensemble.members.find((m) => m.clientPort === port)
    expect(member).toBeDefined()
    const disconnected = waitForState(['disconnected'], (i) => i.connectionId === info.connectionId)
    const reconnected = waitForState(['reconnected'], (i) => i.connectionId === info.connectionId)
    await member?.stop()
    const gone = await disconnected
    expect(gone.expiresAt).toBeGreaterThan(Date.now() - 1_000)
    // While disconnected, reads fail fast instead of hanging.
    const during = await client.api.getChildren({ connectionId: info.connectionId, path: '/' }).catch((e: ZkError) => e)
    if (during instanceof ZkError) expect(['NOT_CONNECTED', 'CONNECTION_LOSS']).toContain(during.code)
    const back = await reconnected
    expect(back.sessionId).toBe(info.sessionId)
    expect(back.server).not.toBe(info.server)
    const children = await client.api.getChildren({ connectionId: info.connectionId, path: '/it' })
    expect(children.children).toContain('app')
    await member?.start()
    await client.api.disconnect({ connectionId: info.connectionId })
  })

  it('moves past a member that accepts connections but does not answer as ZooKeeper', async () => {
    const { createServer } = await import('node:net')
    const mute = createServer(() => undefined)
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', () => resolve()))
    const mutePort = (mute.address() as { port: number }).port
    const real = ensemble.members[0]?.address ?? ''
    const info = await client.api.connectAdHoc({ connectString: `127.0.0.1:${mutePort},${real}`, sessionTimeoutMs: 6_000 })
    expect(info.state).toBe('connected')
    expect(info.server).toBe(real)
    await client.api.disconnect({ connectionId: info.connectionId })
    mute.close()
  })

  it('gives up on a connect string where nothing listens, with a readable message', async () => {
    const info = await client.api.connectAdHoc({ connectString: '127.0.0.1:1', sessionTimeoutMs: 3_000 })
    expect(info.state).toBe('failed')
    expect(info.message).toMatch(/could not connect to 127\.0\.0\.1:1/)
    await client.api.disconnect({ connectionId: info.connectionId })
  })
})
