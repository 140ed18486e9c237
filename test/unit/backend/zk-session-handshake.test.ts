/**
 * Ports that accept a connection but do not speak ZooKeeper (an HTTP server,
 * a TLS-only port, a hung process) must end in a clear failure, not an
 * endless silent retry. Loopback sockets only.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ZkSession } from '../../../electron/backend/connections/zk-session'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

function fakeServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer(onConnection)
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))
}

async function settle(port: number) {
  const session = new ZkSession({
    connectString: `127.0.0.1:${port}`,
    sessionTimeoutMs: 4_000,
    attemptTimeoutMs: 300,
    credentials: [],
    onState: () => undefined,
  })
  const result = await session.whenSettled()
  await session.close()
  return result
}

describe('ZkSession against servers that are not ZooKeeper', () => {
  it('gives up on an HTTP answer and says why', async () => {
    const port = await fakeServer((s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n'))
    const result = await settle(port)
    expect(result.state).toBe('failed')
    expect(result.message).toMatch(/no ZooKeeper handshake.*TLS-only port, or not ZooKeeper/)
  })

  it('gives up on a TLS alert and on silence', async () => {
    const tls = await fakeServer((s) => s.write(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])))
    expect((await settle(tls)).state).toBe('failed')
    const silent = await fakeServer(() => undefined)
    expect((await settle(silent)).message).toMatch(/no ZooKeeper handshake/)
  })

  it('says "refused" when nothing listens', async () => {
    const port = await fakeServer(() => undefined)
    servers.pop()?.close()
    await new Promise((r) => setTimeout(r, 50))
    const result = await settle(port)
    expect(result.state).toBe('failed')
    expect(result.message).toMatch(/connection refused or unreachable/)
  })
})
