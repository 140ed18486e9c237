/**
 * Holds one monitor's alert rules and state, runs the pure evaluation once
 * per round, and hands every fire / clear / point-in-time event to `onEvent`
 * (which records it in the history and emits `monitor.alert`).
 */
import { evaluateAlerts, initialAlertState, type AlertInput, type AlertState } from '../../../shared/monitor/alert-eval'
import { DEFAULT_ALERT_RULES, mergeAlertRules, type ActiveAlert, type AlertEvent, type AlertRule } from '../../../shared/monitor/alert-rules'
import type { RingBuffer } from '../../../shared/util/ring-buffer'

export class AlertEngine {
  private rules: AlertRule[]
  private state: AlertState = initialAlertState()
  private activeAlerts: ActiveAlert[] = []

  constructor(
    rules: readonly Partial<AlertRule>[],
    private readonly history: RingBuffer<AlertEvent>,
    private readonly onEvent: (event: AlertEvent) => void,
  ) {
    this.rules = mergeAlertRules(DEFAULT_ALERT_RULES, rules)
  }

  get currentRules(): AlertRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  get active(): ActiveAlert[] {
    return this.activeAlerts.map((a) => ({ ...a }))
  }

  /** Edits rules by id; a disabled rule's alerts clear at the next evaluation. */
  setRules(updates: readonly Partial<AlertRule>[]): AlertRule[] {
    this.rules = mergeAlertRules(this.rules, updates)
    return this.currentRules
  }

  evaluate(input: AlertInput): AlertEvent[] {
    const result = evaluateAlerts(this.rules, this.state, input)
    this.state = result.state
    this.activeAlerts = result.active
    for (const event of result.events) this.onEvent(event)
    return result.events
  }

  /** The newest `limit` events, oldest first. */
  recent(limit: number): AlertEvent[] {
    const all = this.history.toArray()
    return all.slice(Math.max(0, all.length - limit))
  }
}
