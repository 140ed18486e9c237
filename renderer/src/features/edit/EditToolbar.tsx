import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { envColor } from '../../ui/EnvChip'
import { Alert, Lock } from '../../ui/icons'
import { EditDialogs, type EditDialogKind } from './EditDialogs'
import { WriteConfirmHost } from './WriteConfirmHost'
import { useWriteGuard } from './write-guard'
import '../../styles/edit.css'

/** Kinds that write to this connection: disabled on read-only connections. */
const WRITES: ReadonlySet<EditDialogKind> = new Set(['create', 'delete', 'acl', 'import'])
const ORDER: readonly EditDialogKind[] = ['create', 'delete', 'transfer', 'acl', 'export', 'import', 'diff', 'audit']

/** Write actions on the selected node; read-only connections disable them, production ones are marked and ask. */
export function EditToolbar({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const connectionId = info.connectionId
  const selected = useTreeStore((s) => s.trees[connectionId]?.focused ?? '/')
  const guard = useWriteGuard(connectionId)
  const [open, setOpen] = useState<{ kind: EditDialogKind; path: string } | null>(null)
  const live = isLive(info.state)

  const why = (kind: EditDialogKind): string | undefined => {
    if (kind !== 'audit' && !live) return t('edit.toolbar.notLive')
    if (WRITES.has(kind) && guard.readOnly) return t('edit.toolbar.readOnly')
    if (kind === 'delete' && selected === '/') return t('edit.toolbar.rootDelete')
    return undefined
  }
  const button = (kind: EditDialogKind): ReactNode => {
    const reason = why(kind)
    const label = t(`edit.toolbar.${kind}`)
    return (
      <button
        key={kind}
        type="button"
        className={kind === 'delete' ? 'btn btn-small edit-tool edit-tool-danger' : 'btn btn-small edit-tool'}
        aria-disabled={reason ? true : undefined}
        title={reason ?? t(`edit.toolbar.hint.${kind}`, { path: selected })}
        onClick={() => {
          if (!reason) setOpen({ kind, path: selected })
        }}
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
      <span className="edit-target mono" title={selected}>
        {selected}
      </span>
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
      {open && <EditDialogs info={info} kind={open.kind} path={open.path} onClose={() => setOpen(null)} />}
      <WriteConfirmHost connectionId={connectionId} name={info.name} />
    </div>
  )
}
