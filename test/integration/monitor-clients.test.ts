/**
 * The four-letter and AdminServer clients on real sockets: against small
 * loopback servers that misbehave on purpose, and against a real standalone
 * ZooKeeper with only `srvr` whitelisted.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminRequest } from '../../electron/backend/stats/admin-client'
import { fourLetterExchange, type FourLetterRequest } from '../../electron/backend/stats/four-letter-client'
import { classifyAnswer, parseSrvr } from '../../shared/zk/four-letter'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'

const timeouts = { connectMs: 1_000, firstByteMs: 500, totalMs: 1_500 }

async function tcpServer(onConnection: (socket: net.Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    onConnection(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

function ask(port: number, over: Partial<FourLetterRequest> = {}) {
  return fourLetterExchange({ host: '127.0.0.1', port, command: 'srvr', timeouts, ...over })
}

describe('four-letter client on loopback sockets', () => {
  it('reads split answers to EOF and decodes UTF-8 only at the end', async () => {
    const text = 'Zookeeper version: 3.8.0-ü, built on x\n'
    const bytes = Buffer.from(text)
    const server = await tcpServer((socket) => {
      socket.once('data', () => {
        // Split inside the two-byte "ü".
        const cut = bytes.indexOf(0xc3) + 1
        socket.write(bytes.subarray(0, cut))
        setTimeout(() => socket.end(bytes.subarray(cut)), 50)
      })
    })
    const result = await ask(server.port)
    await server.close()
    expect(result.ok && result.bytes.toString('utf8')).toBe(text)
  })

  it('sends exactly the 4 bytes of the word (plus the stmk payload)', async () => {
    let received = Buffer.alloc(0)
    const server = await tcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        if (received.length >= 12) socket.end('306')
      })
    })
    const result = await ask(server.port, { command: 'stmk', payload: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 50]) })
    await server.close()
    expect(result.ok).toBe(true)
    expect([...received]).toEqual([...Buffer.from('stmk'), 0, 0, 0, 0, 0, 0, 1, 50])
  })

  it('tells refused, empty close, reset, hung, TLS-looking and too-large apart', async () => {
    const closed = await tcpServer(() => undefined)
    const freePort = closed.port
    await closed.close()
    expect(await ask(freePort)).toMatchObject({ ok: false, failure: 'refused' })

    const empty = await tcpServer((socket) => socket.end())
    expect(await ask(empty.port)).toMatchObject({ ok: false, failure: 'empty' })
    await empty.close()

    const reset = await tcpServer((socket) => socket.once('data', () => {
      socket.write('Zookeeper version: 3.8.0\n')
      setTimeout(() => socket.resetAndDestroy(), 20)
    }))
    const r = await ask(reset.port)
    expect(r).toMatchObject({ ok: false, failure: 'reset' })
    expect(!r.ok && r.partial.toString()).toContain('Zookeeper version')
    await reset.close()

    // A frozen JVM: the kernel accepts, nobody answers.
    const hung = await tcpServer(() => undefined)
    const started = Date.now()
    expect(await ask(hung.port)).toMatchObject({ ok: false, failure: 'timeout-first-byte' })
    expect(Date.now() - started).toBeLessThan(1_400)
    await hung.close()

    const tls = await tcpServer((socket) => socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]))))
    expect(await ask(tls.port)).toMatchObject({ ok: false, failure: 'tls' })
    await tls.close()

    const big = await tcpServer((socket) => socket.once('data', () => socket.end(Buffer.alloc(64 * 1024, 'x'))))
    expect(await ask(big.port, { maxBytes: 1024 })).toMatchObject({ ok: false, failure: 'too-large' })
    await big.close()
  })

  it('a slow trickle hits the total timeout', async () => {
    const slow = await tcpServer((socket) => {
      const timer = setInterval(() => socket.write('.'), 100)
      socket.on('close', () => clearInterval(timer))
    })
    expect(await ask(slow.port)).toMatchObject({ ok: false, failure: 'timeout-total' })
    await slow.close()
  })
})

describe('four-letter words inside TLS (secureClientPort)', () => {
  // A self-signed certificate made for this test; the server asks for the client's (ssl.clientAuth=need).
  const dir = mkdtempSync(path.join(tmpdir(), 'zk-tls-test-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' })
  const key = readFileSync(`${dir}/key.pem`, 'utf8')
  const cert = readFileSync(`${dir}/cert.pem`, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  let server: tls.Server
  let port = 0
  beforeAll(async () => {
    server = tls.createServer({ key, cert, ca: cert, requestCert: true, rejectUnauthorized: true }, (socket) => {
      socket.once('data', (word: Buffer) => socket.end(word.toString() === 'ruok' ? 'imok' : ''))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as net.AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('works with a client certificate', async () => {
    const result = await ask(port, { command: 'ruok', tls: { caPem: cert, certPem: cert, keyPem: key, servername: 'localhost' } })
    expect(result.ok && result.bytes.toString()).toBe('imok')
  })

  it('without one, fails as TLS (the server wants a client certificate)', async () => {
    const result = await ask(port, { command: 'ruok', tls: { caPem: cert, servername: 'localhost' } })
    expect(result.ok).toBe(false)
    // Depending on when the server's alert arrives: a TLS error, or the connection just goes away.
    if (!result.ok) expect(['tls', 'reset', 'empty']).toContain(result.failure)
  })

  it('plaintext to the TLS port gets no 4lw answer', async () => {
    const result = await ask(port, { command: 'ruok' })
    expect(result.ok).toBe(false)
  })
})

describe('AdminServer client on a loopback HTTP server', () => {
  let server: http.Server
  let port = 0
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/commands/connections') {
        res.setHeader('content-type', 'application/json')
        res.end('{"connections":[{"session_id":72057625259343872}],"secure_connections":[],"command":"connections","error":null}')
      } else if (req.url === '/commands/monitor') {
        res.statusCode = 500
        res.end('<html><body><h2>HTTP ERROR 500 java.lang.NullPointerException</h2></body></html>')
      } else if (req.url === '/commands/slow') {
        setTimeout(() => res.end('{}'), 2_000)
      } else {
        res.end('{"command":"x","error":"Unknown command: x"}')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as net.AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const get = (command: string, agent?: http.Agent) => adminRequest({ host: '127.0.0.1', port, scheme: 'http', command, timeouts, agent })

  it('parses 64-bit integers without loss', async () => {
    const result = await get('connections')
    expect(result.ok).toBe(true)
    if (result.ok) expect(JSON.stringify(result.json, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toContain('72057625259343872n')
  })

  it('reports HTTP 500 HTML pages, logical errors and slow answers', async () => {
    expect(await get('monitor')).toMatchObject({ ok: false, failure: 'http-error', status: 500 })
    expect(await get('whatever')).toMatchObject({ ok: true })
    expect(await get('slow')).toMatchObject({ ok: false, failure: 'timeout-first-byte' })
  })

  it('reuses one kept-alive socket across calls', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    let sockets = 0
    const count = () => {
      sockets += 1
    }
    server.on('connection', count)
    await get('connections', agent)
    await get('connections', agent)
    await get('connections', agent)
    server.off('connection', count)
    agent.destroy()
    expect(sockets).toBe(1)
  })
})

describe('against a real standalone ZooKeeper with only srvr whitelisted', () => {
  let zk: TestEnsemble
  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, fourLetterWhitelist: 'srvr' })
  })
  afterAll(() => zk.stop())

  it('srvr answers, mntr is "not whitelisted", an unknown word gets a silent close', async () => {
    const port = zk.member(1).clientPort
    const srvr = await ask(port, { timeouts: { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 } })
    expect(srvr.ok && parseSrvr(srvr.bytes.toString())?.mode).toBe('standalone')
    const mntr = await ask(port, { command: 'mntr', timeouts: { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 } })
    expect(mntr.ok && classifyAnswer(mntr.bytes.toString())).toEqual({ kind: 'not-whitelisted', command: 'mntr' })
    expect(await ask(port, { command: 'RUOK', timeouts: { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 } })).toMatchObject({ ok: false, failure: 'empty' })
  })

  it('the AdminServer is not subject to the whitelist', async () => {
    const result = await adminRequest({ host: '127.0.0.1', port: zk.member(1).adminPort, scheme: 'http', command: 'monitor', timeouts: { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 } })
    expect(result.ok).toBe(true)
    if (result.ok) expect((result.json as { server_state?: string }).server_state).toBe('standalone')
  })
})
