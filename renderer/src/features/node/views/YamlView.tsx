import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { CodeView } from '../CodeView'
import { formatBytes } from '../../../i18n/format'
import { useYamlCheck } from './use-yaml-check'
import type { ViewProps } from './view-props'

/** YAML as stored (comments and order matter in YAML), highlighted, with the first problem the parser finds. */
export function YamlView({ path, text }: ViewProps) {
  const { t, i18n } = useTranslation()
  const check = useYamlCheck(text)
  return (
    <div className="data-view">
      {check === 'checking' ? (
        <p className="data-note" role="status">
          {t('inspector.yaml.checking', { size: formatBytes(text.length, i18n.language) })}
        </p>
      ) : check.skipped ? (
        <p className="data-note">{t('inspector.yaml.notChecked', { size: formatBytes(text.length, i18n.language) })}</p>
      ) : check.error ? (
        <ErrorMessage tone="warning">{t('inspector.yaml.invalid', { ...check.error })}</ErrorMessage>
      ) : check.warning ? (
        <ErrorMessage tone="warning">{t('inspector.yaml.warning', { ...check.warning })}</ErrorMessage>
      ) : (
        check.documents > 1 && <p className="data-note">{t('inspector.yaml.documents', { count: check.documents })}</p>
      )}
      <CodeView text={text} language="yaml" label={t('inspector.dataLabel', { path })} {...(check !== 'checking' && check.error ? { mark: check.error } : {})} />
    </div>
  )
}
