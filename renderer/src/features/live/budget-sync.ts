/**
 * Applies the user's watch budget to each connection: once when the console
 * first hears of the connection's watches, and to every connection when the
 * setting changes.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { WatchStatus } from '../../../../shared/protocol/watch-api'
import type { Disposable } from '../../../../shared/util/disposable'
import { toErrorInfo } from '../../i18n/describe-error'
import { useLiveSettingsStore } from './live-settings'
import { useLiveStore } from './live-store'

export interface BudgetSync extends Disposable {
  /** A status from an updateWatches answer or an event. */
  seen(status: WatchStatus): void
  forget(connectionId: string): void
}

export function startBudgetSync(api: ZkApi): BudgetSync {
  const applied = new Set<string>()

  const apply = (connectionId: string, budget: number) => {
    api.setWatchBudget({ connectionId, budget }).then(
      (status) => useLiveStore.getState().setStatus(status),
      (error: unknown) => {
        const info = toErrorInfo(error)
        if (info.code !== 'UNKNOWN_CONNECTION' && info.code !== 'CONNECTION_LOSS') console.error('setWatchBudget failed', info)
      },
    )
  }

  const unsubscribe = useLiveSettingsStore.subscribe((state, previous) => {
    if (state.watchBudget === previous.watchBudget) return
    for (const connectionId of applied) apply(connectionId, state.watchBudget)
  })

  return {
    seen(status) {
      if (applied.has(status.connectionId)) return
      applied.add(status.connectionId)
      const wanted = useLiveSettingsStore.getState().watchBudget
      if (status.budget !== wanted) apply(status.connectionId, wanted)
    },
    forget: (connectionId) => applied.delete(connectionId),
    dispose: unsubscribe,
  }
}
