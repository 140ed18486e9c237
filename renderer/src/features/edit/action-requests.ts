/**
 * Lets other features start a write action of a connection's edit toolbar
 * (the tree's Delete key and context menu) with the toolbar's own rules:
 * the same target (the focused node or the multi-selection) and the same
 * reasons to refuse (read-only, not connected, the root).
 */
import type { EditDialogKind } from './EditDialogs'

/** Opens the action's dialog, or returns why it cannot be done now. */
type ActionHandler = (kind: EditDialogKind) => string | undefined

const handlers = new Map<string, ActionHandler>()

/** Registers the toolbar of a connection; returns the unregister function. */
export function handleEditActions(connectionId: string, handler: ActionHandler): () => void {
  handlers.set(connectionId, handler)
  return () => {
    if (handlers.get(connectionId) === handler) handlers.delete(connectionId)
  }
}

/** Starts `kind` on the connection's toolbar: undefined when its dialog opened, else the reason it did not. */
export function requestEditAction(connectionId: string, kind: EditDialogKind): string | undefined {
  const handler = handlers.get(connectionId)
  return handler ? handler(kind) : 'no edit toolbar'
}
