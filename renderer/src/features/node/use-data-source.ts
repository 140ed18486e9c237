import { useEffect, useMemo, useState } from 'react'
import type { NodeData } from '../../../../shared/protocol/types'
import { base64ToBytes } from '../../../../shared/zk/base64'
import { isGzip } from '../../../../shared/zk/node-data'
import { gunzip } from './gunzip'

export interface GzipInfo {
  compressedSize: number
  size: number
  truncated: boolean
}

/** The bytes the views show: the raw bytes, or what gzip data decompresses to. */
export type DataSource =
  | { status: 'ready'; bytes: Uint8Array; raw: Uint8Array; gzip?: GzipInfo }
  | { status: 'pending'; raw: Uint8Array }
  | { status: 'failed'; bytes: Uint8Array; raw: Uint8Array; message: string }

/**
 * Decodes the base64 once per value, and decompresses gzip data unless the
 * user asked to see the compressed bytes. Decompression is asynchronous; the
 * result is keyed by the base64 it came from, so a newer value never shows
 * an older value's decompressed bytes.
 */
export function useDataSource(data: NodeData, showCompressed: boolean): DataSource {
  const raw = useMemo(() => base64ToBytes(data.base64), [data.base64])
  const gzip = isGzip(raw)
  const [inflated, setInflated] = useState<{ base64: string; result: { bytes: Uint8Array; truncated: boolean } | { error: string } } | null>(null)

  useEffect(() => {
    if (!gzip || showCompressed) return
    let cancelled = false
    gunzip(raw).then(
      (result) => !cancelled && setInflated({ base64: data.base64, result }),
      (error: unknown) => !cancelled && setInflated({ base64: data.base64, result: { error: error instanceof Error ? error.message : String(error) } }),
    )
    return () => {
      cancelled = true
    }
  }, [gzip, showCompressed, raw, data.base64])

  if (!gzip || showCompressed) return { status: 'ready', bytes: raw, raw }
  if (inflated?.base64 !== data.base64) return { status: 'pending', raw }
  const result = inflated.result
  if ('error' in result) return { status: 'failed', bytes: raw, raw, message: result.error }
  return { status: 'ready', bytes: result.bytes, raw, gzip: { compressedSize: raw.length, size: result.bytes.length, truncated: result.truncated } }
}
