/**
 * One colour per member, the same in every card, chart, legend and lane.
 * Assigned by the member's position in the monitor's member list (the
 * connect string's order, then discovered members), which does not change
 * while the monitor runs. Mid-tone colours, readable on light and dark.
 */
import type { MemberInfo } from '../../../../shared/protocol/monitor-api'

export const MEMBER_PALETTE = ['#3b7ddd', '#e07b24', '#2e9e62', '#9b59d6', '#d6457a', '#1b9fb0', '#b39317', '#7d8796'] as const

/** Colours for the members, then for any other ids (history of members removed since). */
export function memberColors(members: readonly MemberInfo[], otherIds: readonly string[] = []): Record<string, string> {
  const ids = [...members.map((m) => m.memberId), ...[...otherIds].sort()]
  const out: Record<string, string> = {}
  let next = 0
  for (const id of ids) {
    if (out[id] !== undefined) continue
    out[id] = MEMBER_PALETTE[next % MEMBER_PALETTE.length] ?? '#7d8796'
    next += 1
  }
  return out
}
