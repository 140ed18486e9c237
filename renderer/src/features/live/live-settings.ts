/**
 * The watch budget the user chose, remembered on this machine and applied to
 * every connection this window opens (the backend keeps one per connection).
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export const DEFAULT_WATCH_BUDGET = 5_000
export const MIN_WATCH_BUDGET = 1
/** The contract's upper bound; the backend also caps the bytes of watched paths. */
export const MAX_WATCH_BUDGET = 100_000

export interface LiveSettingsState {
  watchBudget: number
  setWatchBudget(budget: number): void
}

export function isValidBudget(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_WATCH_BUDGET && value <= MAX_WATCH_BUDGET
}

export const useLiveSettingsStore = create<LiveSettingsState>()(
  persist(
    (set) => ({
      watchBudget: DEFAULT_WATCH_BUDGET,
      setWatchBudget: (watchBudget) => set({ watchBudget }),
    }),
    {
      name: 'zk-console.live',
      version: 1,
      partialize: (s) => ({ watchBudget: s.watchBudget }),
      // A hand-edited value must not reach the backend.
      merge: (persisted, current) => {
        const budget = (persisted as Partial<LiveSettingsState> | undefined)?.watchBudget
        return { ...current, watchBudget: typeof budget === 'number' && isValidBudget(budget) ? budget : current.watchBudget }
      },
    },
  ),
)
