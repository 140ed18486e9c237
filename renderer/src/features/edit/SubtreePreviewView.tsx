import { useTranslation } from 'react-i18next'
import type { SubtreePreview } from '../../../../shared/protocol/edit-api'
import { describeCode } from '../../i18n/describe-error'
import { formatBytes } from './format'

/** What a recursive operation would touch: counts, a sample of paths, ephemeral nodes and their owners. */
export function SubtreePreviewView({ preview }: { preview: SubtreePreview }) {
  const { t } = useTranslation()
  return (
    <section className="edit-preview" aria-label={t('edit.preview.title')}>
      <p role="status">
        {t(preview.truncated ? 'edit.preview.countTruncated' : 'edit.preview.count', {
          count: preview.nodeCount,
          depth: preview.depth,
          size: formatBytes(preview.dataBytes),
        })}
      </p>
      {preview.sample.length > 0 && (
        <ul className="edit-sample mono" aria-label={t('edit.preview.sample')}>
          {preview.sample.map((path) => (
            <li key={path}>{path}</li>
          ))}
          {preview.nodeCount > preview.sample.length && <li className="muted">{t('edit.preview.more', { count: preview.nodeCount - preview.sample.length })}</li>}
        </ul>
      )}
      {preview.ephemeralCount > 0 && (
        <div className="message message-warning">
          <div>
            <p>{t('edit.preview.ephemerals', { count: preview.ephemeralCount })}</p>
            <ul className="edit-sample mono" aria-label={t('edit.preview.ephemeralList')}>
              {preview.ephemerals.map((e) => (
                <li key={e.path}>
                  {e.path} — {e.ownedByThisSession ? t('edit.preview.ownedByUs') : t('edit.preview.owner', { owner: e.owner })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {preview.unreadable > 0 && (
        <ul className="field-error edit-sample" aria-label={t('edit.preview.unreadable', { count: preview.unreadable })}>
          <li>{t('edit.preview.unreadable', { count: preview.unreadable })}</li>
          {preview.unreadableSample.map((u) => (
            <li key={u.path}>
              <span className="mono">{u.path}</span>: {describeCode(t, u.code)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
