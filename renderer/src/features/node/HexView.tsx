import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { NodeData } from '../../../../shared/protocol/types'
import { base64ToBytes } from '../../../../shared/zk/base64'
import { formatNumber } from '../../i18n/format'
import { HEX_PREVIEW_BYTES, hexDump } from './hex-dump'

/** A hex preview of the raw bytes (the first 4 KiB), straight from the base64 the backend sent. */
export function HexView({ data }: { data: NodeData }) {
  const { t, i18n } = useTranslation()
  const dump = useMemo(() => hexDump(base64ToBytes(data.base64)), [data.base64])
  return (
    <div className="data-hex">
      {data.size > HEX_PREVIEW_BYTES && (
        <p className="data-note">
          {t('node.hexTruncated', {
            shown: formatNumber(HEX_PREVIEW_BYTES, i18n.language),
            total: formatNumber(data.size, i18n.language),
          })}
        </p>
      )}
      <pre className="data-hexdump" tabIndex={0}>{dump}</pre>
    </div>
  )
}
