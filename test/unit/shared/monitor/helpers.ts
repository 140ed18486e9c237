/** Builders for snapshots and health members used by the monitor model tests. */
import { emptyMetrics } from '../../../../shared/monitor/member-metrics'
import type { HealthMember } from '../../../../shared/monitor/health'
import type { MemberMetrics, MemberSnapshot } from '../../../../shared/monitor/model'
import { zxidParts } from '../../../../shared/zk/four-letter'

export function snapshot(over: Partial<MemberSnapshot> & { memberId: string }, metrics: Partial<MemberMetrics> = {}): MemberSnapshot {
  const zxid = over.zxid ?? null
  const parts = zxid ? zxidParts(zxid) : null
  return {
    serverId: null,
    status: 'serving',
    role: 'follower',
    statusSince: 0,
    detail: null,
    failure: null,
    consecutiveFailures: 0,
    polledAt: 1,
    stale: false,
    version: '3.8.0',
    fullVersion: '3.8.0-x',
    zxid,
    epoch: parts?.epoch ?? null,
    zxidCounter: parts?.counter ?? null,
    lag: null,
    configVersion: null,
    readOnly: false,
    reset: null,
    sources: { state: 'four-letter', metrics: 'four-letter' },
    ...over,
    metrics: { ...emptyMetrics(), ...metrics },
  }
}

export function member(
  over: Partial<MemberSnapshot> & { memberId: string },
  metrics: Partial<MemberMetrics> = {},
  extra: Partial<Omit<HealthMember, 'snapshot'>> = {},
): HealthMember {
  return { snapshot: snapshot(over, metrics), label: over.memberId, learnerType: 'participant', confirmed: true, ...extra }
}

/** A healthy 3-voter ensemble: server 1 leads epoch 2. */
export function healthyTrio(): HealthMember[] {
  return [
    member({ memberId: 'zk1:2181', serverId: 1, role: 'leader', zxid: '0x200000010' }, { quorumSize: 3, syncedFollowers: 2, syncedNonVotingFollowers: 0 }),
    member({ memberId: 'zk2:2181', serverId: 2, zxid: '0x20000000e' }),
    member({ memberId: 'zk3:2181', serverId: 3, zxid: '0x200000010' }),
  ]
}
