import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../i18n/format'
import type { DataSource } from './use-data-source'

/** "gzip: 1.2 KiB compressed → 8 KiB" for gzip data (also while it decompresses, and when it is shown compressed). */
export function GzipBadge({ source }: { source: DataSource }) {
  const { t, i18n } = useTranslation()
  const compressed = formatBytes(source.raw.length, i18n.language)
  let text: string
  if (source.status === 'pending') text = t('inspector.gzipPending', { compressed })
  else if (source.status === 'ready' && source.gzip) {
    const size = formatBytes(source.gzip.size, i18n.language)
    text = t(source.gzip.truncated ? 'inspector.gzipCut' : 'inspector.gzip', { compressed, size })
  } else if (source.raw[0] === 0x1f && source.raw[1] === 0x8b) text = t('inspector.gzipCompressed', { compressed })
  else return null
  return <span className="badge badge-warning gzip-badge">{text}</span>
}
