/**
 * Alert sentences in the user's language, by rule id, from the member, the
 * value and the rule's threshold (the backend's message is English).
 */
import type { TFunction } from 'i18next'
import type { AlertRuleId, AlertRule, MemberInfo, LeaderTerm, MemberSnapshot } from '../../../../shared/protocol/monitor-api'
import { failureText } from './status-text'
import { formatDuration, memberName } from './monitor-format'

export interface AlertLike {
  ruleId: AlertRuleId
  memberId: string | null
  value: number | null
  /** For a leader change: when it happened (to find the new term). */
  at?: number
}

export interface AlertContext {
  members: readonly MemberInfo[]
  rules: readonly AlertRule[]
  snapshots: readonly MemberSnapshot[]
  terms: readonly LeaderTerm[]
  voters: number | null
}

export function ruleTitle(t: TFunction, ruleId: AlertRuleId): string {
  return t(`monitor.rules.${ruleId}.title`)
}

export function alertText(t: TFunction, alert: AlertLike, ctx: AlertContext): string {
  const info = ctx.members.find((m) => m.memberId === alert.memberId)
  const member = memberName(t, info, alert.memberId)
  const threshold = ctx.rules.find((r) => r.id === alert.ruleId)?.threshold ?? 0
  const value = alert.value ?? 0
  switch (alert.ruleId) {
    case 'member-down': {
      // The reason is today's: only worth saying while the member is still down.
      const snap = ctx.snapshots.find((s) => s.memberId === alert.memberId)
      return snap?.status === 'down' && snap.failure
        ? t('monitor.alertText.memberDown', { member, reason: failureText(t, snap.failure) })
        : t('monitor.alertText.memberDownShort', { member })
    }
    case 'member-not-serving':
      return t('monitor.alertText.memberNotServing', { member })
    case 'leader-count':
      return value === 0 ? t('monitor.alertText.noLeader') : t('monitor.alertText.severalLeaders', { count: value })
    case 'quorum-sync':
      return t('monitor.alertText.quorumSync', { synced: value, expected: Math.max(0, (ctx.voters ?? 1) - 1) })
    case 'outstanding-requests':
      return t('monitor.alertText.outstanding', { member, value, threshold })
    case 'avg-latency':
      return t('monitor.alertText.latency', { member, value: value.toFixed(1), threshold })
    case 'fd-usage':
      return t('monitor.alertText.fds', { member, value: value.toFixed(0), threshold })
    case 'digest-mismatch':
      return t('monitor.alertText.digest', { member, value })
    case 'unrecoverable-error':
      return t('monitor.alertText.fatal', { member, value })
    case 'leader-change': {
      const term = alert.at === undefined ? undefined : ctx.terms.find((x) => x.from === alert.at)
      if (!term) return t('monitor.alertText.leaderChangeUnknown')
      const leader = memberName(t, ctx.members.find((m) => m.memberId === term.memberId), term.memberId)
      return term.electionMs !== null && term.electionMs > 0
        ? t('monitor.alertText.leaderChangeAfter', { member: leader, duration: formatDuration(t, term.electionMs) })
        : t('monitor.alertText.leaderChange', { member: leader })
    }
  }
}
