import type { ConnectionInfo } from '../../../../shared/protocol/types'

/** Write actions on the selected node (issue 4 fills this toolbar). */
export function EditToolbar({ info }: { info: ConnectionInfo }) {
  return <div className="edit-toolbar" data-connection={info.connectionId} hidden />
}
