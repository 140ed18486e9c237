import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { JsonNumber } from '../../../../../shared/zk/json-text'
import type { JsonRow } from '../json-tree-rows'

/** Past this a string is cut in the row; the full text is in the tooltip and the source view. */
const MAX_SHOWN = 400

/** One value of the JSON tree, coloured by type; containers show their size. */
export function JsonValuePreview({ row }: { row: JsonRow }) {
  const { t } = useTranslation()
  const { kind, value } = row
  if (kind === 'object' || kind === 'array') {
    const open = kind === 'object' ? '{' : '['
    const close = kind === 'object' ? '}' : ']'
    const count = kind === 'object' ? t('inspector.json.keys', { count: row.size }) : t('inspector.json.items', { count: row.size })
    return (
      <>
        <span className="json-punct">{row.size === 0 ? `${open}${close}` : row.expanded ? open : `${open}…${close}`}</span>
        {row.size > 0 && <span className="json-count">{count}</span>}
      </>
    )
  }
  if (kind === 'string') {
    const full = JSON.stringify(value)
    const cut = full.length > MAX_SHOWN
    return (
      <span className="json-string" title={cut ? full.slice(0, 10_000) : undefined}>
        {cut ? `${full.slice(0, MAX_SHOWN)}…` : full}
      </span>
    )
  }
  const text = value instanceof JsonNumber ? value.source : String(value)
  return <span className={`json-${kind}`}>{text}</span>
}

/** A row's accessible name: `"key": value`, containers by their size ("servers": 2 items). */
export function jsonRowLabel(row: JsonRow, t: TFunction): string {
  const key = row.key === null ? '' : typeof row.key === 'number' ? `${row.key}: ` : `${JSON.stringify(row.key)}: `
  const { kind, value } = row
  let text: string
  if (kind === 'object' || kind === 'array') {
    text = row.size === 0 ? (kind === 'object' ? '{}' : '[]') : kind === 'object' ? t('inspector.json.keys', { count: row.size }) : t('inspector.json.items', { count: row.size })
  } else if (kind === 'string') {
    const full = JSON.stringify(value)
    text = full.length > MAX_SHOWN ? `${full.slice(0, MAX_SHOWN)}…` : full
  } else {
    text = value instanceof JsonNumber ? value.source : String(value)
  }
  return key + text
}
