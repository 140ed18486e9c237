/**
 * A server that completes the handshake and then never answers: every
 * request must end in TIMEOUT after requestTimeoutMs, and the session must
 * still take new requests. Loopback sockets only.
 */
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ZkSession } from '../../../electron/backend/connections/zk-session'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** Answers the connect request with a session, then swallows everything. */
function silentAfterHandshake(): Promise<number> {
  const server = createServer((socket) => {
    let answered = false
    socket.on('data', () => {
      if (answered) return
      answered = true
      const body = Buffer.alloc(4 + 4 + 8 + 4 + 16)
      body.writeInt32BE(0, 0) // protocol version
      body.writeInt32BE(4_000, 4) // negotiated session timeout
      body.writeBigInt64BE(0x1234n, 8) // session id
      body.writeInt32BE(16, 16) // password length, then 16 zero bytes
      const length = Buffer.alloc(4)
      length.writeInt32BE(body.length)
      socket.write(Buffer.concat([length, body]))
    })
  })
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))
}

describe('ZkSession request timeouts', () => {
  it('fails every unanswered request with TIMEOUT and keeps taking requests', async () => {
    const port = await silentAfterHandshake()
    const session = new ZkSession({
      connectString: `127.0.0.1:${port}`,
      sessionTimeoutMs: 4_000,
      requestTimeoutMs: 150,
      credentials: [],
      onState: () => undefined,
    })
    try {
      expect((await session.whenSettled()).state).toBe('connected')
      const first = await Promise.allSettled([session.getChildren('/a'), session.getData('/b'), session.exists('/c')])
      for (const outcome of first) {
        expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'TIMEOUT' } })
      }
      await expect(session.getChildren('/later')).rejects.toMatchObject({ code: 'TIMEOUT', path: '/later' })
    } finally {
      await session.close()
    }
  })
})
