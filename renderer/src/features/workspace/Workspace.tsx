import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnectionsStore, isFinal } from '../../stores/connections-store'
import { TreePanel } from '../tree/TreePanel'
import { NodePanel } from '../node/NodePanel'
import { MonitorView } from '../monitor/MonitorView'
import { TimelineView } from '../timeline/TimelineView'
import { EditToolbar } from '../edit/EditToolbar'
import { SessionEndedAlert } from './SessionEndedAlert'
import { StatusBar } from './StatusBar'
import { Splitter } from './Splitter'
import { WorkspaceViewTabs, type WorkspaceView } from './WorkspaceViewTabs'
import type { ConnectionInfo } from '../../../../shared/protocol/types'

/** One open connection: a view switcher (browse, events, monitor) above the view, the status bar below. */
export function Workspace({ connectionId }: { connectionId: string }) {
  const info = useConnectionsStore((s) => s.connections[connectionId])
  const [view, setView] = useState<WorkspaceView>('browse')
  if (!info) return null
  return (
    <div className="workspace-shell">
      {isFinal(info.state) && info.state !== 'closed' && <SessionEndedAlert info={info} />}
      <WorkspaceViewTabs value={view} onChange={setView} connectionId={connectionId} />
      <div className="workspace-view" role="tabpanel" id={`view-${connectionId}-${view}`} aria-labelledby={`tab-${connectionId}-${view}`}>
        {view === 'browse' && <BrowseView info={info} />}
        {view === 'events' && <TimelineView info={info} />}
        {view === 'monitor' && <MonitorView info={info} />}
      </div>
      <StatusBar info={info} />
    </div>
  )
}

/** The write actions above, the lazy tree on the left and the node panel on the right. */
function BrowseView({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const [treeWidth, setTreeWidth] = useState(340)
  return (
    <div className="browse-view">
      <EditToolbar info={info} />
      <div className="workspace" style={{ gridTemplateColumns: `${treeWidth}px 5px minmax(0, 1fr)` }}>
        <TreePanel info={info} />
        <Splitter label={t('workspace.resize')} value={treeWidth} min={200} max={900} onChange={setTreeWidth} />
        <NodePanel info={info} />
      </div>
    </div>
  )
}
