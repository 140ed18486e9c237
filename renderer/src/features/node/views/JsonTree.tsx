import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { JsonValue } from '../../../../../shared/zk/json-text'
import { allContainerIds, flattenJson, initialExpanded, type JsonRow } from '../json-tree-rows'
import { JsonValuePreview, jsonRowLabel } from './JsonValuePreview'

const ROW_HEIGHT = 22
/** Expand-all stops here: beyond it the user expands what they need. */
const EXPAND_ALL_LIMIT = 20_000

/**
 * A collapsible JSON tree as a WAI-ARIA tree over a virtual list: only rows
 * on screen are in the DOM, and children are laid out only when expanded.
 * Focus stays on the container, aria-activedescendant names the row.
 */
export function JsonTree({ value, label, toolbar }: { value: JsonValue; label: string; toolbar?: ReactNode }) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => initialExpanded(value))
  const [focused, setFocused] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const rows = useMemo(() => flattenJson(value, expanded), [value, expanded])
  const focusedIndex = Math.max(0, rows.findIndex((row) => row.id === focused))
  const idPrefix = useId()

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (!indexes.includes(focusedIndex)) indexes.push(focusedIndex)
      return indexes.sort((a, b) => a - b)
    },
    [focusedIndex],
  )
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; nothing here is memoized by the compiler
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    rangeExtractor,
  })

  const toggle = (row: JsonRow) => {
    if (row.size === 0) return
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(row.id)) next.delete(row.id)
      else next.add(row.id)
      return next
    })
  }

  const focusRow = (index: number) => {
    const row = rows[index]
    if (!row) return
    setFocused(row.id)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[focusedIndex]
    if (!row) return
    const container = row.size > 0
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(focusedIndex + 1),
      ArrowUp: () => focusRow(focusedIndex - 1),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      Enter: () => toggle(row),
      ArrowRight: () => (container && !row.expanded ? toggle(row) : container ? focusRow(focusedIndex + 1) : undefined),
      ArrowLeft: () => {
        if (row.expanded) return toggle(row)
        for (let i = focusedIndex - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < row.depth) return focusRow(i)
      },
    }
    const action = keys[event.key]
    if (!action) return
    event.preventDefault()
    action()
  }

  const expandAll = () => {
    const all = allContainerIds(value, EXPAND_ALL_LIMIT)
    setNote(all ? null : t('inspector.json.tooLarge'))
    if (all) setExpanded(all)
  }

  return (
    <div className="json-tree-wrap">
      <div className="json-tree-actions">
        {toolbar}
        <button type="button" className="btn btn-ghost btn-small" onClick={expandAll}>
          {t('inspector.json.expandAll')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setExpanded(new Set(['']))}>
          {t('inspector.json.collapseAll')}
        </button>
        {note && <span className="data-note-inline">{note}</span>}
      </div>
      <div
        ref={scrollRef}
        className="json-tree"
        role="tree"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={`${idPrefix}-${focusedIndex}`}
        onKeyDown={onKeyDown}
      >
        <div role="none" className="json-tree-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <div
                key={row.id}
                id={`${idPrefix}-${item.index}`}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={row.size > 0 ? row.expanded : undefined}
                aria-selected={item.index === focusedIndex}
                aria-label={jsonRowLabel(row, t)}
                className="json-row"
                data-focused={item.index === focusedIndex || undefined}
                style={{ transform: `translateY(${item.start}px)`, paddingLeft: row.depth * 16 + 4 }}
                onClick={() => {
                  setFocused(row.id)
                  toggle(row)
                  scrollRef.current?.focus({ preventScroll: true })
                }}
              >
                <span className="json-twisty" data-expanded={row.expanded || undefined} data-leaf={row.size === 0 || undefined} />
                {row.key !== null && (
                  <>
                    <span className={typeof row.key === 'number' ? 'json-index' : 'json-key'}>{typeof row.key === 'number' ? row.key : JSON.stringify(row.key)}</span>
                    <span className="json-colon">: </span>
                  </>
                )}
                <JsonValuePreview row={row} />
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
