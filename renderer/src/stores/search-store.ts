/**
 * Subtree searches, one per connection: the form as the user left it, which
 * side panel is in front, and the current run with its streamed results.
 * Results are appended in place with `resultsRev` bumped (a run may hold
 * 100,000 matches; copying them for every progress event would not scale).
 */
import { create } from 'zustand'
import type { ErrorInfo } from '../../../shared/protocol/errors'
import type {
  DATA_MATCH_MODES,
  PATH_MATCH_MODES,
  SEARCH_ENCODINGS,
  SearchMatch,
  SearchProgress,
  SearchSummary,
} from '../../../shared/protocol/tree-api'

export type SidePanel = 'nodes' | 'search'
export type PathMode = (typeof PATH_MATCH_MODES)[number]
export type DataMode = (typeof DATA_MATCH_MODES)[number]
export type SearchEncoding = (typeof SEARCH_ENCODINGS)[number]

export interface SearchForm {
  root: string
  /** Until the user edits the root, it follows the selected node. */
  rootTouched: boolean
  pathPattern: string
  pathMode: PathMode
  pathCase: boolean
  dataPattern: string
  dataMode: DataMode
  encoding: SearchEncoding
  dataCase: boolean
  maxDepth: number
  maxNodes: number
  maxResults: number
}

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed'

/** What a run was asked for, kept for its summary (the form may change meanwhile). */
export interface RunScope {
  root: string
  maxDepth: number
  maxNodes: number
  maxResults: number
}

export interface SearchRun extends RunScope {
  searchId: string
  status: RunStatus
  visited: number
  matched: number
  rate: number
  results: SearchMatch[]
  resultsRev: number
  summary?: SearchSummary
  error?: ErrorInfo
}

export interface ConnectionSearch {
  panel: SidePanel
  form: SearchForm
  run: SearchRun | null
  /** Index of the active result. */
  active: number
}

export const DEFAULT_FORM: SearchForm = {
  root: '/',
  rootTouched: false,
  pathPattern: '',
  pathMode: 'substring',
  pathCase: false,
  dataPattern: '',
  dataMode: 'text',
  encoding: 'utf-8',
  dataCase: false,
  maxDepth: 50,
  maxNodes: 100_000,
  maxResults: 1_000,
}

export interface SearchStoreState {
  searches: Readonly<Record<string, ConnectionSearch>>
  setPanel(connectionId: string, panel: SidePanel): void
  updateForm(connectionId: string, patch: Partial<SearchForm>): void
  begin(connectionId: string, searchId: string, scope: RunScope): void
  /** Applies a batch of streamed progress events (several searches may be in it). */
  applyProgress(events: readonly SearchProgress[]): void
  finish(connectionId: string, searchId: string, summary: SearchSummary): void
  /** The call ended without a summary: cancelled by the user, or failed. */
  end(connectionId: string, searchId: string, status: 'cancelled' | 'failed', error?: ErrorInfo): void
  setActive(connectionId: string, index: number): void
  drop(connectionId: string): void
}

export function emptySearch(): ConnectionSearch {
  return { panel: 'nodes', form: DEFAULT_FORM, run: null, active: -1 }
}

export const useSearchStore = create<SearchStoreState>()((set) => {
  const update = (connectionId: string, change: (search: ConnectionSearch) => ConnectionSearch | null) =>
    set((s) => {
      const search = s.searches[connectionId] ?? emptySearch()
      const next = change(search)
      return next && next !== search ? { searches: { ...s.searches, [connectionId]: next } } : s
    })
  const updateRun = (connectionId: string, searchId: string, change: (run: SearchRun) => SearchRun) =>
    update(connectionId, (search) => (search.run?.searchId === searchId ? { ...search, run: change(search.run) } : null))

  return {
    searches: {},
    setPanel: (connectionId, panel) => update(connectionId, (search) => (search.panel === panel ? null : { ...search, panel })),
    updateForm: (connectionId, patch) => update(connectionId, (search) => ({ ...search, form: { ...search.form, ...patch } })),
    begin: (connectionId, searchId, scope) =>
      update(connectionId, (search) => ({
        ...search,
        active: -1,
        run: { ...scope, searchId, status: 'running', visited: 0, matched: 0, rate: 0, results: [], resultsRev: 0 },
      })),
    applyProgress: (events) =>
      set((s) => {
        let searches = s.searches
        for (const event of events) {
          const entry = Object.entries(searches).find(([, search]) => search.run?.searchId === event.searchId)
          if (!entry) continue
          const [connectionId, search] = entry
          const run = search.run as SearchRun
          if (event.matches.length > 0) run.results.push(...event.matches)
          // The summary may have come first (it is not batched); counts never go back.
          const next: SearchRun = {
            ...run,
            visited: Math.max(run.visited, event.visited),
            matched: Math.max(run.matched, event.matched),
            rate: run.status === 'running' ? event.rate : run.rate,
            resultsRev: run.resultsRev + 1,
          }
          searches = { ...searches, [connectionId]: { ...search, run: next } }
        }
        return searches === s.searches ? s : { searches }
      }),
    finish: (connectionId, searchId, summary) =>
      updateRun(connectionId, searchId, (run) => ({
        ...run,
        status: summary.stoppedBy === 'cancelled' ? 'cancelled' : 'done',
        visited: summary.visited,
        matched: summary.matched,
        rate: summary.elapsedMs > 0 ? Math.round(summary.visited / (summary.elapsedMs / 1000)) : run.rate,
        summary,
      })),
    end: (connectionId, searchId, status, error) =>
      updateRun(connectionId, searchId, (run) => (run.status === 'running' ? { ...run, status, ...(error ? { error } : {}) } : run)),
    setActive: (connectionId, index) => update(connectionId, (search) => (search.active === index ? null : { ...search, active: index })),
    drop: (connectionId) =>
      set((s) => {
        const { [connectionId]: _gone, ...rest } = s.searches
        return { searches: rest }
      }),
  }
})

/** For the event bridge: one store update per animation frame of progress events. */
export function applySearchProgress(events: readonly SearchProgress[]): void {
  useSearchStore.getState().applyProgress(events)
}

const EMPTY = emptySearch()

export const selectSearch =
  (connectionId: string) =>
  (s: SearchStoreState): ConnectionSearch =>
    s.searches[connectionId] ?? EMPTY
