import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { AclDialog } from './AclDialog'
import { AuditDialog } from './AuditDialog'
import { CreateNodeDialog } from './CreateNodeDialog'
import { DeleteDialog } from './DeleteDialog'
import { DiffDialog } from './DiffDialog'
import { ExportDialog } from './ExportDialog'
import { ImportDialog } from './ImportDialog'
import { TransferDialog } from './TransferDialog'

export type EditDialogKind = 'create' | 'delete' | 'transfer' | 'acl' | 'export' | 'import' | 'diff' | 'audit'

interface EditDialogsProps {
  info: ConnectionInfo
  kind: EditDialogKind
  path: string
  /** The rest of a multi-selection, for the actions that take one (delete). */
  morePaths: readonly string[]
  onClose(): void
}

/** The dialog of one toolbar action, on the node that was selected when it was opened. */
export function EditDialogs({ info, kind, path, morePaths, onClose }: EditDialogsProps) {
  const props = { connectionId: info.connectionId, path, onClose }
  switch (kind) {
    case 'create':
      return <CreateNodeDialog connectionId={info.connectionId} parent={path} onClose={onClose} />
    case 'delete':
      return <DeleteDialog {...props} morePaths={morePaths} />
    case 'transfer':
      return <TransferDialog {...props} />
    case 'acl':
      return <AclDialog {...props} />
    case 'export':
      return <ExportDialog {...props} />
    case 'import':
      return <ImportDialog {...props} />
    case 'diff':
      return <DiffDialog {...props} />
    case 'audit':
      return <AuditDialog connectionId={info.connectionId} onClose={onClose} />
  }
}
