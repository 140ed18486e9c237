/**
 * Monitor events as the event bridge queues them: which ones may be
 * coalesced (only the newest member list of a monitor matters; every
 * sample, alert and leader change counts) and how a batch reaches the store.
 */
import type { MonitorEvents } from '../../../../shared/protocol/monitor-api'
import { useMonitorStore } from '../../stores/monitor-store'
import { notifyAlerts } from './notifications'

export type MonitorBridgeEvent = { [E in keyof MonitorEvents]: { event: E; payload: MonitorEvents[E] } }[keyof MonitorEvents]

/** The coalescing key: equal keys keep only the newest event. */
export function monitorEventKey(item: MonitorBridgeEvent): string {
  switch (item.event) {
    case 'monitor.sample':
      return `monitor.sample:${item.payload.monitorId}:${item.payload.at}`
    case 'monitor.alert':
      return `monitor.alert:${item.payload.id}`
    case 'monitor.leader':
      return `monitor.leader:${item.payload.monitorId}:${item.payload.at}`
    case 'monitor.members':
      return `monitor.members:${item.payload.monitorId}`
    case 'monitor.lifecycle':
      return `monitor.lifecycle:${item.payload.monitorId}`
  }
}

/**
 * Applies a batch in arrival order, one store update per run of events of
 * the same kind: a leader change must land before the sample of its round,
 * and an earlier round's sample before a later leader change.
 */
export function applyMonitorEvents(items: readonly MonitorBridgeEvent[]): void {
  const store = useMonitorStore.getState()
  let run: MonitorBridgeEvent[] = []
  const flush = () => {
    const kind = run[0]?.event
    if (kind === 'monitor.sample') store.applySamples(run.flatMap((i) => (i.event === 'monitor.sample' ? [i.payload] : [])))
    else if (kind === 'monitor.leader') store.applyLeaderChanges(run.flatMap((i) => (i.event === 'monitor.leader' ? [i.payload] : [])))
    else if (kind === 'monitor.alert') {
      const alerts = run.flatMap((i) => (i.event === 'monitor.alert' ? [i.payload] : []))
      store.applyAlerts(alerts)
      notifyAlerts(alerts)
    } else if (kind === 'monitor.lifecycle') store.applyLifecycle(run.flatMap((i) => (i.event === 'monitor.lifecycle' ? [i.payload] : [])))
    else for (const i of run) if (i.event === 'monitor.members') store.setMembers(i.payload.monitorId, i.payload.members)
    run = []
  }
  for (const item of items) {
    if (run[0] && run[0].event !== item.event) flush()
    run.push(item)
  }
  flush()
}
