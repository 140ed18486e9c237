import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { parseUrlValue } from '../../../../../shared/zk/url-value'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { CodeView } from '../CodeView'
import type { ViewProps } from './view-props'

/** A URL value (Dubbo's URL-encoded provider and consumer URLs): its parts and query parameters. */
export function UrlView({ path, text }: ViewProps) {
  const { t } = useTranslation()
  const url = useMemo(() => parseUrlValue(text), [text])
  const label = t('inspector.dataLabel', { path })
  if (!url) {
    return (
      <div className="data-view">
        <ErrorMessage tone="warning">{t('inspector.url.notUrl')}</ErrorMessage>
        <CodeView text={text} language="plain" label={label} wrap />
      </div>
    )
  }
  const parts: [string, string | undefined][] = [
    [t('inspector.url.protocol'), url.protocol],
    [t('inspector.url.user'), url.userInfo],
    [t('inspector.url.host'), url.host],
    [t('inspector.url.port'), url.port],
    [t('inspector.url.path'), url.path],
  ]
  return (
    <div className="data-view">
      {url.wasEncoded && <p className="data-note">{t('inspector.url.decoded')}</p>}
      <CodeView text={url.decoded} language="plain" label={label} wrap />
      <table className="kv-table url-parts">
        <tbody>
          {parts.map(([name, value]) =>
            value ? (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="mono">{value}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      {url.params.length > 0 && (
        <table className="grid-table url-params" aria-label={t('inspector.url.params')}>
          <thead>
            <tr>
              <th scope="col">{t('inspector.url.name')}</th>
              <th scope="col">{t('inspector.url.value')}</th>
            </tr>
          </thead>
          <tbody>
            {url.params.map(([name, value], index) => (
              <tr key={`${name}:${index}`}>
                <td className="mono">{name}</td>
                <td className="mono url-value">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
