import { useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { envColor } from '../../ui/EnvChip'
import { Alert, Close, Lock } from '../../ui/icons'
import { EditDialogs, type EditDialogKind } from './EditDialogs'
import { WriteConfirmHost } from './WriteConfirmHost'
import { useWriteGuard } from './write-guard'
import { handleEditActions } from './action-requests'
import '../../styles/edit.css'

/** Kinds that write to this connection: disabled on read-only connections. */
const WRITES: ReadonlySet<EditDialogKind> = new Set(['create', 'delete', 'acl', 'import'])
const ORDER: readonly EditDialogKind[] = ['create', 'delete', 'transfer', 'acl', 'export', 'import', 'diff', 'audit']
const NONE: readonly string[] = []

/** Write actions on the selected node; read-only connections disable them, production ones are marked and ask. */
export function EditToolbar({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const connectionId = info.connectionId
  const selected = useTreeStore((s) => s.trees[connectionId]?.focused ?? '/')
  const marked = useTreeStore((s) => s.trees[connectionId]?.marks.marked ?? NONE)
  const guard = useWriteGuard(connectionId)
  const [open, setOpen] = useState<{ kind: EditDialogKind; path: string; morePaths: readonly string[] } | null>(null)
  const live = isLive(info.state)
  const many = marked.length > 0

  const why = (kind: EditDialogKind): string | undefined => {
    if (kind !== 'audit' && !live) return t('edit.toolbar.notLive')
    if (WRITES.has(kind) && guard.readOnly) return t('edit.toolbar.readOnly')
    if (many && kind !== 'delete' && kind !== 'audit') return t('edit.toolbar.oneNodeOnly')
    if (kind === 'delete' && !many && selected === '/') return t('edit.toolbar.rootDelete')
    return undefined
  }
  const hint = (kind: EditDialogKind) =>
    kind === 'delete' && many ? t('edit.toolbar.deleteMarkedHint', { count: marked.length }) : t(`edit.toolbar.hint.${kind}`, { path: selected })
  /** Opens the dialog of `kind` on the selection, or says why not. */
  const start = (kind: EditDialogKind): string | undefined => {
    const reason = why(kind)
    if (reason) return reason
    const [first = selected, ...rest] = kind === 'delete' && many ? marked : [selected]
    setOpen({ kind, path: first, morePaths: rest })
    return undefined
  }
  // Requests from the tree arrive later, from its key and menu handlers: they always reach the latest start.
  const startRequested = useEffectEvent(start)
  useEffect(() => handleEditActions(connectionId, (kind) => startRequested(kind)), [connectionId])

  const button = (kind: EditDialogKind): ReactNode => {
    const reason = why(kind)
    const label = kind === 'delete' && many ? t('edit.toolbar.deleteMarked', { count: marked.length }) : t(`edit.toolbar.${kind}`)
    return (
      <button
        key={kind}
        type="button"
        className={kind === 'delete' ? 'btn btn-small edit-tool edit-tool-danger' : 'btn btn-small edit-tool'}
        aria-disabled={reason ? true : undefined}
        title={reason ?? hint(kind)}
        onClick={() => start(kind)}
      >
        {label}
      </button>
    )
  }

  return (
    <div
      className={guard.confirmWrites ? 'edit-toolbar edit-toolbar-production' : 'edit-toolbar'}
      style={envColor(info.environment)}
      role="toolbar"
      aria-label={t('edit.toolbar.label')}
    >
      {many ? (
        <span className="edit-target edit-target-marked" title={t('edit.toolbar.marksHint')}>
          {t('edit.toolbar.marked', { count: marked.length })}
          <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('edit.toolbar.clearMarks')} title={t('edit.toolbar.clearMarks')} onClick={() => useTreeStore.getState().clearMarks(connectionId)}>
            <Close size={12} />
          </button>
        </span>
      ) : (
        <span className="edit-target mono" title={selected}>
          {selected}
        </span>
      )}
      {ORDER.map(button)}
      <span className="panel-toolbar-spacer" />
      {guard.readOnly && (
        <span className="edit-badge" role="note">
          <Lock size={14} /> {t('edit.toolbar.readOnlyBadge')}
        </span>
      )}
      {guard.confirmWrites && !guard.readOnly && (
        <span className="edit-badge edit-badge-production" role="note">
          <Alert size={14} /> {t('edit.toolbar.productionBadge')}
        </span>
      )}
      {open && <EditDialogs info={info} kind={open.kind} path={open.path} morePaths={open.morePaths} onClose={() => setOpen(null)} />}
      <WriteConfirmHost connectionId={connectionId} name={info.name} />
    </div>
  )
}
