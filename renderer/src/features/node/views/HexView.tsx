import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import { formatBytes, formatNumber } from '../../../i18n/format'
import { hexRow, hexRowCount } from '../hex-dump'
import type { ViewProps } from './view-props'

const ROW_HEIGHT = 20

/** Every byte, as offset | hex | ASCII rows in a virtual list: 1 MiB is 65,536 rows, of which only a screenful exist. */
export function HexView({ path, bytes }: ViewProps) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = hexRowCount(bytes.length)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer keeps its own state; nothing here is memoized by the compiler
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  })
  return (
    <div className="data-view">
      {count > 1 && (
        <p className="data-note">
          {t('inspector.hex.rows', { bytes: formatBytes(bytes.length, i18n.language), rows: formatNumber(count, i18n.language) })}
        </p>
      )}
      <div ref={scrollRef} className="hex-view" role="region" aria-label={t('inspector.hex.label', { path })} tabIndex={0}>
        <div className="hex-head" aria-hidden="true">
          <span className="hex-offset">{t('inspector.hex.offset')}</span>
          <span className="hex-bytes">00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f</span>
          <span className="hex-ascii">{t('inspector.hex.ascii')}</span>
        </div>
        <div className="hex-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = hexRow(bytes, item.index)
            return (
              <div key={item.index} className="hex-row" style={{ transform: `translateY(${item.start}px)` }}>
                <span className="hex-offset">{row.offset}</span>{'  '}
                <span className="hex-bytes">{row.hex}</span>{'  '}
                <span className="hex-ascii">{row.ascii}</span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
