import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { decodeLayout } from '../../../../../shared/zk/binary-layouts'
import type { LayoutField, LayoutValue } from '../../../../../shared/zk/layout-types'
import { formatIso, formatLocalTime } from '../../../i18n/format'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { enumText, layoutKeyLabel, layoutNotes } from '../layout-text'
import type { ViewProps } from './view-props'

function Value({ value, locale, t }: { value: LayoutValue; locale: string; t: TFunction }) {
  switch (value.kind) {
    case 'group':
      return <Fields fields={value.fields} locale={locale} t={t} />
    case 'text':
      return <span className="layout-text">{value.value}</span>
    case 'number':
      return <span className="layout-number">{value.value}</span>
    case 'time':
      return (
        <span className="layout-number" title={formatIso(value.ms)}>
          {value.value} <span className="layout-time">{formatLocalTime(value.ms, locale)}</span>
        </span>
      )
    case 'enum':
      return <span className="layout-enum">{enumText(value)}</span>
    case 'bytes':
      return <span className="layout-bytes">{value.hex}</span>
  }
}

function Fields({ fields, locale, t, label }: { fields: LayoutField[]; locale: string; t: TFunction; label?: string }) {
  return (
    <table className="kv-table layout-fields" aria-label={label}>
      <tbody>
        {fields.map((field, index) => (
          <tr key={index}>
            <th scope="row">{layoutKeyLabel(field.key, t)}</th>
            <td className="mono">
              <Value value={field.value} locale={locale} t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A documented binary layout (HBase, Curator) as a title and a table of named values; nested messages nest. */
export function LayoutView({ path, bytes }: ViewProps) {
  const { t, i18n } = useTranslation()
  const layout = useMemo(() => decodeLayout(bytes, path), [bytes, path])
  if (!layout) return <ErrorMessage tone="warning">{t('inspector.layout.notLayout')}</ErrorMessage>
  return (
    <div className="data-view layout-view">
      <p className="layout-title">{t(`inspector.layout.kinds.${layout.kind}`)}</p>
      {layoutNotes(layout, t).map((note) => (
        <p key={note} className="data-note">
          {note}
        </p>
      ))}
      {layout.fields.length === 0 ? (
        <p className="data-empty">{t('inspector.layout.empty')}</p>
      ) : (
        <Fields fields={layout.fields} locale={i18n.language} t={t} label={t('inspector.layout.label', { path })} />
      )}
    </div>
  )
}
