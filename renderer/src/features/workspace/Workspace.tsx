import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnectionsStore, isFinal } from '../../stores/connections-store'
import { TreePanel } from '../tree/TreePanel'
import { NodePanel } from '../node/NodePanel'
import { SessionEndedAlert } from './SessionEndedAlert'
import { StatusBar } from './StatusBar'
import { Splitter } from './Splitter'

/** One open connection: the lazy tree on the left, the node panel on the right, the status bar below. */
export function Workspace({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation()
  const info = useConnectionsStore((s) => s.connections[connectionId])
  const [treeWidth, setTreeWidth] = useState(340)
  if (!info) return null
  return (
    <div className="workspace" style={{ gridTemplateColumns: `${treeWidth}px 5px minmax(0, 1fr)` }}>
      {isFinal(info.state) && info.state !== 'closed' && <SessionEndedAlert info={info} />}
      <TreePanel info={info} />
      <Splitter label={t('workspace.resize')} value={treeWidth} min={200} max={900} onChange={setTreeWidth} />
      <NodePanel info={info} />
      <StatusBar info={info} />
    </div>
  )
}
