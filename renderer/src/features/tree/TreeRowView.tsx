import { memo, type MouseEvent } from 'react'
import type { TFunction } from 'i18next'
import type { TreeRow } from '../../stores/tree-rows'
import { useTreeStore } from '../../stores/tree-store'
import { isEphemeral } from '../../../../shared/zk/stat'
import { formatBytes, formatNumber } from '../../i18n/format'
import { decodeName } from './znode-name'
import { viewBadge } from './view-badge'

export const ROW_HEIGHT = 22

/** Ctrl/⌘ toggles the row in the multi-selection; Shift marks a range. */
export interface RowClick {
  toggle: boolean
  range: boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const INDENT = 14

interface TreeRowViewProps {
  connectionId: string
  row: TreeRow
  id: string
  top: number
  focused: boolean
  /** In the multi-selection. */
  marked: boolean
  /** Whether a multi-selection exists: then it, not the focused row, is what is selected. */
  marking: boolean
  expanded: boolean
  loading: boolean
  /** Why listing its children failed, in words. */
  error: string | undefined
  /** Show an URL-encoded name decoded (the raw name goes to the tooltip). */
  decode: boolean
  onRowClick(path: string, how: RowClick): void
  onRowMenu(path: string, x: number, y: number): void
  onToggle(path: string): void
  /** Passed down rather than taken from context: thousands of rows mount while scrolling. */
  t: TFunction
  locale: string
}

/**
 * One treeitem. Its accessible name is the znode's name as shown; the details
 * (children, size, ephemeral, a sort or filter on its children) are drawn
 * beside it and given as a description. Stats come from the cache, filled for
 * rows on screen. Icons are CSS masks, not inline SVG: a fast scroll mounts
 * thousands of rows, and every SVG is a handful of DOM nodes.
 */
export const TreeRowView = memo(function TreeRowView(props: TreeRowViewProps) {
  const { connectionId, row, id, top, focused, marked, marking, expanded, loading, error, decode, onRowClick, onRowMenu, onToggle, t, locale } = props
  const cell = useTreeStore((s) => s.trees[connectionId]?.stats.get(row.path))
  const names = useTreeStore((s) => s.trees[connectionId]?.children[row.path])
  const view = useTreeStore((s) => s.trees[connectionId]?.views[row.path])
  const stat = cell?.stat
  const hasChildren = names ? names.length > 0 : stat ? stat.numChildren > 0 : undefined
  const ephemeral = stat ? isEphemeral(stat) : false
  const missing = cell?.error === 'NO_NODE'
  // aria-expanded only on nodes that have (or may have, while loading) children.
  const expandable = hasChildren === true || (expanded && loading)
  const decoded = decode ? decodeName(row.name) : null
  const badge = view ? viewBadge(view, t, locale) : null

  const details: string[] = []
  if (stat && stat.numChildren > 0) details.push(t('tree.children', { count: stat.numChildren }))
  if (stat && stat.dataLength > 0) details.push(formatBytes(stat.dataLength, locale))
  if (ephemeral) details.push(t('tree.ephemeral'))
  if (badge) details.push(badge.description)
  if (decoded !== null) details.push(t('treeNav.decodedFrom', { raw: row.name }))

  const onTwisty = (event: MouseEvent) => {
    event.stopPropagation()
    onToggle(row.path)
  }

  return (
    <div
      id={id}
      role="treeitem"
      aria-level={row.depth}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={marking ? marked : focused}
      aria-label={decoded ?? row.name}
      aria-description={details.length > 0 ? details.join(', ') : undefined}
      aria-busy={loading || undefined}
      data-path={row.path}
      className="tree-row"
      data-focused={focused || undefined}
      data-marked={marked || undefined}
      data-missing={missing || undefined}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => onRowClick(row.path, { toggle: isMac ? event.metaKey : event.ctrlKey, range: event.shiftKey })}
      onDoubleClick={() => hasChildren !== false && onToggle(row.path)}
      onContextMenu={(event) => {
        event.preventDefault()
        onRowMenu(row.path, event.clientX, event.clientY)
      }}
    >
      <span className="tree-indent" style={{ width: (row.depth - 1) * INDENT }} />
      <span
        className="tree-twisty"
        data-expanded={expanded || undefined}
        data-leaf={hasChildren === false || loading || undefined}
        onClick={hasChildren === false ? undefined : onTwisty}>
        {loading && <span className="spinner" />}
      </span>
      <span className="tree-icon" data-kind={ephemeral ? 'ephemeral' : hasChildren || row.path === '/' ? 'folder' : 'leaf'} />
      <span className="tree-name" data-decoded={decoded !== null || undefined} title={decoded !== null ? row.name : undefined}>
        {decoded ?? row.name}
      </span>
      {error && <span className="tree-failed" title={error} />}
      <span className="tree-details" aria-hidden="true">
        {badge && (
          <span className="tree-view-badge" data-filtered={view?.filter ? true : undefined} title={badge.description}>
            {badge.text}
          </span>
        )}
        {ephemeral && (
          <span className="tree-ephemeral" title={t('tree.ephemeral')}>
            {t('tree.ephemeralShort')}
          </span>
        )}
        {stat && stat.numChildren > 0 && (
          <span className="tree-count" title={t('tree.children', { count: stat.numChildren })}>
            {formatNumber(stat.numChildren, locale)}
          </span>
        )}
        {stat && stat.dataLength > 0 && <span className="tree-size">{formatBytes(stat.dataLength, locale)}</span>}
      </span>
    </div>
  )
})
