/** Pieces of the health evaluation: quorum arithmetic and wording helpers. */
import type { EnsembleHealth, MemberSnapshot } from './model'

export interface HealthMember {
  snapshot: MemberSnapshot
  label: string
  learnerType: 'participant' | 'observer' | null
  /** Unconfirmed addresses are shown but not counted. */
  confirmed: boolean
}

export function memberName(m: HealthMember): string {
  return m.snapshot.serverId !== null ? `server ${m.snapshot.serverId} (${m.label})` : m.label
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function isVoter(m: HealthMember): boolean {
  if (m.learnerType !== null) return m.learnerType === 'participant'
  return m.snapshot.role !== 'observer'
}

/**
 * Voters from the leader's `zk_quorum_size` (authoritative), else the config;
 * voters in sync from the leader's `zk_synced_followers` minus the non-voting
 * ones (plus the leader itself); majority = ⌊voters / 2⌋ + 1.
 */
export function quorumFigures(counted: HealthMember[], leader: HealthMember | null): EnsembleHealth['quorum'] {
  const quorumSizes = counted.map((m) => m.snapshot.metrics.quorumSize).filter((n): n is number => n !== null)
  const quorumSize = leader?.snapshot.metrics.quorumSize ?? (quorumSizes.length > 0 ? Math.max(...quorumSizes) : null)
  const voterMembers = counted.filter(isVoter)
  const voters = quorumSize ?? voterMembers.length
  const majority = Math.floor(voters / 2) + 1
  const votersServing = voterMembers.filter(
    (m) => m.snapshot.status === 'serving' && (m.snapshot.role === 'leader' || m.snapshot.role === 'follower'),
  ).length
  const synced = leader?.snapshot.metrics.syncedFollowers ?? null
  const nonVoting = leader?.snapshot.metrics.syncedNonVotingFollowers ?? 0
  let votersInSync: number | null = null
  if (leader) votersInSync = synced !== null ? 1 + Math.max(0, synced - nonVoting) : votersServing
  return {
    voters,
    votersServing,
    majority,
    votersInSync,
    canLose: votersInSync === null ? null : Math.max(0, votersInSync - majority),
    quorumSize,
    syncedFollowers: synced,
    observers: counted.filter((m) => !isVoter(m)).length,
  }
}

/** Distinct values and who has them, most common first; null values are skipped. */
export function groupBy(
  snaps: MemberSnapshot[],
  key: (s: MemberSnapshot) => string | null,
): Array<{ version: string; memberIds: string[] }> {
  const groups = new Map<string, string[]>()
  for (const s of snaps) {
    const value = key(s)
    if (value === null) continue
    const list = groups.get(value) ?? []
    list.push(s.memberId)
    groups.set(value, list)
  }
  return [...groups.entries()]
    .map(([version, memberIds]) => ({ version, memberIds }))
    .sort((a, b) => b.memberIds.length - a.memberIds.length || a.version.localeCompare(b.version))
}
