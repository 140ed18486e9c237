import { useTranslation } from 'react-i18next'
import { CodeView } from '../CodeView'
import type { ViewProps } from './view-props'

/** The decoded text, wrapped, with control characters drawn visibly. */
export function TextView({ path, text }: ViewProps) {
  const { t } = useTranslation()
  return <CodeView text={text} language="plain" label={t('inspector.dataLabel', { path })} wrap />
}
