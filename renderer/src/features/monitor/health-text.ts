/**
 * The health sentence in the user's language. The backend writes it in
 * English; each problem also carries a code and member ids, and the sample
 * holds the numbers behind it, so the sentence is rebuilt here from those
 * (mirroring shared/monitor/health.ts, which a unit test checks against).
 */
import type { TFunction } from 'i18next'
import type { EnsembleSample, HealthProblem, MemberInfo, MemberSnapshot } from '../../../../shared/protocol/monitor-api'
import { failureText } from './status-text'
import { formatDuration, memberName } from './monitor-format'

export interface HealthText {
  sentence: string
  problems: Array<{ code: HealthProblem['code']; level: HealthProblem['level']; text: string; memberIds: string[] }>
}

type Lookup = (memberId: string) => { info: MemberInfo | undefined; snap: MemberSnapshot | undefined }

function problemText(t: TFunction, p: HealthProblem, sample: EnsembleSample, look: Lookup): string {
  const h = sample.health
  const name = (id: string | undefined) => (id === undefined ? '' : memberName(t, look(id).info, id))
  const first = p.memberIds[0]
  const snap = first === undefined ? undefined : look(first).snap
  const q = h.quorum
  switch (p.code) {
    case 'no-members':
      return t('monitor.health.problem.noMembers')
    case 'member-down':
      return t('monitor.health.problem.memberDown', { member: name(first), reason: snap?.failure ? failureText(t, snap.failure) : t('monitor.health.noAnswer') })
    case 'member-not-serving':
      return t('monitor.health.problem.memberNotServing', { member: name(first), duration: formatDuration(t, sample.at - (snap?.statusSince ?? sample.at)) })
    case 'member-unreadable':
      return t('monitor.health.problem.memberUnreadable', {
        member: name(first),
        reason: snap?.failure
          ? failureText(t, snap.failure)
          : snap?.status === 'tls-only'
            ? t('monitor.statusLine.tls-only')
            : snap?.status === 'not-whitelisted'
              ? t('monitor.statusLine.not-whitelisted')
              : t('monitor.statusLine.unreadable'),
      })
    case 'no-leader': {
      const total = Object.values(h.counts).reduce((a, b) => a + b, 0)
      const notServing = h.counts['not-serving']
      if (notServing > 0) {
        const since = h.noLeaderSince ?? Math.min(sample.at, ...sample.members.filter((m) => m.status === 'not-serving').map((m) => m.statusSince))
        return t('monitor.health.problem.electing', { duration: formatDuration(t, sample.at - since), notServing, total })
      }
      const readOnly = sample.members.filter((m) => m.status === 'serving' && m.role === 'read-only')
      if (readOnly.length > 0) {
        return t('monitor.health.problem.readOnlyQuorum', { count: readOnly.length, members: readOnly.map((m) => name(m.memberId)).join(t('monitor.list')) })
      }
      return h.counts.serving > 0 ? t('monitor.health.problem.noLeaderAnswering') : t('monitor.health.problem.noLeaderSilent')
    }
    case 'several-leaders':
      return t('monitor.health.problem.severalLeaders', { count: p.memberIds.length, members: p.memberIds.map(name).join(t('monitor.list')) })
    case 'quorum-lost':
      return t('monitor.health.problem.quorumLost', { inSync: q.votersInSync ?? 0, voters: q.voters, majority: q.majority })
    case 'quorum-at-risk':
      return t('monitor.health.problem.quorumAtRisk', { inSync: q.votersInSync ?? 0, voters: q.voters })
    case 'followers-not-synced':
      return t('monitor.health.problem.notSynced', { inSync: q.votersInSync ?? 0, voters: q.voters, count: q.canLose ?? 0 })
    case 'read-only':
      return t('monitor.health.problem.readOnly', { member: name(first) })
    case 'version-drift':
      return t('monitor.health.problem.versionDrift', {
        list: h.versions.map((v) => t('monitor.health.versionOn', { version: v.version, count: v.memberIds.length })).join(t('monitor.list')),
      })
    case 'config-drift':
      return t('monitor.health.problem.configDrift', { list: h.configVersions.map((v) => v.version).join(' vs ') })
    case 'epoch-ahead':
      return t('monitor.health.problem.epochAhead', { member: name(first), epoch: snap?.epoch ?? '?', leaderEpoch: h.epoch ?? '?' })
    case 'data-integrity':
      return t('monitor.health.problem.integrity', {
        digest: t('monitor.health.problem.digestCount', { count: h.integrity.digestMismatches }),
        fatal: t('monitor.health.problem.fatalCount', { count: h.integrity.unrecoverableErrors }),
      })
  }
}

export function healthText(t: TFunction, sample: EnsembleSample, members: readonly MemberInfo[]): HealthText {
  const infos = new Map(members.map((m) => [m.memberId, m]))
  const snaps = new Map(sample.members.map((m) => [m.memberId, m]))
  const look: Lookup = (id) => ({ info: infos.get(id), snap: snaps.get(id) })
  const h = sample.health
  const problems = h.problems.map((p) => ({ code: p.code, level: p.level, memberIds: p.memberIds, text: problemText(t, p, sample, look) }))
  const total = Object.values(h.counts).reduce((a, b) => a + b, 0)
  let sentence: string
  if (total === 0) sentence = t('monitor.health.noMembers')
  else if (h.level === 'unknown' && sample.members.every((m) => m.status === 'unknown' && m.polledAt === null)) sentence = t('monitor.health.waiting')
  else if (h.level === 'healthy') {
    const standalone = sample.members.find((m) => m.status === 'serving' && m.role === 'standalone')
    if (standalone && !h.leader) sentence = t('monitor.health.healthyStandalone', { member: memberName(t, infos.get(standalone.memberId), standalone.memberId) })
    else if (!h.leader) sentence = t('monitor.health.healthy')
    else {
      const q = h.quorum
      sentence = t('monitor.health.healthyQuorum', {
        leader: memberName(t, infos.get(h.leader.memberId), h.leader.memberId),
        inSync: q.votersInSync ?? q.votersServing,
        voters: q.voters,
        lose: q.canLose === null ? '' : t('monitor.health.canLoseFragment', { count: q.canLose }),
        observers: q.observers > 0 ? t('monitor.health.observersFragment', { count: q.observers }) : '',
      })
    }
  } else {
    const ordered = [...problems.filter((p) => p.level === 'critical'), ...problems.filter((p) => p.level === 'warning')]
    sentence = t('monitor.health.notHealthy', {
      problems: ordered
        .slice(0, 2)
        .map((p) => p.text)
        .join(t('monitor.health.separator')),
      more: ordered.length > 2 ? t('monitor.health.more', { count: ordered.length - 2 }) : '',
    })
  }
  return { sentence, problems }
}
