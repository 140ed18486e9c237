import type { SessionState } from '../../../../shared/protocol/types'

/** A small coloured dot for a session state; the state's name is given in words next to it or by its container. */
export function SessionDot({ state }: { state: SessionState }) {
  return <span className="session-dot" data-state={state} aria-hidden="true" />
}
