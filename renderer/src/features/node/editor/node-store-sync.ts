/** Puts what a write returned into the open node's entry, so the panel shows it before (or without) the live view's echo. */
import type { NodeData, ZnodeStat } from '../../../../../shared/protocol/types'
import { useNodeTabsStore } from '../../../stores/node-tabs-store'

export function showWritten(connectionId: string, path: string, data: NodeData, stat: ZnodeStat): void {
  const store = useNodeTabsStore.getState()
  const result = store.byConnection[connectionId]?.nodes[path]?.result
  if (!result) return
  // A newer version already pushed by a watch wins over an older answer.
  if (result.stat.version > stat.version) return
  store.setResult(connectionId, { ...result, data, stat })
}
