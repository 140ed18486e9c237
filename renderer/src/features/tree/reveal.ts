/**
 * Revealing a node: the go-to-path bar, breadcrumbs and search results all
 * end here. The chain of ancestors is listed (names only, cached lists are
 * reused when they already hold the next name), expanded, and the node is
 * focused and opened; the tree scrolls to whatever row has focus.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { ErrorInfo } from '../../../../shared/protocol/errors'
import { baseName, checkPath, pathChain, type PathProblem } from '../../../../shared/zk/path'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'
import { loadChildren } from './tree-actions'

export type RevealResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; problem: PathProblem }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'error'; error: ErrorInfo }

export async function revealPath(api: ZkApi, connectionId: string, path: string): Promise<RevealResult> {
  const check = checkPath(path)
  if (!check.ok) return { ok: false, reason: 'invalid', problem: check.problem ?? 'empty' }
  try {
    const { stat } = await api.exists({ connectionId, path })
    if (!stat) return { ok: false, reason: 'missing' }
    useTreeStore.getState().setStats(connectionId, [{ path, stat }])
  } catch (error) {
    return { ok: false, reason: 'error', error: toErrorInfo(error) }
  }
  const chain = pathChain(path)
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i] as string
    const name = baseName(chain[i + 1] as string)
    const tree = useTreeStore.getState().trees[connectionId]
    if (!tree) return { ok: false, reason: 'error', error: { code: 'UNKNOWN_CONNECTION', message: '' } }
    // A list loaded before the node was created lacks it: read it again.
    if (!tree.children[parent]?.includes(name)) {
      const loaded = await loadChildren(api, connectionId, parent)
      const info = useTreeStore.getState().trees[connectionId]?.loadErrors[parent]
      if (!loaded) return { ok: false, reason: 'error', error: info ?? { code: 'NO_NODE', message: '', path: parent } }
    }
    const state = useTreeStore.getState()
    const view = state.trees[connectionId]?.views[parent]
    // A filter that hides the node would make the reveal look like it failed.
    if (view?.filter && !view.names.includes(name)) state.setChildView(connectionId, parent, { ...view, filter: null })
    state.setExpanded(connectionId, parent, true)
  }
  const state = useTreeStore.getState()
  state.focus(connectionId, path)
  state.open(connectionId, path)
  return { ok: true }
}
