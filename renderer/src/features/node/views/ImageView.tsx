import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bytesToBase64 } from '../../../../../shared/zk/base64'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import type { ViewProps } from './view-props'

/** Small images (icons, sprites) are drawn larger, by a whole factor so the pixels stay sharp. */
function scale(width: number, height: number): number {
  const largest = Math.max(width, height, 1)
  return largest >= 128 ? 1 : Math.min(16, Math.floor(128 / largest))
}

/** Image bytes (PNG, JPEG, GIF, WebP) drawn by the browser, from a data: URL (allowed by the CSP's img-src). */
export function ImageView({ path, bytes, image }: ViewProps) {
  const { t } = useTranslation()
  const src = useMemo(() => `data:${image ?? 'application/octet-stream'};base64,${bytesToBase64(bytes)}`, [bytes, image])
  const [size, setSize] = useState<{ src: string; width: number; height: number } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  if (failed === src) return <ErrorMessage tone="warning">{t('inspector.image.failed')}</ErrorMessage>
  return (
    <div className="data-view">
      {size?.src === src && <p className="data-note">{t('inspector.image.size', { width: size.width, height: size.height, type: image ?? '' })}</p>}
      <div className="image-view">
        <img
          src={src}
          style={size?.src === src ? { width: size.width * scale(size.width, size.height) } : undefined}
          alt={t('inspector.image.alt', { path })}
          onLoad={(event) => setSize({ src, width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          onError={() => setFailed(src)}
        />
      </div>
    </div>
  )
}
