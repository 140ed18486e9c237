import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CHARSETS, type Charset } from '../../../../shared/zk/charsets'
import { TEXT_FORMATS, type DataFormat, type Detection } from '../../../../shared/zk/format-detect'

interface DataToolbarProps {
  formats: readonly DataFormat[]
  format: DataFormat
  charset: Charset
  detection: Detection
  overridden: boolean
  onFormat(format: DataFormat): void
  onCharset(charset: Charset): void
  onReset(): void
  /** More choices after the charset (the gzip switch). */
  children?: ReactNode
}

/** "View as" and "Charset" choices; the detected format is marked, and a reset goes back to it. */
export function DataToolbar(props: DataToolbarProps) {
  const { t } = useTranslation()
  const { detection } = props
  return (
    <div className="data-choices">
      <label className="data-choice">
        <span>{t('inspector.view')}</span>
        <select className="select select-small" value={props.format} onChange={(event) => props.onFormat(event.target.value as DataFormat)}>
          {props.formats.map((format) => (
            <option key={format} value={format}>
              {format === detection.format && detection.reason !== 'empty'
                ? t('inspector.viewDetected', { format: t(`inspector.formats.${format}`) })
                : t(`inspector.formats.${format}`)}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FORMATS.has(props.format) && (
        <label className="data-choice">
          <span>{t('inspector.charset')}</span>
          <select className="select select-small" value={props.charset} onChange={(event) => props.onCharset(event.target.value as Charset)}>
            {CHARSETS.map((charset) => (
              <option key={charset} value={charset}>
                {charset === detection.charset && detection.reason !== 'binary'
                  ? t('inspector.viewDetected', { format: t(`inspector.charsets.${charset}`) })
                  : t(`inspector.charsets.${charset}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.children}
      {props.overridden && (
        <button type="button" className="btn btn-ghost btn-small" onClick={props.onReset}>
          {t('inspector.resetView')}
        </button>
      )}
    </div>
  )
}
