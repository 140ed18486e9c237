/** The timeline's filter per connection, kept while the user switches between the workspace's views. */
import { create } from 'zustand'
import { ALL_KINDS, type TimelineFilter } from './timeline-filter'

export interface TimelineViewState {
  filters: Readonly<Record<string, TimelineFilter>>
  setFilter(connectionId: string, filter: TimelineFilter): void
}

export const useTimelineViewStore = create<TimelineViewState>()((set) => ({
  filters: {},
  setFilter: (connectionId, filter) => set((s) => ({ filters: { ...s.filters, [connectionId]: filter } })),
}))

export const selectFilter =
  (connectionId: string) =>
  (s: TimelineViewState): TimelineFilter =>
    s.filters[connectionId] ?? ALL_KINDS
