import type { ConnectionInfo } from '../../../../shared/protocol/types'

/** The ensemble dashboard of a connection (issue 6 fills this view). */
export function MonitorView({ info }: { info: ConnectionInfo }) {
  return <div className="view-placeholder" data-connection={info.connectionId} />
}
