import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { parseJson, prettyJson } from '../../../../../shared/zk/json-text'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { CodeView } from '../CodeView'
import { JsonTree } from './JsonTree'
import type { ViewProps } from './view-props'
import { ViewModes } from './ViewModes'

/** JSON as a collapsible tree (default) or pretty source; invalid JSON as text, with where it breaks. */
export function JsonView({ path, text, mode, setMode }: ViewProps) {
  const { t } = useTranslation()
  const parsed = useMemo(() => parseJson(text), [text])
  const current = mode === 'source' ? 'source' : 'tree'
  const pretty = useMemo(() => (parsed.ok && current === 'source' ? prettyJson(parsed.value) : ''), [parsed, current])

  if (!parsed.ok) {
    const { error } = parsed
    return (
      <div className="data-view">
        <ErrorMessage tone="warning">
          {error.line === undefined
            ? t('inspector.json.invalidNoPosition', { message: error.message })
            : t('inspector.json.invalid', { message: error.message, line: error.line, column: error.column })}
        </ErrorMessage>
        <CodeView text={text} language="plain" label={t('inspector.dataLabel', { path })} wrap {...(error.line !== undefined ? { mark: { line: error.line, column: error.column ?? 1 } } : {})} />
      </div>
    )
  }
  const toolbar = (
    <ViewModes modes={['tree', 'source']} value={current} onChange={setMode} />
  )
  return (
    <div className="data-view">
      {current === 'tree' ? (
        <JsonTree key={path} value={parsed.value} label={t('inspector.json.label', { path })} toolbar={toolbar} />
      ) : (
        <>
          <div className="data-view-toolbar">{toolbar}</div>
          <CodeView text={pretty} language="json" label={t('inspector.dataLabel', { path })} />
        </>
      )}
    </div>
  )
}
