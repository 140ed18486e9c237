/**
 * Serves the backend over a WebSocket (web mode and the UI tests), and the
 * built renderer over HTTP on the same port. Binds 127.0.0.1 unless told
 * otherwise; every socket must present the token; browsers from a foreign
 * Origin are refused, so another web page cannot drive the console.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { serve, type ApiHandlers, type EventSource } from '../../shared/rpc/server'
import type { Transport } from '../../shared/rpc/transport'
import { toDisposable } from '../../shared/util/disposable'
import { staticFileHandler } from './static-files'

export interface WsHostOptions {
  handlers: ApiHandlers
  events: EventSource
  host?: string
  port?: number
  token?: string
  /** The built renderer to serve; without it only the WebSocket is served. */
  staticDir?: string
  /** Further Origins allowed to open sockets (for example a dev server). */
  extraOrigins?: string[]
}

export interface WsHost {
  readonly url: string
  readonly port: number
  readonly token: string
  /** The page URL with the token, for a browser. */
  readonly pageUrl: string
  close(): Promise<void>
}

/** 16 MiB: a 1 MiB znode in base64 plus overhead fits many times over. */
const MAX_PAYLOAD = 16 * 1024 * 1024

export function socketTransport(socket: WebSocket): Transport {
  return {
    send: (message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
    },
    onMessage: (listener) => {
      const handler = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return
        try {
          listener(JSON.parse(data.toString('utf8')) as unknown)
        } catch {
          // Not JSON: nothing a client of ours sends; ignored.
        }
      }
      socket.on('message', handler)
      return toDisposable(() => socket.off('message', handler))
    },
    onClose: (listener) => {
      socket.on('close', listener)
      return toDisposable(() => socket.off('close', listener))
    },
  }
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function startWsHost(options: WsHostOptions): Promise<WsHost> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? randomBytes(24).toString('base64url')
  const files = options.staticDir ? staticFileHandler(options.staticDir) : null
  const server: Server = createServer((req, res) => {
    if (!files) {
      res.writeHead(404).end()
      return
    }
    // A failure serving one file must answer that request, never take the host down.
    files(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD })
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host.includes(':') ? `[${host}]` : host
  const allowedOrigins = new Set([
    `http://127.0.0.1:${port}`,
    `http://localhost:${port}`,
    `http://[::1]:${port}`,
    `http://${shownHost}:${port}`,
    ...(options.extraOrigins ?? []),
  ])

  const refuse = (socket: Socket, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname !== '/rpc') return refuse(socket, '404 Not Found')
    const origin = req.headers.origin
    // Browsers always send Origin; a foreign one means another site's page.
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(socket, '403 Forbidden')
    if (!sameToken(url.searchParams.get('token'), token)) return refuse(socket, '401 Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => {
      serve(options.handlers, socketTransport(ws), options.events)
    })
  })

  const base = `http://${shownHost}:${port}`
  return {
    url: `ws://${shownHost}:${port}/rpc`,
    port,
    token,
    pageUrl: `${base}/?token=${encodeURIComponent(token)}`,
    close: async () => {
      for (const client of wss.clients) client.terminate()
      wss.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
