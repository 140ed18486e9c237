import { useTranslation } from 'react-i18next'
import type { PreviewRoot } from '../../../../shared/protocol/edit-api'

/** Shown above the preview of a multi-selection: each selected subtree with its own count. */
export function PreviewRoots({ roots }: { roots: readonly PreviewRoot[] }) {
  const { t } = useTranslation()
  return (
    <ul className="edit-sample edit-roots" aria-label={t('edit.delete.roots')}>
      {roots.map((root) => (
        <li key={root.path}>
          <span className="mono">{root.path}</span>
          <span className="muted">
            {' — '}
            {t('edit.delete.rootCount', { count: root.nodeCount })}
            {root.ephemeralCount > 0 && `, ${t('edit.delete.rootEphemerals', { count: root.ephemeralCount })}`}
          </span>
        </li>
      ))}
    </ul>
  )
}
