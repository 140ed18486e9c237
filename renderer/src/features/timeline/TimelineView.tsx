import type { ConnectionInfo } from '../../../../shared/protocol/types'

/** The event timeline of a connection (issue 5 fills this view). */
export function TimelineView({ info }: { info: ConnectionInfo }) {
  return <div className="view-placeholder" data-connection={info.connectionId} />
}
