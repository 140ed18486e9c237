/**
 * The four-letter-word console: runs any word (or AdminServer command) once
 * and returns the raw answer. Words that change the server (srst, crst, stmk
 * and their twins) run only with an explicit `confirm: true`: they wipe the
 * counters every other monitoring tool relies on.
 */
import type { FourLetterAnswer, FourLetterOutcome, RunFourLetterParams } from '../../../shared/protocol/monitor-api'
import { ZkError } from '../../../shared/protocol/errors'
import type { AdminEndpoint, FailureKind } from '../../../shared/monitor/model'
import { describeFailure } from '../../../shared/monitor/failures'
import { classifyAnswer, isMutatingAdminCommand, isMutatingWord, adminError, isNotServingMessage } from '../../../shared/zk/four-letter'
import { formatHostPort } from '../../../shared/zk/connect-string'
import type { Clock } from '../../../shared/util/clock'
import { adminTarget, adminUrl, type AdminTransport } from './admin-client'
import type { FourLetterTransport, TlsSettings } from './four-letter-client'

export interface WordTarget {
  host: string
  port: number
  tls: TlsSettings | null
  admin: Omit<AdminEndpoint, 'origin'> | null
}

function outcomeOf(failure: FailureKind): FourLetterOutcome {
  if (failure === 'refused' || failure === 'reset' || failure === 'tls' || failure === 'too-large' || failure === 'empty' || failure === 'http-error') return failure
  if (failure.startsWith('timeout')) return 'timeout'
  return 'error'
}

/** `stmk` takes its mask as 8 big-endian bytes after the word. */
function maskBytes(mask: string): Uint8Array {
  const bytes = new Uint8Array(8)
  let value = BigInt.asUintN(64, BigInt(mask))
  for (let i = 7; i >= 0; i -= 1) {
    bytes[i] = Number(value & 0xffn)
    value >>= 8n
  }
  return bytes
}

export async function runWord(
  params: RunFourLetterParams,
  target: WordTarget,
  deps: { fourLetter: FourLetterTransport; admin: AdminTransport; clock: Clock },
): Promise<FourLetterAnswer> {
  const via = params.via ?? 'four-letter'
  const mutating = via === 'admin' ? isMutatingAdminCommand(params.command) : isMutatingWord(params.command)
  if (mutating && params.confirm !== true) {
    throw new ZkError('INVALID_PARAMS', `"${params.command}" changes the server and resets counters other tools rely on: confirm it first`)
  }
  const total = params.timeoutMs ?? 30_000
  const timeouts = { connectMs: Math.min(5_000, total), firstByteMs: Math.min(15_000, total), totalMs: total }
  if (via === 'admin') {
    const admin = target.admin
    if (!admin) throw new ZkError('INVALID_PARAMS', 'this member has no AdminServer address; set one first')
    const query = params.traceMask !== undefined ? { traceMask: params.traceMask } : undefined
    const request = { ...adminTarget(admin), command: params.command, query }
    const result = await deps.admin({ ...request, timeouts, clock: deps.clock })
    const base = { command: params.command, via, target: adminUrl(request) } as const
    if (!result.ok) {
      return { ...base, outcome: outcomeOf(result.failure), text: result.text, bytes: Buffer.byteLength(result.text), durationMs: result.durationMs, httpStatus: result.status, message: describeFailure(result.failure, result.message) }
    }
    const error = adminError(result.json)
    return {
      ...base,
      outcome: isNotServingMessage(error) ? 'not-serving' : 'ok',
      text: result.text,
      bytes: Buffer.byteLength(result.text),
      durationMs: result.durationMs,
      httpStatus: result.status,
      message: error,
    }
  }
  const payload = params.command === 'stmk' && params.traceMask !== undefined ? maskBytes(params.traceMask) : undefined
  const result = await deps.fourLetter({ host: target.host, port: target.port, command: params.command, payload, timeouts, tls: target.tls, clock: deps.clock })
  const base = { command: params.command, via, target: formatHostPort({ host: target.host, port: target.port }), httpStatus: null } as const
  if (!result.ok) {
    const text = result.partial.toString('utf8')
    return { ...base, outcome: outcomeOf(result.failure), text, bytes: result.partial.length, durationMs: result.durationMs, message: describeFailure(result.failure, result.message) }
  }
  const text = result.bytes.toString('utf8')
  const answer = classifyAnswer(text)
  const message =
    answer.kind === 'not-whitelisted'
      ? `add it to 4lw.commands.whitelist in zoo.cfg and restart the server`
      : answer.kind === 'not-serving'
        ? 'the server is not serving (election, sync or shutdown)'
        : null
  return { ...base, outcome: answer.kind, text, bytes: result.bytes.length, durationMs: result.durationMs, message }
}
