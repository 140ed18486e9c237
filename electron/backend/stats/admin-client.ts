/**
 * One AdminServer call: `GET /commands/<name>` with connect, first-byte and
 * total timeouts. HTTP 200 also carries logical errors (read the `error`
 * field); HTTP 500 with an HTML page is what `monitor` answers while there is
 * no server object. Bodies go through lossless-json: session ids and zxids
 * exceed 2^53.
 */
import http from 'node:http'
import https from 'node:https'
import { parseAdminJson, type AdminJson } from '../../../shared/zk/four-letter'
import type { AdminEndpoint, AdminVerify, FailureKind, PollTimeouts } from '../../../shared/monitor/model'
import { systemClock, type Clock } from '../../../shared/util/clock'

export interface AdminRequest {
  host: string
  port: number
  scheme: 'http' | 'https'
  command: string
  query?: Record<string, string>
  timeouts: PollTimeouts
  /** A keep-alive agent owned by the member's poller, so rounds reuse one socket. */
  agent?: http.Agent
  /** https only: a CA to check the certificate against, or no check (the user's explicit choice). */
  verify?: AdminVerify
  maxBytes?: number
  signal?: AbortSignal
  clock?: Clock
}

export type AdminResult =
  | { ok: true; status: number; json: AdminJson; text: string; durationMs: number }
  | { ok: false; failure: FailureKind; status: number | null; message: string; text: string; durationMs: number }

export type AdminTransport = (request: AdminRequest) => Promise<AdminResult>

/** A member's AdminServer port known without asking the member (the sandbox knows its own), or null. */
export type KnownAdminPort = (host: string, clientPort: number) => number | null

/** Where and how to reach a member's AdminServer, as a request takes it. */
export function adminTarget(admin: Omit<AdminEndpoint, 'origin'>): Pick<AdminRequest, 'host' | 'port' | 'scheme' | 'verify'> {
  return { host: admin.host, port: admin.port, scheme: admin.scheme, ...(admin.scheme === 'https' && admin.verify ? { verify: admin.verify } : {}) }
}

/** TLS options of an https request: with a CA, only that CA is trusted (not the system's as well). */
function tlsOptions(verify: AdminVerify | undefined): https.RequestOptions {
  if (!verify) return {}
  return 'caPem' in verify ? { ca: verify.caPem } : { rejectUnauthorized: false }
}

export function adminUrl(req: Pick<AdminRequest, 'host' | 'port' | 'scheme' | 'command' | 'query'>): string {
  const host = req.host.includes(':') ? `[${req.host}]` : req.host
  const query = req.query && Object.keys(req.query).length > 0 ? `?${new URLSearchParams(req.query).toString()}` : ''
  return `${req.scheme}://${host}:${req.port}/commands/${encodeURIComponent(req.command)}${query}`
}

function failureOf(error: NodeJS.ErrnoException): FailureKind {
  const code = error.code ?? ''
  if (code === 'ECONNREFUSED') return 'refused'
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset'
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'unreachable'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns'
  if (code.startsWith('HPE_')) return 'bad-response'
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|certificate/i.test(error.message)) return 'tls'
  return 'error'
}

export const adminRequest: AdminTransport = (req) =>
  new Promise((resolve) => {
    const clock = req.clock ?? systemClock
    const started = clock.now()
    const maxBytes = req.maxBytes ?? 16 * 1024 * 1024
    const timers: unknown[] = []
    const chunks: Buffer[] = []
    let size = 0
    let status: number | null = null
    let done = false
    const lib = req.scheme === 'https' ? https : http
    const request = lib.request(adminUrl(req), {
      method: 'GET',
      agent: req.agent,
      headers: { accept: 'application/json' },
      ...(req.scheme === 'https' ? tlsOptions(req.verify) : {}),
    })
    const text = () => Buffer.concat(chunks).toString('utf8')
    const finish = (result: AdminResult) => {
      if (done) return
      done = true
      for (const timer of timers) clock.clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
      resolve(result)
    }
    const fail = (failure: FailureKind, message: string) => {
      finish({ ok: false, failure, status, message, text: text(), durationMs: clock.now() - started })
      request.destroy()
    }
    const onAbort = () => fail('aborted', 'cancelled')
    if (req.signal?.aborted) return fail('aborted', 'cancelled')
    req.signal?.addEventListener('abort', onAbort, { once: true })

    let connected = false
    const startFirstByte = () => {
      connected = true
      timers.push(
        clock.setTimeout(() => {
          if (status === null) fail('timeout-first-byte', `connected, but no answer within ${req.timeouts.firstByteMs} ms`)
        }, req.timeouts.firstByteMs),
      )
    }
    timers.push(
      clock.setTimeout(() => {
        if (!connected) fail('timeout-connect', `no connection within ${req.timeouts.connectMs} ms`)
      }, req.timeouts.connectMs),
    )
    timers.push(
      clock.setTimeout(
        () => fail(status !== null ? 'timeout-total' : connected ? 'timeout-first-byte' : 'timeout-connect', `no complete answer within ${req.timeouts.totalMs} ms`),
        req.timeouts.totalMs,
      ),
    )
    request.on('socket', (socket) => {
      // A kept-alive socket is already connected.
      if (socket.connecting) socket.once(req.scheme === 'https' ? 'secureConnect' : 'connect', startFirstByte)
      else startFirstByte()
    })
    request.on('response', (response) => {
      status = response.statusCode ?? 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) fail('too-large', `answer larger than ${maxBytes} bytes`)
        else chunks.push(chunk)
      })
      response.on('end', () => {
        const body = text()
        const durationMs = clock.now() - started
        if (status !== 200) return finish({ ok: false, failure: 'http-error', status, message: `HTTP ${status}`, text: body, durationMs })
        try {
          finish({ ok: true, status: 200, json: parseAdminJson(body), text: body, durationMs })
        } catch (error) {
          finish({ ok: false, failure: 'bad-response', status, message: `not JSON: ${(error as Error).message}`, text: body, durationMs })
        }
      })
      response.on('error', (error: NodeJS.ErrnoException) => fail(failureOf(error), error.code ?? error.message))
    })
    request.on('error', (error: NodeJS.ErrnoException) => fail(failureOf(error), error.code ?? error.message))
    request.end()
  })
