import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  onConfirm(): void
  onClose(): void
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      title={title}
      width={420}
      onClose={onClose}
      onSubmit={() => {
        onConfirm()
        onClose()
      }}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className={danger ? 'btn btn-primary btn-danger-fill' : 'btn btn-primary'}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="confirm-message">{message}</p>
    </Dialog>
  )
}
