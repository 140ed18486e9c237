import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { PropertyEntry } from '../../../../../shared/zk/java-properties'

const ROW_HEIGHT = 24

/** Key, value and line of each entry, as an ARIA table over a virtual list (a 1 MiB file has thousands of entries). */
export function PropertiesTable({ entries, label }: { entries: readonly PropertyEntry[]; label: string }) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; nothing here is memoized by the compiler
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  return (
    <div ref={scrollRef} className="props-table" role="table" aria-label={label} aria-rowcount={entries.length + 1} tabIndex={0}>
      <div role="rowgroup" className="props-head">
        <div role="row" className="props-row" aria-rowindex={1}>
          <span role="columnheader">{t('inspector.properties.key')}</span>
          <span role="columnheader">{t('inspector.properties.value')}</span>
          <span role="columnheader" className="props-line">{t('inspector.properties.line')}</span>
        </div>
      </div>
      <div role="rowgroup" className="props-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]
          if (!entry) return null
          return (
            <div key={item.index} role="row" className="props-row" aria-rowindex={item.index + 2} style={{ transform: `translateY(${item.start}px)` }}>
              <span role="cell" className="props-key" title={entry.key}>{entry.key}</span>
              <span role="cell" className="props-value" title={entry.value}>{entry.value}</span>
              <span role="cell" className="props-line">{entry.line}</span>
            </div>
          )
        })}
      </div>
    </div>
  )
}
