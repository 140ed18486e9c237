import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { bytesToBase64 } from '../../../../../shared/zk/base64'
import { CodeView } from '../CodeView'
import type { ViewProps } from './view-props'

/** MIME's line length: short lines keep the editor fast (one 1.4 MB line would not be). */
const LINE = 76

export function wrapBase64(base64: string): string {
  const lines: string[] = []
  for (let i = 0; i < base64.length; i += LINE) lines.push(base64.slice(i, i + LINE))
  return lines.join('\n')
}

/** The bytes as base64, wrapped for reading. */
export function Base64View({ path, bytes }: ViewProps) {
  const { t } = useTranslation()
  const text = useMemo(() => wrapBase64(bytesToBase64(bytes)), [bytes])
  return (
    <div className="data-view">
      <p className="data-note">{t('inspector.base64.note')}</p>
      <CodeView text={text} language="plain" label={t('inspector.dataLabel', { path })} />
    </div>
  )
}
