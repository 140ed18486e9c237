import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNoticesStore, type Notice } from '../stores/notices-store'
import { describeError } from '../i18n/describe-error'
import { Alert, Close } from '../ui/icons'

const INFO_MS = 4000

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation()
  const dismiss = useNoticesStore((s) => s.dismiss)

  useEffect(() => {
    // Errors stay until dismissed: they may explain why something is missing.
    if (notice.kind !== 'info') return
    const timer = setTimeout(() => dismiss(notice.id), INFO_MS)
    return () => clearTimeout(timer)
  }, [notice, dismiss])

  const text = notice.key && notice.values
    ? t(notice.key, notice.values)
    : notice.error
      ? describeError(t, notice.error)
      : ''
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.kind === 'error' && <Alert />}
      <span>{text}</span>
      <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('app.dismiss')} onClick={() => dismiss(notice.id)}>
        <Close size={14} />
      </button>
    </div>
  )
}

export function Notices() {
  const { t } = useTranslation()
  const notices = useNoticesStore((s) => s.notices)
  if (notices.length === 0) return null
  return (
    <section className="notices" aria-label={t('app.notices')}>
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </section>
  )
}
