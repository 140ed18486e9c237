import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { parseXml, prettyXml } from '../../../../../shared/zk/xml-text'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { CodeView } from '../CodeView'
import type { ViewProps } from './view-props'
import { ViewModes } from './ViewModes'

/** XML pretty-printed (or as stored), highlighted; malformed XML as text with where it breaks. */
export function XmlView({ path, text, mode, setMode }: ViewProps) {
  const { t } = useTranslation()
  const parsed = useMemo(() => parseXml(text), [text])
  const current = mode === 'original' ? 'original' : 'pretty'
  const pretty = useMemo(() => (parsed.ok && current === 'pretty' ? prettyXml(parsed.tokens) : text), [parsed, current, text])
  const label = t('inspector.dataLabel', { path })

  if (!parsed.ok) {
    return (
      <div className="data-view">
        <ErrorMessage tone="warning">{t('inspector.xml.invalid', { ...parsed.error })}</ErrorMessage>
        <CodeView text={text} language="plain" label={label} wrap mark={parsed.error} />
      </div>
    )
  }
  return (
    <div className="data-view">
      <div className="data-view-toolbar">
        <ViewModes modes={['pretty', 'original']} value={current} onChange={setMode} />
      </div>
      <CodeView text={pretty} language="xml" label={label} />
    </div>
  )
}
