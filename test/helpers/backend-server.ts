/**
 * Starts the real backend behind the real ws-host on a free port, with its
 * own temporary config directory, for integration and UI tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import { ZkBackend, type ZkBackendOptions } from '../../electron/backend/zk-backend'
import { startWsHost } from '../../electron/host/ws-host'
import { socketTransport } from '../../electron/host/ws-host'
import { createClient, type RpcClient } from '../../shared/rpc/client'

export const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

export interface BackendServer {
  backend: ZkBackend
  url: string
  token: string
  port: number
  pageUrl: string
  configDir: string
  /** A client connected over a real WebSocket, as the browser would be. */
  connectClient(): Promise<RpcClient>
  dispose(): Promise<void>
}

export async function startBackendServer(
  options: Partial<Pick<ZkBackendOptions, 'createSandbox' | 'secrets' | 'pickFile'>> & {
    startup?: { connect?: string; sandbox: boolean }
    /** 'desktop' lets the backend read and write files itself, as the Electron app does. */
    host?: 'desktop' | 'web'
    serveRenderer?: boolean
  } = {},
): Promise<BackendServer> {
  const configDir = mkdtempSync(join(tmpdir(), 'zk-console-test-config-'))
  const backend = new ZkBackend({
    configDir,
    secrets: options.secrets ?? null,
    appInfo: {
      version: 'test',
      host: options.host ?? 'web',
      startup: options.startup ?? { sandbox: false },
      secureStorage: false,
      platform: process.platform,
    },
    ...(options.createSandbox ? { createSandbox: options.createSandbox } : {}),
    ...(options.pickFile ? { pickFile: options.pickFile } : {}),
  })
  const host = await startWsHost({
    handlers: backend.handlers,
    events: backend.events,
    ...(options.serveRenderer === false ? {} : { staticDir: rendererDir }),
  })
  const clients: RpcClient[] = []
  const sockets: WebSocket[] = []
  return {
    backend,
    url: host.url,
    token: host.token,
    port: host.port,
    pageUrl: host.pageUrl,
    configDir,
    async connectClient() {
      const socket = new WebSocket(`${host.url}?token=${encodeURIComponent(host.token)}`)
      await new Promise<void>((ok, fail) => {
        socket.once('open', () => ok())
        socket.once('error', fail)
      })
      sockets.push(socket)
      const client = createClient(socketTransport(socket))
      clients.push(client)
      return client
    },
    async dispose() {
      for (const client of clients) client.dispose()
      for (const socket of sockets) socket.terminate()
      await host.close()
      await backend.dispose()
      rmSync(configDir, { recursive: true, force: true })
    },
  }
}
