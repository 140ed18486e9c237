import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useApi } from '../../backend/client-context'
import { useTreeStore, type ConnectionTree } from '../../stores/tree-store'
import type { TreeRow } from '../../stores/tree-rows'
import { describeError } from '../../i18n/describe-error'
import { ROW_HEIGHT, TreeRowView, type RowClick } from './TreeRowView'
import type { TreeCommand } from './tree-keys'
import { expand, toggle } from './tree-actions'
import { useVisibleStats } from './use-visible-stats'
import { useTreeKeyboard } from './use-tree-keyboard'
import { displayName } from './znode-name'

interface TreeViewProps {
  connectionId: string
  tree: ConnectionTree
  label: string
  live: boolean
  /** Show URL-encoded names decoded. */
  decode: boolean
  /** Opens the context menu for `path` at a viewport point (the row's, from the keyboard). */
  onMenu(path: string, x: number, y: number): void
  onCommand(command: TreeCommand, path: string): void
}

const OPEN_DELAY_MS = 150
const OVERSCAN = 12

/**
 * The znode tree as a WAI-ARIA tree over a virtual list: only rows on screen
 * are in the DOM, whatever the number of loaded rows. Focus stays on the
 * container and aria-activedescendant points at the focused row, which is
 * always rendered (the range extractor adds it), so keyboard navigation works
 * even after the row was scrolled away with the mouse.
 */
export function TreeView({ connectionId, tree, label, live, decode, onMenu, onCommand }: TreeViewProps) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rows, focused } = tree
  const idPrefix = `tree-${connectionId}`

  const focusedIndex = useMemo(() => rows.findIndex((row) => row.path === focused), [rows, focused])
  const markedSet = useMemo(() => new Set(tree.marks.marked), [tree.marks.marked])

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (focusedIndex >= 0 && !indexes.includes(focusedIndex)) {
        indexes.push(focusedIndex)
        indexes.sort((a, b) => a - b)
      }
      return indexes
    },
    [focusedIndex],
  )

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; nothing here is memoized by the compiler
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
  })
  const items = virtualizer.getVirtualItems()
  // The rows on screen plus the overscan, not the items: those also hold the
  // focused row, which may be 100,000 rows away from the rest.
  const range = virtualizer.range
  const first = Math.max(0, (range?.startIndex ?? 0) - OVERSCAN)
  const last = Math.min(rows.length - 1, (range?.endIndex ?? -1) + OVERSCAN)

  useVisibleStats(api, connectionId, rows, first, last, tree.statsRev, live)

  // The root's children are the first thing to show once the session is up.
  const rootLoaded = tree.children['/'] !== undefined
  useEffect(() => {
    if (live && !rootLoaded) expand(api, connectionId, '/')
  }, [api, connectionId, live, rootLoaded])

  // Selection follows focus after a short pause, so holding an arrow key does not load every node passed.
  // An explicit open in the meantime (a click, a closed tab handing the open
  // node on) is newer than this focus move and wins: without that, closing the
  // last tab right after the one before it brought the node straight back.
  useEffect(() => {
    const openPath = () => useTreeStore.getState().trees[connectionId]?.openPath
    const openWhenFocused = openPath()
    const timer = setTimeout(() => {
      if (openPath() === openWhenFocused) useTreeStore.getState().open(connectionId, focused)
    }, OPEN_DELAY_MS)
    return () => clearTimeout(timer)
  }, [connectionId, focused])

  // Whatever moved the focus (keys, go-to-path, a search result, a breadcrumb), its row comes into view.
  const scrollToFocused = useEffectEvent(() => {
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' })
  })
  useEffect(() => scrollToFocused(), [focused])

  const label_ = useCallback((row: TreeRow) => displayName(row.name, decode), [decode])
  const moveFocus = (index: number) => {
    const row = rows[index]
    if (row) useTreeStore.getState().focus(connectionId, row.path)
  }
  const openMenuAtRow = (path: string) => {
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)
    const box = element?.getBoundingClientRect() ?? scrollRef.current?.getBoundingClientRect()
    onMenu(path, (box?.left ?? 0) + 24, (box?.bottom ?? 0) - 2)
  }
  const onKeyDown = useTreeKeyboard({ api, connectionId, tree, focusedIndex, label: label_, moveFocus, onMenu: openMenuAtRow, onCommand })

  const onRowClick = useCallback(
    (path: string, how: RowClick) => {
      const store = useTreeStore.getState()
      if (how.range) store.markRange(connectionId, path)
      else if (how.toggle) store.toggleMark(connectionId, path)
      else store.clearMarks(connectionId)
      store.focus(connectionId, path)
      store.open(connectionId, path)
      scrollRef.current?.focus({ preventScroll: true })
    },
    [connectionId],
  )
  const onRowMenu = useCallback(
    (path: string, x: number, y: number) => {
      const store = useTreeStore.getState()
      // A right-click outside the multi-selection is about that row alone, as in a file manager.
      if (!store.trees[connectionId]?.marks.marked.includes(path)) store.clearMarks(connectionId)
      store.focus(connectionId, path)
      scrollRef.current?.focus({ preventScroll: true })
      onMenu(path, x, y)
    },
    [connectionId, onMenu],
  )
  const onToggle = useCallback((path: string) => toggle(api, connectionId, path), [api, connectionId])

  return (
    <div
      ref={scrollRef}
      className="tree-scroll"
      role="tree"
      aria-label={label}
      aria-multiselectable="true"
      data-marking={markedSet.size > 0 || undefined}
      tabIndex={0}
      aria-activedescendant={focusedIndex >= 0 ? `${idPrefix}-${focusedIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="none" className="tree-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]
          if (!row) return null
          const loadError = tree.loadErrors[row.path]
          return (
            <TreeRowView
              key={row.path}
              connectionId={connectionId}
              row={row}
              id={`${idPrefix}-${item.index}`}
              top={item.start}
              focused={row.path === focused}
              marked={markedSet.has(row.path)}
              marking={markedSet.size > 0}
              expanded={Boolean(tree.expanded[row.path])}
              loading={Boolean(tree.loading[row.path])}
              error={loadError ? describeError(t, loadError) : undefined}
              decode={decode}
              onRowClick={onRowClick}
              onRowMenu={onRowMenu}
              onToggle={onToggle}
              t={t}
              locale={i18n.language}
            />
          )
        })}
      </div>
    </div>
  )
}
