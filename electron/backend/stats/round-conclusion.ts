/** The member status a poll round concludes from what it gathered. */
import type { CapabilityTable } from '../../../shared/monitor/capabilities'
import { describeFailure, statusForFailure } from '../../../shared/monitor/failures'
import type { AdminStatus } from '../../../shared/monitor/model'
import type { MemberObservation } from '../../../shared/monitor/observation'
import type { PortFailure } from './command-fetcher'

export type RoundState = 'unknown' | 'serving' | 'not-serving'

export function concludeRound(
  obs: MemberObservation,
  state: RoundState,
  failure: PortFailure | null,
  blocked: boolean,
  caps: CapabilityTable,
  adminStatus: AdminStatus,
): void {
  if (state === 'serving') {
    const mode = obs.srvr?.mode ?? obs.mntr?.strings.server_state ?? null
    obs.status = 'serving'
    obs.role = mode === 'leader' || mode === 'follower' || mode === 'observer' || mode === 'standalone' || mode === 'read-only' ? mode : null
    if (failure && obs.sources.srvr === 'admin') obs.detail = `four-letter words: ${describeFailure(failure.failure, failure.message)}`
    return
  }
  if (state === 'not-serving') {
    obs.status = 'not-serving'
    obs.detail = 'not serving requests: election, discovery, sync or shutdown in progress'
    return
  }
  if (blocked && failure === null) {
    obs.status = 'not-whitelisted'
    obs.detail = caps.list(adminStatus).find((c) => c.hint !== null)?.hint ?? 'the state words are not whitelisted'
    return
  }
  if (failure) {
    obs.failure = failure.failure
    obs.status = statusForFailure(failure.failure)
    obs.detail = describeFailure(failure.failure, failure.message)
    return
  }
  obs.detail = 'no command could be run (check the member transport and commands)'
}
