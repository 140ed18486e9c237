import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Close } from '../../ui/icons'
import type { PanelNotice } from './use-tree-commands'

const INFO_MS = 5_000

/** One line under the tree for what a command did (copied, expanded) or why it did not; info fades on its own. */
export function PanelNoticeLine({ notice, onDismiss }: { notice: PanelNotice; onDismiss(): void }) {
  const { t } = useTranslation()
  useEffect(() => {
    if (notice.tone !== 'info') return
    const timer = setTimeout(onDismiss, INFO_MS)
    return () => clearTimeout(timer)
  }, [notice, onDismiss])
  return (
    <div className="panel-notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span className="panel-notice-text">{notice.text}</span>
      <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('app.dismiss')} title={t('app.dismiss')} onClick={onDismiss}>
        <Close size={12} />
      </button>
    </div>
  )
}
