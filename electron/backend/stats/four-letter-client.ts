/**
 * One four-letter-word exchange: connect, send the 4 bytes, read until the
 * server closes (there is no length prefix and no terminator). Three timeouts,
 * because a frozen JVM still accepts connections through the kernel backlog
 * and then never answers (monitoring reference §6.2, §6.3). Bytes are decoded
 * only at the end so a UTF-8 character split across chunks survives.
 */
import net from 'node:net'
import tls from 'node:tls'
import { looksLikeTls } from '../../../shared/zk/four-letter'
import type { FailureKind, PollTimeouts } from '../../../shared/monitor/model'
import { systemClock, type Clock } from '../../../shared/util/clock'

export interface TlsSettings {
  caPem?: string
  certPem?: string
  keyPem?: string
  servername?: string
  rejectUnauthorized?: boolean
}

export interface FourLetterRequest {
  host: string
  port: number
  command: string
  /** Extra bytes after the word (`stmk` takes an 8-byte big-endian mask). */
  payload?: Uint8Array
  timeouts: PollTimeouts
  /** Answers above this are abandoned ("too large"). */
  maxBytes?: number
  tls?: TlsSettings | null
  signal?: AbortSignal
  clock?: Clock
}

export type ExchangeResult =
  | { ok: true; bytes: Buffer; durationMs: number }
  | { ok: false; failure: FailureKind; message: string; partial: Buffer; durationMs: number }

/** The poller's exchanges: real sockets in production, fakes in unit tests. */
export type FourLetterTransport = (request: FourLetterRequest) => Promise<ExchangeResult>

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024

function failureOf(error: NodeJS.ErrnoException): FailureKind {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused'
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset'
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return 'unreachable'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns'
    case 'ETIMEDOUT':
      return 'timeout-connect'
    default:
      return (error.code ?? '').startsWith('ERR_SSL') || /SSL|TLS|certificate/i.test(error.message) ? 'tls' : 'error'
  }
}

export const fourLetterExchange: FourLetterTransport = (req) =>
  new Promise((resolve) => {
    const clock = req.clock ?? systemClock
    const started = clock.now()
    const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES
    const chunks: Buffer[] = []
    let size = 0
    let connected = false
    let done = false
    const timers: unknown[] = []
    const after = (ms: number, fn: () => void) => timers.push(clock.setTimeout(fn, ms))

    const socket = req.tls
      ? tls.connect({
          host: req.host,
          port: req.port,
          ca: req.tls.caPem,
          cert: req.tls.certPem,
          key: req.tls.keyPem,
          servername: req.tls.servername ?? (net.isIP(req.host) ? undefined : req.host),
          rejectUnauthorized: req.tls.rejectUnauthorized ?? true,
        })
      : net.connect({ host: req.host, port: req.port })

    const finish = (result: ExchangeResult) => {
      if (done) return
      done = true
      for (const timer of timers) clock.clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
      resolve(result)
    }
    const fail = (failure: FailureKind, message: string) =>
      finish({ ok: false, failure, message, partial: Buffer.concat(chunks), durationMs: clock.now() - started })
    const onAbort = () => fail('aborted', 'cancelled')
    if (req.signal?.aborted) return fail('aborted', 'cancelled')
    req.signal?.addEventListener('abort', onAbort, { once: true })

    socket.setNoDelay(true)
    after(req.timeouts.connectMs, () => {
      if (!connected) fail('timeout-connect', `no connection within ${req.timeouts.connectMs} ms`)
    })
    after(req.timeouts.totalMs, () =>
      fail(
        size > 0 ? 'timeout-total' : connected ? 'timeout-first-byte' : 'timeout-connect',
        `no complete answer within ${req.timeouts.totalMs} ms`,
      ),
    )
    socket.once(req.tls ? 'secureConnect' : 'connect', () => {
      connected = true
      after(req.timeouts.firstByteMs, () => {
        if (size === 0) fail('timeout-first-byte', `connected, but no answer within ${req.timeouts.firstByteMs} ms`)
      })
      // Only the word, no half-close: the server closes first, and writing a FIN
      // after its close can raise EPIPE and destroy unread data.
      const word = Buffer.from(req.command, 'latin1')
      socket.write(req.payload ? Buffer.concat([word, req.payload]) : word)
    })
    socket.on('data', (chunk: Buffer) => {
      if (size === 0 && !req.tls && looksLikeTls(chunk)) {
        chunks.push(chunk)
        return fail('tls', 'the port answered with a TLS record')
      }
      size += chunk.length
      if (size > maxBytes) return fail('too-large', `answer larger than ${maxBytes} bytes`)
      chunks.push(chunk)
    })
    socket.on('end', () => {
      if (size === 0) fail('empty', 'closed without answering (0 bytes)')
      else finish({ ok: true, bytes: Buffer.concat(chunks), durationMs: clock.now() - started })
    })
    socket.on('error', (error: NodeJS.ErrnoException) => fail(failureOf(error), error.code ?? error.message))
    socket.on('close', () => {
      if (size === 0) fail('empty', 'closed without answering (0 bytes)')
      else finish({ ok: true, bytes: Buffer.concat(chunks), durationMs: clock.now() - started })
    })
  })
