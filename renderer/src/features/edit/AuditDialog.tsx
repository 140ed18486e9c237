import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../shared/protocol/edit-api'
import { useApi } from '../../backend/client-context'
import { describeCode, describeError } from '../../i18n/describe-error'
import { chooseExportDestination } from '../files/export-destination'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { downloadText } from './download'
import { useEditCapabilities } from './write-guard'

const PAGE = 100

/** The local audit log of every write the console made, newest first; filtered, paged, exportable as NDJSON. */
export function AuditDialog({ connectionId, onClose }: { connectionId: string; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const caps = useEditCapabilities(connectionId)
  const [onlyThis, setOnlyThis] = useState(true)
  const [pathFilter, setPathFilter] = useState('')
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [cursor, setCursor] = useState<number | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [exported, setExported] = useState<string | null>(null)

  const fetchPage = useCallback(
    (from?: number) => {
      const path = pathFilter.trim()
      return api.listAudit({
        limit: PAGE,
        ...(from !== undefined ? { cursor: from } : {}),
        ...(onlyThis ? { connectionId } : {}),
        ...(path.startsWith('/') ? { path } : {}),
      })
    },
    [api, connectionId, onlyThis, pathFilter],
  )

  // The first page again whenever a filter changes; "Older entries" appends the next one.
  useEffect(() => {
    let stale = false
    fetchPage().then(
      (page) => {
        if (stale) return
        setEntries(page.entries)
        setCursor(page.nextCursor)
        setError(null)
      },
      (e: unknown) => setError(describeError(t, e)),
    )
    return () => {
      stale = true
    }
  }, [fetchPage, t])

  const more = (from: number) => {
    fetchPage(from).then(
      (page) => {
        setEntries((old) => [...old, ...page.entries])
        setCursor(page.nextCursor)
      },
      (e: unknown) => setError(describeError(t, e)),
    )
  }

  const exportLog = async () => {
    if (!caps) return
    const name = 'zookeeper-console-audit.ndjson'
    try {
      const destination = await chooseExportDestination(api, caps, name, 'ndjson')
      if (!destination) return
      const out = await api.exportAudit({ destination, ...(onlyThis ? { connectionId } : {}) })
      if (out.text !== undefined) downloadText(out.text, name, 'application/x-ndjson')
      setExported(t('edit.audit.exported', { count: out.entries, file: out.filePath ?? name }))
    } catch (e) {
      setError(describeError(t, e))
    }
  }

  return (
    <Dialog
      title={t('edit.audit.title')}
      width={900}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" disabled={!caps} onClick={() => void exportLog()}>
            {t('edit.audit.export')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('app.close')}
          </button>
        </>
      }
    >
      <div className="edit-form">
        <div className="edit-inline">
          <label className="check">
            <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} />
            {t('edit.audit.onlyThis')}
          </label>
          <label className="field-label" htmlFor={`${id}-path`}>
            {t('edit.audit.path')}
          </label>
          <input id={`${id}-path`} className="input mono" placeholder="/" value={pathFilter} onChange={(e) => setPathFilter(e.target.value)} />
        </div>
        <div className="edit-table-wrap edit-audit-wrap">
          <table className="grid-table edit-table" aria-label={t('edit.audit.table')}>
            <thead>
              <tr>
                <th scope="col">{t('edit.audit.time')}</th>
                <th scope="col">{t('edit.audit.connection')}</th>
                <th scope="col">{t('edit.audit.operation')}</th>
                <th scope="col">{t('edit.audit.pathColumn')}</th>
                <th scope="col">{t('edit.audit.versions')}</th>
                <th scope="col">{t('edit.audit.result')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.time}-${i}`}>
                  <td>{new Date(e.time).toLocaleString()}</td>
                  <td>{e.connection}</td>
                  <td>{e.operation}</td>
                  <td className="mono">
                    {e.path}
                    {e.target ? ` → ${e.target}` : ''}
                  </td>
                  <td>{e.versionBefore !== undefined || e.versionAfter !== undefined ? `${e.versionBefore ?? '–'} → ${e.versionAfter ?? '–'}` : ''}</td>
                  <td className={e.ok ? 'field-ok' : 'field-error'}>{e.ok ? t('edit.audit.ok') : e.error ? describeCode(t, e.error.code, e.error.message) : t('edit.audit.failed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 0 && <p className="muted">{t('edit.audit.empty')}</p>}
        </div>
        {cursor !== undefined && (
          <button type="button" className="btn btn-small" onClick={() => more(cursor)}>
            {t('edit.audit.more')}
          </button>
        )}
        {exported && <p className="field-ok">{exported}</p>}
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </div>
    </Dialog>
  )
}
