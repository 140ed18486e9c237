import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TimelineEntry } from '../../stores/timeline-store'
import { describeEntry, formatEventTime } from './describe-entry'

const ROW_HEIGHT = 24

/**
 * The events as a table over a virtual list, newest first: only the rows on
 * screen are in the DOM, whatever the ring holds. aria-rowcount and
 * aria-rowindex tell assistive technology where each drawn row sits.
 */
export function TimelineList({ entries, label }: { entries: readonly TimelineEntry[]; label: string }) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; nothing here is memoized by the compiler
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => entries[index]?.id ?? index,
  })
  const locale = i18n.language

  return (
    <div className="timeline-table" role="table" aria-label={label} aria-rowcount={entries.length + 1}>
      <div role="rowgroup" className="timeline-head">
        <div role="row" aria-rowindex={1} className="timeline-row">
          <span role="columnheader">{t('timeline.columns.time')}</span>
          <span role="columnheader">{t('timeline.columns.type')}</span>
          <span role="columnheader">{t('timeline.columns.path')}</span>
          <span role="columnheader">{t('timeline.columns.details')}</span>
        </div>
      </div>
      <div ref={scrollRef} className="timeline-scroll" role="rowgroup" tabIndex={0}>
        <div className="timeline-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index]
            if (!entry) return null
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="timeline-row"
                data-kind={entry.kind}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className="timeline-time mono">
                  {formatEventTime(entry.at, locale)}
                </span>
                <span role="cell">
                  <span className="timeline-kind" data-kind={entry.kind}>
                    {t(`timeline.kinds.${entry.kind}`)}
                  </span>
                </span>
                <span role="cell" className="timeline-path mono" title={entry.path}>
                  {entry.path ?? ''}
                </span>
                <span role="cell" className="timeline-details">
                  {describeEntry(t, entry, locale)}
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
