import { useTranslation } from 'react-i18next'
import { IMPORT_ACTIONS, type ImportPlan } from '../../../../shared/protocol/edit-api'
import { formatBytes } from './format'

/** The dry run's plan: counts per action, then each node with what would happen to it. */
export function ImportPlanTable({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation()
  return (
    <section className="edit-plan" aria-label={t('edit.import.plan')}>
      <p role="status">
        {IMPORT_ACTIONS.map((action) => `${t(`edit.import.action.${action}`)}: ${plan.counts[action]}`).join(' · ')}
      </p>
      {plan.parseIssues.length > 0 && (
        <ul className="field-error edit-sample" aria-label={t('edit.import.parseIssues')}>
          {plan.parseIssues.map((issue, i) => (
            <li key={i}>{issue.line !== undefined ? t('edit.import.line', { line: issue.line, message: issue.message }) : issue.message}</li>
          ))}
        </ul>
      )}
      <div className="edit-table-wrap">
        <table className="grid-table edit-table" aria-label={t('edit.import.plan')}>
          <thead>
            <tr>
              <th scope="col">{t('edit.import.path')}</th>
              <th scope="col">{t('edit.import.actionColumn')}</th>
              <th scope="col">{t('edit.import.size')}</th>
              <th scope="col">{t('edit.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => (
              <tr key={item.path} data-action={item.action}>
                <td className="mono">{item.path}</td>
                <td>
                  <span className={`edit-action edit-action-${item.action}`}>{t(`edit.import.action.${item.action}`)}</span>
                </td>
                <td>
                  {item.currentSize !== undefined && item.action !== 'unchanged' ? `${formatBytes(item.currentSize)} → ` : ''}
                  {formatBytes(item.size)}
                </td>
                <td>{item.reason ?? [item.dataChanged ? t('edit.import.dataChanged') : '', item.aclChanged ? t('edit.import.aclChanged') : ''].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.itemsTruncated && <p className="field-hint">{t('edit.import.truncated')}</p>}
    </section>
  )
}
