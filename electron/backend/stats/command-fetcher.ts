/**
 * Fetches one polled command for one member from the right source: the
 * four-letter word when it is whitelisted and the port answers, else the
 * AdminServer twin (when the member has one and the preference allows),
 * and records what worked in the member's capability table.
 */
import type http from 'node:http'
import { ADMIN_PARSERS, FOUR_LETTER_PARSERS, storeParsed, type ParsedOf } from '../../../shared/monitor/command-parsers'
import type { CapabilityTable } from '../../../shared/monitor/capabilities'
import type { AdminEndpoint, DataSource, FailureKind, PollTimeouts, TransportPreference } from '../../../shared/monitor/model'
import { emptyObservation, type MemberObservation } from '../../../shared/monitor/observation'
import { describeFailure } from '../../../shared/monitor/failures'
import { ADMIN_TWIN, adminError, adminVotingView, classifyAnswer, isNotServingMessage, type PollCommand } from '../../../shared/zk/four-letter'
import type { Clock } from '../../../shared/util/clock'
import { adminTarget, type AdminTransport } from './admin-client'
import type { FourLetterTransport, TlsSettings } from './four-letter-client'

export type FetchOutcome =
  | { kind: 'ok'; source: DataSource }
  | { kind: 'not-serving'; source: DataSource }
  | { kind: 'not-whitelisted' }
  | { kind: 'failed'; source: DataSource; failure: FailureKind; message: string }
  | { kind: 'skipped' }

export interface FetchContext {
  host: string
  port: number
  tls: TlsSettings | null
  admin: AdminEndpoint | null
  transport: TransportPreference
  timeouts: PollTimeouts
  caps: CapabilityTable
  /** False once the member's AdminServer failed or belongs to another server. */
  adminUsable: boolean
  agent: http.Agent | undefined
  signal: AbortSignal
  clock: Clock
  fourLetter: FourLetterTransport
  adminTransport: AdminTransport
}

/** A failure of the four-letter port itself (not of one word): the rest of the round skips 4lw. */
export interface PortFailure {
  failure: FailureKind
  message: string
}

export async function fetchViaFourLetter<K extends PollCommand>(
  ctx: FetchContext,
  command: K,
  obs: MemberObservation,
): Promise<{ outcome: FetchOutcome; portFailure: PortFailure | null }> {
  const result = await ctx.fourLetter({
    host: ctx.host,
    port: ctx.port,
    command,
    timeouts: ctx.timeouts,
    tls: ctx.tls,
    signal: ctx.signal,
    clock: ctx.clock,
  })
  if (!result.ok) {
    if (ctx.caps.fourLetterOf(command) === 'unknown') ctx.caps.setFourLetter(command, 'no-answer')
    const outcome: FetchOutcome = { kind: 'failed', source: 'four-letter', failure: result.failure, message: result.message }
    return { outcome, portFailure: result.failure === 'aborted' ? null : { failure: result.failure, message: result.message } }
  }
  const answer = classifyAnswer(result.bytes.toString('utf8'))
  switch (answer.kind) {
    case 'empty':
      return {
        outcome: { kind: 'failed', source: 'four-letter', failure: 'empty', message: 'closed without answering' },
        portFailure: { failure: 'empty', message: 'closed without answering (0 bytes)' },
      }
    case 'not-whitelisted':
      ctx.caps.setFourLetter(command, 'not-whitelisted')
      return { outcome: { kind: 'not-whitelisted' }, portFailure: null }
    case 'not-serving':
      ctx.caps.setFourLetter(command, 'enabled')
      ctx.caps.setSource(command, 'four-letter')
      return { outcome: { kind: 'not-serving', source: 'four-letter' }, portFailure: null }
    case 'ok': {
      ctx.caps.setFourLetter(command, 'enabled')
      const parsed = FOUR_LETTER_PARSERS[command](answer.text) as ParsedOf<K> | null
      if (parsed === null) {
        const first = answer.text.split('\n')[0]?.slice(0, 80) ?? ''
        return { outcome: { kind: 'failed', source: 'four-letter', failure: 'bad-response', message: `unexpected answer to ${command}: "${first}"` }, portFailure: null }
      }
      storeParsed(obs, command, parsed)
      if (command === 'mntr') obs.mntrText = answer.text
      obs.sources[command] = 'four-letter'
      ctx.caps.setSource(command, 'four-letter')
      return { outcome: { kind: 'ok', source: 'four-letter' }, portFailure: null }
    }
  }
}

export async function fetchViaAdmin<K extends PollCommand>(
  ctx: FetchContext,
  command: K,
  obs: MemberObservation,
): Promise<{ outcome: FetchOutcome; adminDown: boolean }> {
  const admin = ctx.admin
  if (!admin) return { outcome: { kind: 'skipped' }, adminDown: false }
  const name = ADMIN_TWIN[command]
  const result = await ctx.adminTransport({
    ...adminTarget(admin),
    command: name,
    timeouts: ctx.timeouts,
    agent: ctx.agent,
    signal: ctx.signal,
    clock: ctx.clock,
  })
  if (!result.ok) {
    // `monitor` throws a NullPointerException (HTTP 500) while there is no server object.
    if (result.failure === 'http-error' && result.status === 500 && command === 'mntr' && /zkServer|NullPointer/.test(result.text)) {
      return { outcome: { kind: 'not-serving', source: 'admin' }, adminDown: false }
    }
    const connectionLevel = result.failure !== 'http-error' && result.failure !== 'bad-response' && result.failure !== 'aborted'
    if (result.failure === 'http-error') ctx.caps.setAdmin(command, 'unavailable')
    return { outcome: { kind: 'failed', source: 'admin', failure: result.failure, message: `AdminServer ${name}: ${result.message}` }, adminDown: connectionLevel }
  }
  const error = adminError(result.json)
  if (error !== null) {
    if (isNotServingMessage(error)) {
      ctx.caps.setAdmin(command, 'available')
      return { outcome: { kind: 'not-serving', source: 'admin' }, adminDown: false }
    }
    ctx.caps.setAdmin(command, 'unavailable')
    return { outcome: { kind: 'failed', source: 'admin', failure: 'bad-response', message: `AdminServer ${name}: ${error}` }, adminDown: false }
  }
  const parsed = ADMIN_PARSERS[command](result.json) as ParsedOf<K> | null
  if (parsed === null) {
    return { outcome: { kind: 'failed', source: 'admin', failure: 'bad-response', message: `unexpected AdminServer ${name} answer` }, adminDown: false }
  }
  ctx.caps.setAdmin(command, 'available')
  storeParsed(obs, command, parsed)
  obs.sources[command] = 'admin'
  ctx.caps.setSource(command, 'admin')
  return { outcome: { kind: 'ok', source: 'admin' }, adminDown: false }
}

/**
 * AdminServer `configuration` has no membership block, so when `conf` came
 * from the AdminServer the voters come from `voting_view` (observers absent).
 */
export async function fetchVotingView(ctx: FetchContext, obs: MemberObservation): Promise<void> {
  const admin = ctx.admin
  if (!admin) return
  const result = await ctx.adminTransport({
    ...adminTarget(admin),
    command: 'voting_view',
    timeouts: ctx.timeouts,
    agent: ctx.agent,
    signal: ctx.signal,
    clock: ctx.clock,
  })
  if (result.ok && adminError(result.json) === null) obs.votingView = adminVotingView(result.json)
}

/** One command outside the rounds: four-letter word first (when allowed), then the AdminServer. */
export async function fetchOnce(
  ctx: FetchContext,
  command: PollCommand,
  fourLetterAllowed: boolean,
  adminTrusted: (obs: MemberObservation) => Promise<boolean>,
): Promise<MemberObservation> {
  const obs = emptyObservation(ctx.clock.now(), 'unknown')
  let outcome: FetchOutcome | null = null
  if (ctx.transport !== 'admin' && fourLetterAllowed) outcome = (await fetchViaFourLetter(ctx, command, obs)).outcome
  const retry = outcome === null || outcome.kind === 'failed' || outcome.kind === 'not-whitelisted'
  if (retry && ctx.adminUsable && (await adminTrusted(obs))) outcome = (await fetchViaAdmin(ctx, command, obs)).outcome
  if (outcome?.kind === 'failed') {
    obs.failure = outcome.failure
    obs.detail = describeFailure(outcome.failure, outcome.message)
  } else if (outcome?.kind === 'not-serving') obs.detail = 'not serving requests'
  else if (outcome === null || outcome.kind === 'not-whitelisted' || outcome.kind === 'skipped') obs.detail = `"${command}" is not available on this member`
  obs.durationMs = ctx.clock.now() - obs.at
  return obs
}
