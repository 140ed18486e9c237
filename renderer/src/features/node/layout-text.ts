/**
 * Words for a decoded binary layout, shared by its view and by "copy as
 * shown": field keys, enum values, and the whole layout as indented text.
 */
import type { TFunction } from 'i18next'
import type { FieldKey, Layout, LayoutField, LayoutValue } from '../../../../shared/zk/layout-types'
import { formatIso } from '../../i18n/format'

export function layoutKeyLabel(key: FieldKey, t: TFunction): string {
  if ('name' in key) return key.name
  if ('field' in key) return t('inspector.layout.field', { number: key.field })
  if ('item' in key) return t('inspector.layout.item', { number: key.item })
  return t(`inspector.layout.labels.${key.label}`)
}

export function enumText(value: Extract<LayoutValue, { kind: 'enum' }>): string {
  return value.name ? `${value.name} (${value.value})` : value.value
}

/** Notes that say where the reading came from: the HBase writer, or that a bare number is a guess. */
export function layoutNotes(layout: Layout, t: TFunction): string[] {
  const notes: string[] = []
  if (layout.writer !== undefined) notes.push(t('inspector.layout.writer', { writer: layout.writer }))
  if (layout.kind === 'curatorInt32' || layout.kind === 'curatorInt64') {
    notes.push(t('inspector.layout.guess', { count: layout.kind === 'curatorInt32' ? 4 : 8 }))
  }
  return notes
}

function valueText(value: Exclude<LayoutValue, { kind: 'group' }>): string {
  switch (value.kind) {
    case 'text':
      return JSON.stringify(value.value)
    case 'number':
      return value.value
    case 'time':
      return `${value.value} (${formatIso(value.ms)})`
    case 'enum':
      return enumText(value)
    case 'bytes':
      return value.hex
  }
}

function fieldLines(fields: LayoutField[], t: TFunction, indent: string): string[] {
  return fields.flatMap(({ key, value }) => {
    const label = `${indent}${layoutKeyLabel(key, t)}:`
    return value.kind === 'group' ? [label, ...fieldLines(value.fields, t, `${indent}  `)] : [`${label} ${valueText(value)}`]
  })
}

/** The layout as readable text: its title, its notes, then one `name: value` line per field, nested by indent. */
export function layoutText(layout: Layout, t: TFunction): string {
  const fields = layout.fields.length > 0 ? fieldLines(layout.fields, t, '') : [t('inspector.layout.empty')]
  return [t(`inspector.layout.kinds.${layout.kind}`), ...layoutNotes(layout, t), ...fields].join('\n')
}
