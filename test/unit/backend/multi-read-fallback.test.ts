/**
 * A server older than 3.6 knows no multiRead: it answers UNIMPLEMENTED and
 * drops the connection (the session lives on). A loopback server that does
 * just that, and answers getChildren2, shows the search asks once, waits for
 * the library to connect again, and walks node by node.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ZkSession } from '../../../electron/backend/connections/zk-session'
import { searchSubtree } from '../../../electron/backend/tree/subtree-search'
import { frame, int, replyHeader, ustring } from '../../helpers/jute-bytes'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

const TREE: Record<string, string[]> = { '/': ['a', 'b'], '/a': ['c', 'd'], '/a/c': ['e'] }

/** An old server: requests it saw by op code, answers to handshakes, pings and getChildren2. */
function oldServer(seen: number[]): Promise<number> {
  const server = createServer((socket: Socket) => {
    let pending = Buffer.alloc(0)
    let connected = false
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk])
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const body = pending.subarray(4, 4 + pending.readInt32BE(0))
        pending = pending.subarray(4 + body.length)
        if (!connected) {
          connected = true
          // protocol version, timeout, session id, password.
          socket.write(frame(Buffer.concat([int(0), int(4_000), Buffer.alloc(8, 1), int(16), Buffer.alloc(16)])))
          continue
        }
        const xid = body.readInt32BE(0)
        const type = body.readInt32BE(4)
        seen.push(type)
        if (type === 11) socket.write(frame(replyHeader(-2, 0)))
        else if (type === 12) {
          const children = TREE[body.toString('utf8', 12, 12 + body.readInt32BE(8))] ?? []
          const stat = Buffer.alloc(68)
          stat.writeInt32BE(children.length, 56)
          socket.write(frame(Buffer.concat([replyHeader(xid, 0), int(children.length), ...children.map(ustring), stat])))
        } else {
          // What UnimplementedRequestProcessor does: answer UNIMPLEMENTED, then close the connection.
          socket.end(frame(replyHeader(xid, -6)))
          return
        }
      }
    })
  })
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))
}

describe('a server without multiRead', () => {
  it('gets one multiRead, then the search walks node by node and finds everything', async () => {
    const seen: number[] = []
    const port = await oldServer(seen)
    const session = new ZkSession({ connectString: `127.0.0.1:${port}`, sessionTimeoutMs: 4_000, credentials: [], onState: () => undefined })
    try {
      expect((await session.whenSettled()).state).toBe('connected')
      const params = { connectionId: 'c', maxDepth: 10, maxNodes: 100, maxResults: 100 }
      const paths: string[] = []
      const summary = await searchSubtree(
        session,
        { ...params, searchId: 's1', root: '/', path: { pattern: '/a/', mode: 'substring', caseSensitive: true } },
        (progress) => paths.push(...progress.matches.map((m) => m.path)),
      )
      expect(summary).toMatchObject({ visited: 6, unreadable: 0, matched: 3 })
      expect(paths.sort()).toEqual(['/a/c', '/a/c/e', '/a/d'])
      expect(session.batchesReads).toBe(false)
      // A second search on the session does not ask again.
      await searchSubtree(session, { ...params, searchId: 's2', root: '/a', path: { pattern: 'x', mode: 'substring', caseSensitive: true } }, () => undefined)
      expect(seen.filter((type) => type === 22)).toHaveLength(1)
      expect(seen.filter((type) => type === 12)).toHaveLength(6 + 4)
    } finally {
      await session.close()
    }
  })
})
