/**
 * The node inspector's tabs of each connection, and what was last read for
 * each open node. Tabs work as in VS Code: a plain click in the tree shows
 * the node in the one "preview" tab (replacing what it showed); opening in a
 * new tab, pinning, or double-clicking a tab keeps it.
 *
 * The node state is plain data keyed by path: a fresh NodeResult (a re-read,
 * or a change pushed by a watch) simply replaces the old one, and the view
 * choices live elsewhere (view-prefs-store), so nothing on screen resets.
 */
import { create } from 'zustand'
import type { ErrorInfo } from '../../../shared/protocol/errors'
import type { NodeResult } from '../../../shared/protocol/types'
import type { NodeChange } from '../../../shared/protocol/watch-api'

export interface NodeTab {
  path: string
  /** The preview tab is replaced by the next node opened with a plain click. */
  preview: boolean
}

export interface NodeEntry {
  /** The last successful read (kept while a re-read runs, and after the node is deleted). */
  result?: NodeResult
  /** Why the last read failed, or NO_NODE once a watch said the node is gone. */
  error?: ErrorInfo
  /** A read is in flight. */
  loading: boolean
  /** Bumped to ask the loader for a fresh read. */
  reloadToken: number
  /** Wall-clock ms of the last result. */
  receivedAt?: number
}

export interface ConnectionTabs {
  tabs: readonly NodeTab[]
  active: string | null
  nodes: Readonly<Record<string, NodeEntry>>
}

export interface NodeTabsState {
  byConnection: Readonly<Record<string, ConnectionTabs>>
  /** Shows a node in the preview tab (or activates its tab if it has one). */
  showPreview(connectionId: string, path: string): void
  /** Opens a node in a tab of its own that a plain click will not replace. */
  openTab(connectionId: string, path: string): void
  pin(connectionId: string, path: string): void
  activate(connectionId: string, path: string): void
  /** Closes a tab; the neighbour to the right (else left) becomes active. Returns the new active path. */
  close(connectionId: string, path: string): string | null
  closeOthers(connectionId: string, path: string): void
  setLoading(connectionId: string, path: string, loading: boolean): void
  setResult(connectionId: string, result: NodeResult, at?: number): void
  setError(connectionId: string, path: string, error: ErrorInfo): void
  requestReload(connectionId: string, path: string): void
  /** Applies a change pushed by a watch to an open node: new data and Stat, or its deletion. */
  applyChange(change: NodeChange): void
  drop(connectionId: string): void
}

const EMPTY: ConnectionTabs = { tabs: [], active: null, nodes: {} }
const freshEntry = (): NodeEntry => ({ loading: false, reloadToken: 0 })

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record
  return rest
}

/** Inserts a tab after the active one, as editors do, and makes it active. */
function insertTab(c: ConnectionTabs, tab: NodeTab): ConnectionTabs {
  const at = c.active === null ? -1 : c.tabs.findIndex((t) => t.path === c.active)
  const tabs = at < 0 ? [...c.tabs, tab] : [...c.tabs.slice(0, at + 1), tab, ...c.tabs.slice(at + 1)]
  return { ...c, tabs, active: tab.path, nodes: c.nodes[tab.path] ? c.nodes : { ...c.nodes, [tab.path]: freshEntry() } }
}

export const useNodeTabsStore = create<NodeTabsState>()((set, get) => {
  const update = (connectionId: string, change: (c: ConnectionTabs) => ConnectionTabs | null) =>
    set((s) => {
      const current = s.byConnection[connectionId] ?? EMPTY
      const next = change(current)
      return next && next !== current ? { byConnection: { ...s.byConnection, [connectionId]: next } } : s
    })
  const updateEntry = (connectionId: string, path: string, change: (e: NodeEntry) => NodeEntry) =>
    update(connectionId, (c) => {
      const entry = c.nodes[path]
      // Only open nodes have state; a late answer for a closed tab is dropped.
      if (!entry) return null
      return { ...c, nodes: { ...c.nodes, [path]: change(entry) } }
    })

  return {
    byConnection: {},
    showPreview: (connectionId, path) =>
      update(connectionId, (c) => {
        if (c.tabs.some((t) => t.path === path)) return c.active === path ? null : { ...c, active: path }
        const preview = c.tabs.findIndex((t) => t.preview)
        if (preview < 0) return insertTab(c, { path, preview: true })
        const old = c.tabs[preview]?.path ?? ''
        const tabs = c.tabs.map((t, i) => (i === preview ? { path, preview: true } : t))
        return { tabs, active: path, nodes: { ...withoutKey(c.nodes, old), [path]: freshEntry() } }
      }),
    openTab: (connectionId, path) =>
      update(connectionId, (c) => {
        if (!c.tabs.some((t) => t.path === path)) return insertTab(c, { path, preview: false })
        return { ...c, active: path, tabs: c.tabs.map((t) => (t.path === path ? { path, preview: false } : t)) }
      }),
    pin: (connectionId, path) =>
      update(connectionId, (c) => {
        const tab = c.tabs.find((t) => t.path === path)
        if (!tab?.preview) return null
        return { ...c, tabs: c.tabs.map((t) => (t.path === path ? { path, preview: false } : t)) }
      }),
    activate: (connectionId, path) =>
      update(connectionId, (c) => (c.active === path || !c.tabs.some((t) => t.path === path) ? null : { ...c, active: path })),
    close: (connectionId, path) => {
      update(connectionId, (c) => {
        const index = c.tabs.findIndex((t) => t.path === path)
        if (index < 0) return null
        const tabs = c.tabs.filter((t) => t.path !== path)
        const neighbour = tabs[index] ?? tabs[index - 1]
        const active = c.active === path ? (neighbour?.path ?? null) : c.active
        return { tabs, active, nodes: withoutKey(c.nodes, path) }
      })
      return get().byConnection[connectionId]?.active ?? null
    },
    closeOthers: (connectionId, path) =>
      update(connectionId, (c) => {
        const tab = c.tabs.find((t) => t.path === path)
        const entry = c.nodes[path]
        if (!tab || !entry) return null
        return { tabs: [tab], active: path, nodes: { [path]: entry } }
      }),
    setLoading: (connectionId, path, loading) => updateEntry(connectionId, path, (e) => (e.loading === loading ? e : { ...e, loading })),
    setResult: (connectionId, result, at = Date.now()) =>
      updateEntry(connectionId, result.path, (e) => ({ loading: false, reloadToken: e.reloadToken, result, receivedAt: at })),
    setError: (connectionId, path, error) => updateEntry(connectionId, path, (e) => ({ ...e, loading: false, error })),
    requestReload: (connectionId, path) => updateEntry(connectionId, path, (e) => ({ ...e, reloadToken: e.reloadToken + 1 })),
    applyChange: (change) =>
      updateEntry(change.connectionId, change.path, (e) => {
        if (change.change === 'deleted') {
          return { ...e, error: { code: 'NO_NODE', message: 'deleted', path: change.path } }
        }
        const { data, stat } = change
        if ((change.change === 'data' || change.change === 'created') && data && stat && e.result) {
          return { ...e, error: undefined, result: { ...e.result, data, stat }, receivedAt: change.at }
        }
        if (change.change === 'children' && stat && e.result && !e.error) return { ...e, result: { ...e.result, stat } }
        // Anything else (created again, a change without the new state): read the node again.
        return { ...e, reloadToken: e.reloadToken + 1 }
      }),
    drop: (connectionId) => set((s) => (s.byConnection[connectionId] ? { byConnection: withoutKey(s.byConnection, connectionId) } : s)),
  }
})

export const selectTabs =
  (connectionId: string) =>
  (s: NodeTabsState): ConnectionTabs =>
    s.byConnection[connectionId] ?? EMPTY

export const selectEntry =
  (connectionId: string, path: string | null) =>
  (s: NodeTabsState): NodeEntry | undefined =>
    path === null ? undefined : s.byConnection[connectionId]?.nodes[path]

/** Paths open in the inspector of a connection: what the live view should keep a data watch on. */
export const selectOpenPaths =
  (connectionId: string) =>
  (s: NodeTabsState): readonly NodeTab[] =>
    s.byConnection[connectionId]?.tabs ?? EMPTY.tabs
