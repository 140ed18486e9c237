/**
 * Member states, failures and capability hints in the user's language,
 * from the codes the backend sends (its English `detail` and `hint` texts
 * are not translated; these are rebuilt from the same facts).
 */
import type { TFunction } from 'i18next'
import type { AdminStatus, CommandCapability, FailureKind, MemberSnapshot } from '../../../../shared/protocol/monitor-api'
import { ADMIN_TWIN, whitelistLine } from '../../../../shared/zk/four-letter'
import { formatDuration } from './monitor-format'

export function failureText(t: TFunction, failure: FailureKind): string {
  return t(`monitor.failure.${failure}`)
}

/** "Serving as leader", "Not serving for 12 s", "Down: connection refused …". */
export function statusLine(t: TFunction, snap: MemberSnapshot, now: number): string {
  switch (snap.status) {
    case 'serving':
      return t('monitor.statusLine.serving', { role: t(`monitor.role.${snap.role ?? 'unknown'}`) })
    case 'not-serving':
      return t('monitor.statusLine.notServing', { duration: formatDuration(t, now - snap.statusSince) })
    case 'down':
      return t('monitor.statusLine.downFor', {
        reason: snap.failure ? failureText(t, snap.failure) : t('monitor.health.noAnswer'),
        duration: formatDuration(t, now - snap.statusSince),
      })
    case 'not-whitelisted':
      return t('monitor.statusLine.not-whitelisted')
    case 'tls-only':
      return t('monitor.statusLine.tls-only')
    case 'unknown':
      return snap.failure ? t('monitor.statusLine.unknownReason', { reason: failureText(t, snap.failure) }) : t('monitor.statusLine.waiting')
  }
}

/** How to enable a command the member does not answer; null when nothing is missing. */
export function capabilityHint(t: TFunction, cap: CommandCapability, adminStatus: AdminStatus, blocked: readonly string[]): string | null {
  if (cap.fourLetter !== 'not-whitelisted') return null
  const line = whitelistLine(blocked.length > 0 ? blocked : [cap.command])
  const enable = t('monitor.hint.enable', { command: cap.command, line })
  if (cap.admin === 'available') return `${t('monitor.hint.viaAdmin', { command: cap.command, path: `/commands/${ADMIN_TWIN[cap.command]}` })} ${enable}`
  const admin: Record<AdminStatus, string> = {
    'not-configured': t('monitor.hint.adminNotConfigured'),
    mismatch: t('monitor.hint.adminMismatch'),
    unavailable: t('monitor.hint.adminUnavailable'),
    unknown: t('monitor.hint.adminUnknown'),
    available: '',
  }
  return `${t('monitor.hint.notWhitelisted', { command: cap.command })} ${enable} ${admin[adminStatus]}`.trim()
}
