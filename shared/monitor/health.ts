/**
 * Ensemble health from all members' latest snapshots (monitoring reference
 * §1 rule 15, §5.7): exactly one leader, quorum health from the leader's
 * synced followers, epochs and follower lag, version and config drift,
 * data-integrity counters, and one sentence that says whether all is well.
 */
import { MEMBER_STATUSES, type EnsembleHealth, type HealthProblem, type MemberSnapshot, type MemberStatus } from './model'
import { groupBy, memberName, plural, quorumFigures, type HealthMember } from './health-parts'

export type { HealthMember } from './health-parts'

export interface HealthInput {
  members: HealthMember[]
  now: number
  /** Since when the console has seen no leader (null while there is one). */
  noLeaderSince: number | null
  /** Since when the current leader has led, as the console saw it. */
  leaderSince: number | null
}

export interface HealthResult {
  health: EnsembleHealth
  /** Transactions behind the leader per member id (same epoch only). */
  lags: Record<string, number | null>
}

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`
}

export function evaluateHealth(input: HealthInput): HealthResult {
  const counted = input.members.filter((m) => m.confirmed)
  const snaps = counted.map((m) => m.snapshot)
  const counts = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>
  for (const s of snaps) counts[s.status] += 1
  const serving = counted.filter((m) => m.snapshot.status === 'serving')
  const leaders = serving.filter((m) => m.snapshot.role === 'leader')
  const leader = leaders.length === 1 ? (leaders[0] ?? null) : null
  const standalone = serving.find((m) => m.snapshot.role === 'standalone') ?? null
  const quorumish = counted.some(
    (m) => m.learnerType !== null || ['leader', 'follower', 'observer'].includes(m.snapshot.role ?? '') || m.snapshot.metrics.quorumSize !== null,
  )
  const mode: EnsembleHealth['mode'] = standalone && !quorumish ? 'standalone' : quorumish ? 'quorum' : 'unknown'
  const quorum = quorumFigures(counted, leader)
  const problems: HealthProblem[] = []
  const lags: Record<string, number | null> = {}
  const leaderSnap = leader?.snapshot ?? null

  if (mode !== 'standalone' && counted.length > 0) {
    if (leaders.length === 0) {
      const notServing = counted.filter((m) => m.snapshot.status === 'not-serving')
      const readOnly = serving.filter((m) => m.snapshot.role === 'read-only')
      const since = input.noLeaderSince ?? Math.min(...notServing.map((m) => m.snapshot.statusSince), input.now)
      let message = 'no leader: no member answers'
      if (notServing.length > 0) {
        message = `no leader: election in progress for ${seconds(input.now - since)} (${notServing.length} of ${counted.length} members not serving)`
      } else if (readOnly.length > 0) {
        message = `no quorum: ${readOnly.map(memberName).join(', ')} ${readOnly.length === 1 ? 'is' : 'are'} read-only`
      } else if (serving.length > 0) message = 'no leader among the members that answer'
      problems.push({ code: 'no-leader', level: 'critical', message, memberIds: notServing.map((m) => m.snapshot.memberId) })
    } else if (leaders.length > 1) {
      problems.push({
        code: 'several-leaders',
        level: 'critical',
        message: `${leaders.length} members claim to lead: ${leaders.map(memberName).join(', ')}`,
        memberIds: leaders.map((m) => m.snapshot.memberId),
      })
    } else if (quorum.votersInSync !== null && quorum.votersInSync < quorum.majority) {
      problems.push({
        code: 'quorum-lost',
        level: 'critical',
        message: `quorum lost: ${quorum.votersInSync} of ${quorum.voters} voters in sync, ${quorum.majority} needed`,
        memberIds: [],
      })
    } else if (quorum.votersInSync !== null && quorum.votersInSync < quorum.voters) {
      // One more failure away from an outage is worth a warning, not yet an outage.
      problems.push({
        code: quorum.canLose === 0 ? 'quorum-at-risk' : 'followers-not-synced',
        level: 'warning',
        message: `${quorum.votersInSync} of ${quorum.voters} voters in sync; ${
          quorum.canLose === 0 ? 'the ensemble cannot lose another voter' : `it can lose ${plural(quorum.canLose ?? 0, 'more voter')}`
        }`,
        memberIds: [],
      })
    }
  }

  for (const m of counted) {
    const s = m.snapshot
    const name = memberName(m)
    if (s.status === 'down') {
      problems.push({ code: 'member-down', level: 'warning', message: `${name} is down (${s.detail ?? 'no answer'})`, memberIds: [s.memberId] })
    } else if (s.status === 'not-serving' && leaders.length > 0) {
      problems.push({
        code: 'member-not-serving',
        level: 'warning',
        message: `${name} has not been serving for ${seconds(input.now - s.statusSince)}`,
        memberIds: [s.memberId],
      })
    } else if (s.status === 'tls-only' || s.status === 'not-whitelisted' || (s.status === 'unknown' && (s.failure !== null || s.detail !== null))) {
      problems.push({ code: 'member-unreadable', level: 'warning', message: `${name}: ${s.detail ?? s.status}`, memberIds: [s.memberId] })
    } else if (s.status === 'serving' && s.role === 'read-only' && leaders.length > 0) {
      problems.push({ code: 'read-only', level: 'warning', message: `${name} is read-only (cut off from the quorum)`, memberIds: [s.memberId] })
    }
    lags[s.memberId] = lagBehind(s, leaderSnap)
    if (leaderSnap?.epoch != null && s.epoch !== null && s.epoch > leaderSnap.epoch && s.status === 'serving') {
      problems.push({
        code: 'epoch-ahead',
        level: 'warning',
        message: `${name} is at epoch ${s.epoch}, ahead of the leader's ${leaderSnap.epoch}: the leader view may be stale`,
        memberIds: [s.memberId],
      })
    }
  }

  const versions = groupBy(snaps, (s) => s.version)
  if (versions.length > 1) {
    problems.push({
      code: 'version-drift',
      level: 'warning',
      message: `mixed versions: ${versions.map((v) => `${v.version} on ${v.memberIds.length}`).join(', ')}`,
      memberIds: [],
    })
  }
  const configVersions = groupBy(
    snaps.filter((s) => s.status === 'serving'),
    (s) => s.configVersion,
  )
  if (configVersions.length > 1) {
    problems.push({
      code: 'config-drift',
      level: 'warning',
      message: `members disagree on the config version (${configVersions.map((v) => v.version).join(' vs ')}): a reconfig has not reached everyone`,
      memberIds: [],
    })
  }
  const integrity = { digestMismatches: 0, unrecoverableErrors: 0, memberIds: [] as string[] }
  for (const s of snaps) {
    const digest = s.metrics.digestMismatches ?? 0
    const fatal = s.metrics.unrecoverableErrors ?? 0
    integrity.digestMismatches += digest
    integrity.unrecoverableErrors += fatal
    if (digest > 0 || fatal > 0) integrity.memberIds.push(s.memberId)
  }
  if (integrity.memberIds.length > 0) {
    problems.push({
      code: 'data-integrity',
      level: 'critical',
      message: `data integrity: ${plural(integrity.digestMismatches, 'digest mismatch', 'digest mismatches')} and ${plural(integrity.unrecoverableErrors, 'unrecoverable error')} reported`,
      memberIds: integrity.memberIds,
    })
  }

  const waiting = snaps.length > 0 && snaps.every((s) => s.status === 'unknown' && s.polledAt === null)
  const level: EnsembleHealth['level'] =
    counted.length === 0 || waiting
      ? 'unknown'
      : problems.some((p) => p.level === 'critical')
        ? 'critical'
        : problems.length > 0
          ? 'warning'
          : 'healthy'
  const health: EnsembleHealth = {
    level,
    healthy: level === 'healthy',
    sentence: sentence(level, problems, counted, leader, standalone, quorum, waiting),
    problems,
    mode,
    leader: leader
      ? { memberId: leader.snapshot.memberId, serverId: leader.snapshot.serverId, epoch: leader.snapshot.epoch, since: input.leaderSince ?? leader.snapshot.statusSince }
      : null,
    leaderCount: leaders.length,
    noLeaderSince: leaders.length === 0 && mode === 'quorum' ? input.noLeaderSince : null,
    quorum,
    epoch: leaderSnap?.epoch ?? null,
    zxid: leaderSnap?.zxid ?? null,
    versions,
    configVersions,
    integrity,
    counts,
  }
  return { health, lags }
}

function lagBehind(s: MemberSnapshot, leader: MemberSnapshot | null): number | null {
  if (!leader || s.memberId === leader.memberId || s.status !== 'serving') return s.memberId === leader?.memberId ? 0 : null
  if (leader.epoch === null || s.epoch !== leader.epoch || leader.zxidCounter === null || s.zxidCounter === null) return null
  // Polls are not simultaneous, so a follower polled later can look ahead: clamp at 0.
  return Math.max(0, leader.zxidCounter - s.zxidCounter)
}

function sentence(
  level: EnsembleHealth['level'],
  problems: HealthProblem[],
  counted: HealthMember[],
  leader: HealthMember | null,
  standalone: HealthMember | null,
  quorum: EnsembleHealth['quorum'],
  waiting: boolean,
): string {
  if (counted.length === 0) return 'No members to monitor yet.'
  if (waiting) return 'Waiting for the first answers from the members.'
  if (level === 'healthy') {
    if (standalone && !leader) return `Healthy: standalone server ${standalone.label} is serving.`
    if (!leader) return 'Healthy.'
    const inSync = quorum.votersInSync ?? quorum.votersServing
    const observers = quorum.observers > 0 ? `, ${plural(quorum.observers, 'observer')}` : ''
    const lose = quorum.canLose === null ? '' : `, can lose ${plural(quorum.canLose, 'more voter')}`
    return `Healthy: ${memberName(leader)} leads, ${inSync} of ${quorum.voters} voters in sync${lose}${observers}.`
  }
  const ordered = [...problems.filter((p) => p.level === 'critical'), ...problems.filter((p) => p.level === 'warning')]
  const shown = ordered.slice(0, 2).map((p) => p.message)
  const more = ordered.length > 2 ? ` (+${ordered.length - 2} more)` : ''
  return `Not healthy: ${shown.join('; ')}${more}.`
}
