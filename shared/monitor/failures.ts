/**
 * What an exchange failure means for the member and how to say it. The
 * distinctions come from the monitoring reference §6.2: a refused connect is
 * not a frozen JVM, and 0 bytes is not an empty result.
 */
import type { FailureKind, MemberStatus } from './model'

/** The member status a failure of the state probe implies. */
export function statusForFailure(failure: FailureKind): MemberStatus {
  switch (failure) {
    case 'refused':
    case 'reset':
    case 'timeout-connect':
    case 'timeout-first-byte':
    case 'timeout-total':
    case 'unreachable':
    case 'dns':
      return 'down'
    case 'tls':
      return 'tls-only'
    default:
      return 'unknown'
  }
}

const DESCRIPTIONS: Record<FailureKind, string> = {
  refused: 'connection refused: not listening (down, still starting, or wrong port)',
  reset: 'connection reset: the server crashed or closed mid-answer',
  'timeout-connect': 'no TCP connection in time: host unreachable or firewalled',
  'timeout-first-byte': 'connected but no answer in time: frozen JVM (GC pause, SIGSTOP) or a TLS-only port',
  'timeout-total': 'the answer did not finish in time',
  empty:
    'closed without answering (0 bytes): unknown word, maxClientCnxns per-IP limit, a TLS-only port, or a server going down',
  tls: 'the port answered with TLS: it is a TLS-only (secureClientPort) port; configure TLS for this member',
  'too-large': 'the answer exceeded the size cap',
  unreachable: 'network unreachable',
  dns: 'the host name does not resolve',
  'http-error': 'the AdminServer answered with an HTTP error',
  'bad-response': 'an answer the console cannot read',
  aborted: 'cancelled',
  error: 'failed',
}

export function describeFailure(failure: FailureKind, message?: string | null): string {
  const base = DESCRIPTIONS[failure]
  return message && !base.includes(message) ? `${base} (${message})` : base
}

/** Timeouts hold a socket for seconds, so those members are probed less often. */
export function isSlowFailure(failure: FailureKind): boolean {
  return failure === 'timeout-connect' || failure === 'timeout-first-byte' || failure === 'timeout-total' || failure === 'unreachable'
}
