/**
 * Alert rules with their published defaults (monitoring reference §5.3 – §5.7:
 * ZooKeeper's own Prometheus examples, Zabbix, Datadog). Every rule has the
 * same editable shape: a threshold (meaning per rule, see ALERT_RULE_INFO)
 * and how long the condition must hold before the alert fires.
 */

export const ALERT_RULE_IDS = [
  'member-down',
  'member-not-serving',
  'leader-count',
  'quorum-sync',
  'outstanding-requests',
  'avg-latency',
  'fd-usage',
  'digest-mismatch',
  'unrecoverable-error',
  'leader-change',
] as const
export type AlertRuleId = (typeof ALERT_RULE_IDS)[number]

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number]

export interface AlertRule {
  id: AlertRuleId
  enabled: boolean
  severity: AlertSeverity
  /** Meaning per rule (ALERT_RULE_INFO[id].threshold); ignored where that is null. */
  threshold: number
  /** The condition must hold this long before the alert fires (0 = at once). */
  forMs: number
}

export interface AlertRuleInfo {
  id: AlertRuleId
  scope: 'member' | 'ensemble'
  title: string
  /** What the threshold means, with its unit; null when the rule has none. */
  threshold: string | null
  /** Point-in-time rules record an event and have nothing to clear. */
  pointInTime: boolean
  /** Where the default comes from. */
  source: string
}

export const ALERT_RULE_INFO: Readonly<Record<AlertRuleId, AlertRuleInfo>> = {
  'member-down': {
    id: 'member-down', scope: 'member', title: 'Member down', pointInTime: false,
    threshold: 'consecutive failed polls', source: 'DOWN after 2 consecutive failures; ZooKeeper docs: up == 0',
  },
  'member-not-serving': {
    id: 'member-not-serving', scope: 'member', title: 'Member not serving', pointInTime: false,
    threshold: null, source: 'Exhibitor NOT_SERVING, Datadog "inactive"',
  },
  'leader-count': {
    id: 'leader-count', scope: 'ensemble', title: 'No leader or more than one', pointInTime: false,
    threshold: null, source: 'exactly one leader per ensemble',
  },
  'quorum-sync': {
    id: 'quorum-sync', scope: 'ensemble', title: 'Synced followers below quorum − 1', pointInTime: false,
    threshold: 'missing followers tolerated', source: 'Zabbix: synced_followers < quorum_size − 1',
  },
  'outstanding-requests': {
    id: 'outstanding-requests', scope: 'member', title: 'Outstanding requests', pointInTime: false,
    threshold: 'requests', source: 'Zabbix: outstanding_requests > 10',
  },
  'avg-latency': {
    id: 'avg-latency', scope: 'member', title: 'Average request latency', pointInTime: false,
    threshold: 'ms', source: 'ZooKeeper docs and Google Ops Agent: avg_latency > 100 ms for 1 m',
  },
  'fd-usage': {
    id: 'fd-usage', scope: 'member', title: 'File descriptors in use', pointInTime: false,
    threshold: '% of the maximum', source: 'Zabbix: fd usage > 85 % for 5 m',
  },
  'digest-mismatch': {
    id: 'digest-mismatch', scope: 'member', title: 'Data-tree digest mismatch', pointInTime: false,
    threshold: 'mismatches tolerated', source: 'digest_mismatches_count should be 0',
  },
  'unrecoverable-error': {
    id: 'unrecoverable-error', scope: 'member', title: 'Unrecoverable error', pointInTime: false,
    threshold: 'errors tolerated', source: 'unrecoverable_error_count should be 0',
  },
  'leader-change': {
    id: 'leader-change', scope: 'ensemble', title: 'Leader change', pointInTime: true,
    threshold: null, source: 'ZooKeeper docs: increase(election_time_count[5m]) > 0',
  },
}

export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { id: 'member-down', enabled: true, severity: 'critical', threshold: 2, forMs: 0 },
  { id: 'member-not-serving', enabled: true, severity: 'warning', threshold: 0, forMs: 30_000 },
  { id: 'leader-count', enabled: true, severity: 'critical', threshold: 0, forMs: 10_000 },
  { id: 'quorum-sync', enabled: true, severity: 'warning', threshold: 0, forMs: 15_000 },
  { id: 'outstanding-requests', enabled: true, severity: 'warning', threshold: 10, forMs: 60_000 },
  { id: 'avg-latency', enabled: true, severity: 'warning', threshold: 100, forMs: 60_000 },
  { id: 'fd-usage', enabled: true, severity: 'warning', threshold: 85, forMs: 300_000 },
  { id: 'digest-mismatch', enabled: true, severity: 'critical', threshold: 0, forMs: 0 },
  { id: 'unrecoverable-error', enabled: true, severity: 'critical', threshold: 0, forMs: 0 },
  { id: 'leader-change', enabled: true, severity: 'info', threshold: 0, forMs: 0 },
]

/** The defaults with the given rules laid over them (by id); unknown ids are ignored. */
export function mergeAlertRules(base: readonly AlertRule[], updates: readonly Partial<AlertRule>[]): AlertRule[] {
  const byId = new Map(DEFAULT_ALERT_RULES.map((rule) => [rule.id, { ...rule }]))
  for (const rule of base) byId.set(rule.id, { ...rule })
  for (const update of updates) {
    const current = update.id === undefined ? undefined : byId.get(update.id)
    if (current) byId.set(current.id, { ...current, ...update, id: current.id })
  }
  return ALERT_RULE_IDS.map((id) => byId.get(id) as AlertRule)
}

/** An alert that is firing now. */
export interface ActiveAlert {
  key: string
  ruleId: AlertRuleId
  memberId: string | null
  severity: AlertSeverity
  since: number
  message: string
  value: number | null
}

/** One entry of the alert history: a fire, a clear, or a point-in-time event. */
export interface AlertEvent {
  id: string
  monitorId: string
  ruleId: AlertRuleId
  memberId: string | null
  severity: AlertSeverity
  kind: 'fire' | 'clear' | 'event'
  at: number
  message: string
  value: number | null
}
