/**
 * One way to ask before a write, shared by every dialog here and by the node
 * panel's data editor: read-only connections write nothing, production-tagged
 * ones ask first. The question is shown by <WriteConfirmHost>, mounted once in
 * the Browse view; the answers' resolvers stay out of the (plain data) store.
 */
import { useCallback, useEffect } from 'react'
import type { EditCapabilities } from '../../../../shared/protocol/edit-api'
import { useApi } from '../../backend/client-context'
import { selectConnection, useConnectionsStore } from '../../stores/connections-store'
import { selectCapabilities, useEditStore } from '../../stores/edit-store'

const resolvers = new Map<number, (ok: boolean) => void>()
let nextId = 1

/** Asks the user about `action` on a connection; resolves with the answer. */
export function askToWrite(connectionId: string, action: string): Promise<boolean> {
  const id = nextId++
  return new Promise((resolve) => {
    resolvers.set(id, resolve)
    useEditStore.getState().addConfirm({ id, connectionId, action })
  })
}

/** Called by the confirmation host with the user's answer. */
export function answerWrite(id: number, ok: boolean): void {
  useEditStore.getState().removeConfirm(id)
  resolvers.get(id)?.(ok)
  resolvers.delete(id)
}

/** Loads the edit capabilities of a connection once; undefined until they arrive. */
export function useEditCapabilities(connectionId: string): EditCapabilities | undefined {
  const api = useApi()
  const caps = useEditStore(selectCapabilities(connectionId))
  const state = useConnectionsStore((s) => selectConnection(connectionId)(s)?.state)
  const live = state === 'connected' || state === 'reconnected'
  useEffect(() => {
    if (caps || !live) return
    let cancelled = false
    api.getEditCapabilities({ connectionId }).then(
      (loaded) => {
        if (!cancelled) useEditStore.getState().setCapabilities(loaded)
      },
      (error: unknown) => console.error('edit capabilities', error),
    )
    return () => {
      cancelled = true
    }
  }, [api, caps, connectionId, live])
  return caps
}

export interface WriteGuard {
  readOnly: boolean
  /** The connection is tagged production: every write is confirmed first. */
  confirmWrites: boolean
  /** Resolves true at once on ordinary connections; asks on production ones; false on read-only ones. */
  confirm(action: string): Promise<boolean>
}

/** The write policy of a connection; the connection's own flags count until the backend's capabilities arrive. */
export function useWriteGuard(connectionId: string): WriteGuard {
  const caps = useEditCapabilities(connectionId)
  const info = useConnectionsStore(selectConnection(connectionId))
  const readOnly = caps?.readOnly ?? info?.readOnly ?? true
  const confirmWrites = caps?.confirmWrites ?? info?.environment === 'production'
  const confirm = useCallback(
    (action: string) => {
      if (readOnly) return Promise.resolve(false)
      if (!confirmWrites) return Promise.resolve(true)
      return askToWrite(connectionId, action)
    },
    [connectionId, confirmWrites, readOnly],
  )
  return { readOnly, confirmWrites, confirm }
}
