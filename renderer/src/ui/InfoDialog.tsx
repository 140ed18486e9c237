import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

/** A dialog that only shows or sets things as they change: its one button (and Enter) closes it. */
export function InfoDialog({ title, width, onClose, children }: { title: string; width?: number; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Dialog
      title={title}
      {...(width ? { width } : {})}
      onClose={onClose}
      onSubmit={onClose}
      footer={
        <button type="submit" className="btn btn-primary">
          {t('app.close')}
        </button>
      }
    >
      {children}
    </Dialog>
  )
}
