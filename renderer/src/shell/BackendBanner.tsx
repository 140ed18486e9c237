import { useTranslation } from 'react-i18next'
import { useAppStore } from '../stores/app-store'
import { Alert } from '../ui/icons'

/** Shown when the transport to the backend closed (or never opened): nothing works until a reload. */
export function BackendBanner() {
  const { t } = useTranslation()
  const lost = useAppStore((s) => s.backendLost)
  const missingToken = useAppStore((s) => s.missingToken)
  const desktop = typeof window.zkBridge !== 'undefined'
  if (!lost && !missingToken) return null
  return (
    <div className="backend-banner" role="alert">
      <Alert />
      <span>{missingToken ? t('app.noToken') : desktop ? t('app.backendLostDesktop') : t('app.backendLost')}</span>
      {!desktop && !missingToken && (
        <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      )}
    </div>
  )
}
