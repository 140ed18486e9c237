import { useEffect, useEffectEvent, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { SearchRun } from '../../stores/search-store'
import { useSearchStore } from '../../stores/search-store'
import { formatBytes } from '../../i18n/format'
import { displayPath } from '../tree/znode-name'

interface SearchResultsProps {
  connectionId: string
  run: SearchRun
  active: number
  decode: boolean
  /** Reveal the result in the tree and open it; `showTree` also brings the Nodes tab to the front. */
  onReveal(path: string, showTree: boolean): void
}

const ROW = 24
const ROW_WITH_SNIPPET = 42

/**
 * Matches as they stream in, in a virtual listbox: a search may find 100,000
 * nodes, only the visible ones are in the DOM. Enter or a click reveals the
 * node in the tree and opens it; Shift+Enter or a double click also shows the
 * tree.
 */
export function SearchResults({ connectionId, run, active, decode, onReveal }: SearchResultsProps) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const { results } = run
  const idPrefix = `search-${connectionId}`

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (results[index]?.snippet !== undefined ? ROW_WITH_SNIPPET : ROW),
    overscan: 10,
  })

  const scrollToActive = useEffectEvent(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' })
  })
  useEffect(() => scrollToActive(), [active])

  const setActive = (index: number) => useSearchStore.getState().setActive(connectionId, index)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = results.length - 1
    if (last < 0) return
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), Home: 0, End: last }
    const target = moves[event.key]
    if (target !== undefined) setActive(target)
    else if (event.key === 'Enter' && active >= 0) {
      const match = results[active]
      if (match) onReveal(match.path, event.shiftKey)
    } else return
    event.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className="search-results"
      role="listbox"
      aria-label={t('search.results', { count: results.length })}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < results.length ? `${idPrefix}-${active}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => active < 0 && results.length > 0 && setActive(0)}
    >
      <div role="none" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = results[item.index]
          if (!match) return null
          const shown = displayPath(match.path, decode)
          return (
            <div
              key={item.index}
              id={`${idPrefix}-${item.index}`}
              role="option"
              aria-selected={item.index === active}
              aria-label={shown}
              aria-description={match.snippet}
              className="search-result"
              data-path={match.path}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              onClick={() => {
                setActive(item.index)
                onReveal(match.path, false)
              }}
              onDoubleClick={() => onReveal(match.path, true)}
            >
              <span className="search-result-path mono" title={match.path}>
                {shown}
                {match.stat.dataLength > 0 && <span className="search-result-size">{formatBytes(match.stat.dataLength, i18n.language)}</span>}
              </span>
              {match.snippet !== undefined && <span className="search-result-snippet mono">{match.snippet}</span>}
            </div>
          )
        })}
      </div>
    </div>
  )
}
