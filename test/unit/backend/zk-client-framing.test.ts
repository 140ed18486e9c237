/**
 * The patched client library reads many answers from one chunk of socket
 * data, and answers split across chunks at any byte. A loopback server that
 * speaks just enough of the protocol answers a burst of getChildren requests
 * and delivers the answers cut into pieces of awkward sizes.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ZkSession } from '../../../electron/backend/connections/zk-session'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

function frame(body: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeInt32BE(body.length)
  return Buffer.concat([length, body])
}

function int(value: number): Buffer {
  const buffer = Buffer.alloc(4)
  buffer.writeInt32BE(value)
  return buffer
}

function ustring(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8')
  return Buffer.concat([int(bytes.length), bytes])
}

/** getChildren2's answer: the children `<name>-0 … <name>-<n-1>` (n from the name's length) and a Stat. */
function childrenAnswer(xid: number, path: string): Buffer {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const children = Array.from({ length: name.length % 4 }, (_, i) => `${name}-${i}`)
  const stat = Buffer.alloc(68)
  stat.writeBigInt64BE(BigInt(0x100000000 + xid), 0) // czxid
  stat.writeInt32BE(children.length, 56) // numChildren
  const header = Buffer.alloc(16)
  header.writeInt32BE(xid, 0)
  return frame(Buffer.concat([header, int(children.length), ...children.map(ustring), stat]))
}

/** The server's answer to a connect request: a 4 s session with id 0x1234 and a 16-byte password. */
function handshakeAnswer(): Buffer {
  const session = Buffer.alloc(4 + 4 + 8 + 4 + 16)
  session.writeInt32BE(4_000, 4)
  session.writeBigInt64BE(0x1234n, 8)
  session.writeInt32BE(16, 16)
  return frame(session)
}

interface Request {
  xid: number
  type: number
  /** The requested path (getChildren2 and its like: right after xid and type). */
  path: () => string
}

/**
 * Reads a client's frames as they arrive, whole or split across chunks:
 * answers the handshake, then hands on each chunk's requests as one burst.
 */
function onRequests(socket: Socket, handle: (burst: Request[]) => void): void {
  let pending = Buffer.alloc(0)
  let handshaken = false
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk])
    const burst: Request[] = []
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const body = pending.subarray(4, 4 + pending.readInt32BE(0))
      pending = pending.subarray(4 + body.length)
      if (!handshaken) {
        handshaken = true
        socket.write(handshakeAnswer())
        continue
      }
      burst.push({ xid: body.readInt32BE(0), type: body.readInt32BE(4), path: () => body.toString('utf8', 12, 12 + body.readInt32BE(8)) })
    }
    if (burst.length > 0) handle(burst)
  })
}

function listen(server: Server): Promise<number> {
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))
}

/** Answers the handshake, then every burst of requests in pieces of 1, 2, 3, … 13 bytes. */
function choppingServer(): Promise<number> {
  const server = createServer((socket: Socket) =>
    onRequests(socket, (burst) => {
      const answers = burst.map((r) => (r.type === 11 ? frame(Buffer.concat([int(-2), Buffer.alloc(8), int(0)])) : r.type === 12 ? childrenAnswer(r.xid, r.path()) : Buffer.alloc(0)))
      const all = Buffer.concat(answers)
      for (let at = 0, size = 1; at < all.length; at += size, size = (size % 13) + 1) socket.write(all.subarray(at, at + size))
    }),
  )
  return listen(server)
}

/** Handshakes every connection; the first connection dies after sending 6 bytes of its first answer. */
function serverThatDiesMidAnswer(): Promise<number> {
  let connections = 0
  const server = createServer((socket: Socket) => {
    const first = connections++ === 0
    onRequests(socket, (burst) => {
      for (const r of burst) {
        if (r.type !== 12 || socket.writableEnded) continue
        const answer = childrenAnswer(r.xid, r.path())
        if (first) socket.end(answer.subarray(0, 6))
        else socket.write(answer)
      }
    })
  })
  return listen(server)
}

describe('client library framing', () => {
  it('forgets a partial answer when its connection drops, so the next connection reads cleanly', async () => {
    const port = await serverThatDiesMidAnswer()
    const states: string[] = []
    const session = new ZkSession({ connectString: `127.0.0.1:${port}`, sessionTimeoutMs: 4_000, credentials: [], onState: (s) => states.push(s.state) })
    try {
      expect((await session.whenSettled()).state).toBe('connected')
      // The first connection dies mid-answer: that read fails as a lost connection.
      await expect(session.getChildren('/abc')).rejects.toMatchObject({ code: 'CONNECTION_LOSS' })
      // The library reconnects; leftover bytes would corrupt the handshake and this read.
      const deadline = Date.now() + 5_000
      while (!states.includes('reconnected') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(states).toContain('reconnected')
      expect((await session.getChildren('/abc')).children).toEqual(['abc-0', 'abc-1', 'abc-2'])
    } finally {
      await session.close()
    }
  })

  it('reads every answer of a burst, whatever pieces they arrive in', async () => {
    const port = await choppingServer()
    const session = new ZkSession({ connectString: `127.0.0.1:${port}`, sessionTimeoutMs: 4_000, credentials: [], onState: () => undefined })
    try {
      expect((await session.whenSettled()).state).toBe('connected')
      const names = Array.from({ length: 300 }, (_, i) => `node${'x'.repeat(i % 7)}${i}`)
      const listings = await Promise.all(names.map((name) => session.getChildren(`/${name}`)))
      listings.forEach((listing, i) => {
        const name = names[i] ?? ''
        expect(listing.children).toEqual(Array.from({ length: name.length % 4 }, (_, k) => `${name}-${k}`))
        expect(listing.stat.numChildren).toBe(name.length % 4)
        expect(listing.stat.czxid).toMatch(/^0x1[0-9a-f]{8}$/)
      })
      // A second burst on the same connection, after the first was fully read.
      const again = await session.getChildren('/abc')
      expect(again.children).toEqual(['abc-0', 'abc-1', 'abc-2'])
    } finally {
      await session.close()
    }
  })
})
