import { useTranslation } from 'react-i18next'

/** "Edit", or the same button disabled with the reason it cannot be (shown as its tooltip and next to it). */
export function EditButton({ path, reason, onEdit }: { path: string; reason: string | undefined; onEdit(): void }) {
  const { t } = useTranslation()
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={reason !== undefined}
        title={reason ?? t('editor.editHint', { path })}
        aria-describedby={reason ? 'edit-blocked-reason' : undefined}
        onClick={onEdit}
      >
        {t('editor.edit')}
      </button>
      {reason && (
        <span id="edit-blocked-reason" className="edit-blocked muted">
          {reason}
        </span>
      )}
    </>
  )
}
