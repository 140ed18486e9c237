import { useTranslation } from 'react-i18next'
import { selectProgress, useEditStore } from '../../stores/edit-store'

/** Progress of a running operation (phase, counts, rate) with its cancel button. */
export function OperationProgress({ operationId, onCancel }: { operationId: string | null; onCancel(): void }) {
  const { t } = useTranslation()
  const progress = useEditStore(selectProgress(operationId))
  const phase = progress ? t(`edit.phase.${progress.phase}`) : t('edit.phase.starting')
  const counts = progress
    ? progress.total !== undefined
      ? t('edit.progressOf', { done: progress.done, total: progress.total })
      : t('edit.progressCount', { done: progress.done })
    : ''
  return (
    <div className="edit-progress" role="status" aria-label={t('edit.progressLabel')}>
      <div className="edit-progress-line">
        <span className="spinner" aria-hidden="true" />
        <span>
          {phase} {counts}
        </span>
        {progress && progress.failed > 0 && <span className="field-error">{t('edit.progressFailed', { count: progress.failed })}</span>}
        <span className="panel-toolbar-spacer" />
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('edit.cancelOperation')}
        </button>
      </div>
      <progress max={progress?.total ?? 1} value={progress?.total ? progress.done : undefined} aria-label={t('edit.progressLabel')} />
    </div>
  )
}
