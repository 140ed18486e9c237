import { useTranslation } from 'react-i18next'
import { useEditStore } from '../../stores/edit-store'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { answerWrite } from './write-guard'

/** Shows the oldest pending write confirmation of a connection (production-tagged ones ask before every write). */
export function WriteConfirmHost({ connectionId, name }: { connectionId: string; name: string }) {
  const { t } = useTranslation()
  const pending = useEditStore((s) => s.confirms.find((c) => c.connectionId === connectionId))
  if (!pending) return null
  return (
    <ConfirmDialog
      key={pending.id}
      title={t('edit.guard.title', { name })}
      message={t('edit.guard.message', { action: pending.action, name })}
      confirmLabel={t('edit.guard.confirm')}
      danger
      onConfirm={() => answerWrite(pending.id, true)}
      onClose={() => answerWrite(pending.id, false)}
    />
  )
}
