import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { socketTransport, startWsHost, type WsHost, type WsHostOptions } from '../../../electron/host/ws-host'
import { createClient } from '../../../shared/rpc/client'

import type { ZkError } from '../../../shared/protocol/errors'
import type { ZkEvents } from '../../../shared/protocol/api'
import { Emitter } from '../../../shared/util/emitter'
import { fakeHandlers, fakeStat, fakeEventSource } from '../../helpers/fake-api'




const INDEX_HTML = '<!doctype html><title>zk console test</title>'
const SECRET = 'top secret outside the static dir'

let root: string
let staticDir: string
const hosts: WsHost[] = []
const sockets: WebSocket[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zk-console-ws-host-'))
  staticDir = join(root, 'static')
  await mkdir(staticDir)
  await mkdir(join(root, 'static2'))
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML)
  await writeFile(join(staticDir, 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.txt'), SECRET)
  await writeFile(join(root, 'static2', 'secret.txt'), SECRET)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await Promise.all(hosts.splice(0).map((h) => h.close()))
})

async function start(options: Partial<WsHostOptions> = {}) {
  const emitter = new Emitter<ZkEvents>()
  const host = await startWsHost({
    handlers: fakeHandlers({
      getChildren: async ({ path }) => ({ path, children: ['a', 'b'], stat: fakeStat }),
    }),
    events: fakeEventSource(emitter),
    staticDir,
    ...options,
  })
  hosts.push(host)
  return { host, emitter }
}

function rpcUrl(host: WsHost, token: string | null, path = '/rpc'): string {
  const base = `ws://127.0.0.1:${host.port}${path}`
  return token === null ? base : `${base}?token=${encodeURIComponent(token)}`
}

/** Opens a socket; resolves with the open socket, or the HTTP status it was refused with. */
function open(url: string, origin?: string): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { headers: { Origin: origin } })
    sockets.push(socket)
    socket.on('open', () => resolve({ status: 101, socket }))
    socket.on('unexpected-response', (req, res) => {
      resolve({ status: res.statusCode ?? 0 })
      req.destroy()
    })
    socket.on('error', (error) => reject(error))
  })
}

function httpGet(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, timeout: 3000 }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer for ${method} ${path}`)))
    req.on('error', reject)
    req.end()
  })
}

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.setTimeout(1000)
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('error', () => resolve(false))
  })
}

describe('startWsHost', () => {
  it('binds 127.0.0.1 by default and says so in its URLs', async () => {
    const { host } = await start()
    expect(host.url).toBe(`ws://127.0.0.1:${host.port}/rpc`)
    expect(host.pageUrl).toBe(`http://127.0.0.1:${host.port}/?token=${encodeURIComponent(host.token)}`)
    expect(host.port).toBeGreaterThan(0)
    expect(await tcpConnects('127.0.0.1', host.port)).toBe(true)
    if (process.platform === 'linux') {
      // 127.0.0.2 is loopback too, but only a wildcard bind would accept it.
      expect(await tcpConnects('127.0.0.2', host.port)).toBe(false)
    }
  })

  it('makes a long random token unless one is given', async () => {
    const a = await start()
    const b = await start()
    expect(a.host.token.length).toBeGreaterThanOrEqual(24)
    expect(a.host.token).not.toBe(b.host.token)
    const c = await start({ token: 'given-token-123' })
    expect(c.host.token).toBe('given-token-123')
  })

  it('refuses a socket without a token or with a wrong one (401)', async () => {
    const { host } = await start()
    expect((await open(rpcUrl(host, null))).status).toBe(401)
    expect((await open(rpcUrl(host, 'wrong'))).status).toBe(401)
    expect((await open(rpcUrl(host, `${host.token}x`))).status).toBe(401)
    expect((await open(rpcUrl(host, host.token.slice(0, -1)))).status).toBe(401)
    expect((await open(rpcUrl(host, null), `http://127.0.0.1:${host.port}`)).status).toBe(401)
  })

  it('refuses a foreign Origin even with the right token (403)', async () => {
    const { host } = await start()
    for (const origin of [
      'http://evil.example',
      'https://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1.evil.example:${host.port}`,
    ]) {
      expect((await open(rpcUrl(host, host.token), origin)).status, origin).toBe(403)
    }
  })

  it('accepts the same-origin page and clients without an Origin, and a call round-trips', async () => {
    const { host } = await start()
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`, undefined]) {
      const { status, socket } = await open(rpcUrl(host, host.token), origin)
      expect(status, String(origin)).toBe(101)
      if (!socket) throw new Error('expected an open socket')
      const client = createClient(socketTransport(socket))
      const result = await client.api.getChildren({ connectionId: 'c1', path: '/x' })
      expect(result).toEqual({ path: '/x', children: ['a', 'b'], stat: fakeStat })
      const invalid = await client.api.getChildren({ connectionId: 'c1', path: 'relative' }).catch((e: unknown) => e)
      expect((invalid as ZkError).code).toBe('INVALID_PARAMS')
      client.dispose()
    }
  })

  it('accepts extra Origins only when configured', async () => {
    const dev = 'http://localhost:5173'
    const plain = await start()
    expect((await open(rpcUrl(plain.host, plain.host.token), dev)).status).toBe(403)
    const withDev = await start({ extraOrigins: [dev] })
    expect((await open(rpcUrl(withDev.host, withDev.host.token), dev)).status).toBe(101)
  })

  it('forwards backend events to connected sockets', async () => {
    const { host, emitter } = await start()
    const { socket } = await open(rpcUrl(host, host.token))
    if (!socket) throw new Error('expected an open socket')
    const client = createClient(socketTransport(socket))
    const seen = new Promise<string>((resolve) => client.on('sandbox.state', (info) => resolve(info.state)))
    emitter.emit('sandbox.state', { state: 'running', members: [], credentials: [] })
    expect(await seen).toBe('running')
  })

  it('refuses upgrades on any path but /rpc (404)', async () => {
    const { host } = await start()
    expect((await open(rpcUrl(host, host.token, '/other'))).status).toBe(404)
    expect((await open(rpcUrl(host, host.token, '/rpc/extra'))).status).toBe(404)
    expect((await open(rpcUrl(host, host.token, '/'))).status).toBe(404)
  })

  it('serves index.html at / and other static files', async () => {
    const { host } = await start()
    const page = await httpGet(host.port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)
    expect(page.type).toContain('text/html')
    const tokenPage = await httpGet(host.port, `/?token=${host.token}`)
    expect(tokenPage.body).toBe(INDEX_HTML)
    const script = await httpGet(host.port, '/app.js')
    expect(script.status).toBe(200)
    expect(script.type).toContain('javascript')
    expect((await httpGet(host.port, '/missing.js')).status).toBe(404)
    expect((await httpGet(host.port, '/', 'POST')).status).toBe(405)
  })

  it('never serves files outside the static folder', async () => {
    const { host } = await start()
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5csecret.txt',
      '/..%2fstatic2%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
    ]) {
      const response = await httpGet(host.port, path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.body, path).not.toContain(SECRET)
    }
  })

  it('answers a malformed percent-encoding with an error status instead of hanging', async () => {
    const { host } = await start()
    const response = await httpGet(host.port, '/%E0%A4%A')
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  it('serves nothing over HTTP without a static folder', async () => {
    const { host } = await start({ staticDir: undefined })
    expect((await httpGet(host.port, '/')).status).toBe(404)
  })

  it('close() ends open sockets and stops listening', async () => {
    const { host } = await start()
    const { socket } = await open(rpcUrl(host, host.token))
    if (!socket) throw new Error('expected an open socket')
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    const port = host.port
    await hosts.splice(hosts.indexOf(host), 1)[0]?.close()
    await closed
    expect(socket.readyState).toBe(WebSocket.CLOSED)
    expect(await tcpConnects('127.0.0.1', port)).toBe(false)
  })

  it('close() does not wait for idle keep-alive HTTP connections', async () => {
    const { host } = await start()
    const idle = connect({ host: '127.0.0.1', port: host.port })
    await new Promise<void>((resolve) => idle.on('connect', () => resolve()))
    const ended = new Promise<void>((resolve) => idle.on('close', () => resolve()))
    const started = Date.now()
    await hosts.splice(hosts.indexOf(host), 1)[0]?.close()
    await ended
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
