import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { parseJavaProperties } from '../../../../../shared/zk/java-properties'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { CodeView } from '../CodeView'
import { PropertiesTable } from './PropertiesTable'
import type { ViewProps } from './view-props'
import { ViewModes } from './ViewModes'

/** Java properties as a key/value table (escapes such as \uXXXX resolved) or as the stored source. */
export function PropertiesView({ path, text, mode, setMode }: ViewProps) {
  const { t } = useTranslation()
  const parsed = useMemo(() => parseJavaProperties(text), [text])
  const current = mode === 'source' ? 'source' : 'table'
  return (
    <div className="data-view">
      <div className="data-view-toolbar">
        <ViewModes modes={['table', 'source']} value={current} onChange={setMode} />
        <span className="data-note-inline">{t('inspector.properties.entries', { count: parsed.entries.length })}</span>
      </div>
      {parsed.issues.length > 0 && (
        <ErrorMessage tone="warning">
          {parsed.issues.slice(0, 3).map((issue) => (
            <div key={`${issue.line}:${issue.message}`}>{t('inspector.properties.issue', { ...issue })}</div>
          ))}
        </ErrorMessage>
      )}
      {parsed.duplicates.length > 0 && <p className="data-note">{t('inspector.properties.duplicates', { keys: parsed.duplicates.slice(0, 10).join(', ') })}</p>}
      {current === 'source' ? (
        <CodeView text={text} language="properties" label={t('inspector.dataLabel', { path })} />
      ) : parsed.entries.length === 0 ? (
        <p className="data-empty">{t('inspector.properties.none')}</p>
      ) : (
        <PropertiesTable entries={parsed.entries} label={t('inspector.properties.tableLabel', { path })} />
      )}
    </div>
  )
}
