import { useTranslation } from 'react-i18next'
import type { DiffEntry, DiffSide } from '../../../../shared/protocol/edit-api'
import { formatAclEntry } from '../../../../shared/zk/acl-spec'
import { formatBytes } from './format'

function sideText(side: DiffSide | undefined): string {
  if (!side?.data) return ''
  return side.data.text ?? `base64: ${side.data.base64}`
}

/** Each difference: added, removed, or changed with both sides' data (and ACLs) beside each other. */
export function DiffEntries({ entries }: { entries: readonly DiffEntry[] }) {
  const { t } = useTranslation()
  return (
    <ul className="edit-diff" aria-label={t('edit.diff.entries')}>
      {entries.map((entry) => (
        <li key={entry.rel} className={`edit-diff-entry edit-diff-${entry.kind}`} aria-label={`${t(`edit.diff.kind.${entry.kind}`)} ${entry.rel || '/'}`}>
          <div className="edit-diff-head">
            <span className={`edit-action edit-action-${entry.kind}`}>{t(`edit.diff.kind.${entry.kind}`)}</span>
            <span className="mono">{entry.rel || t('edit.diff.root')}</span>
            {entry.kind === 'changed' && (
              <span className="muted">
                {[entry.dataChanged ? t('edit.diff.dataChanged') : '', entry.aclChanged ? t('edit.diff.aclChanged') : ''].filter(Boolean).join(', ')}
              </span>
            )}
          </div>
          {entry.kind === 'changed' && entry.dataChanged && (
            <div className="edit-diff-sides">
              <pre aria-label={t('edit.diff.leftData')}>{entry.left?.data ? sideText(entry.left) : t('edit.diff.notShown', { size: formatBytes(entry.left?.size ?? 0) })}</pre>
              <pre aria-label={t('edit.diff.rightData')}>{entry.right?.data ? sideText(entry.right) : t('edit.diff.notShown', { size: formatBytes(entry.right?.size ?? 0) })}</pre>
            </div>
          )}
          {entry.kind === 'changed' && entry.aclChanged && (
            <div className="edit-diff-sides mono">
              <span>{entry.left?.acl?.map(formatAclEntry).join(', ')}</span>
              <span>{entry.right?.acl?.map(formatAclEntry).join(', ')}</span>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
