import { useEffect, useState } from 'react'
import type { NodeResult } from '../../../../shared/protocol/types'
import type { ErrorInfo } from '../../../../shared/protocol/errors'
import { useClient } from '../../backend/client-context'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'

export type NodeLoad =
  | { status: 'idle' }
  | { status: 'loading'; path: string }
  | { status: 'ok'; path: string; result: NodeResult }
  | { status: 'error'; path: string; error: ErrorInfo }

type Settled = Extract<NodeLoad, { status: 'ok' | 'error' }>

/**
 * Reads one node (data, Stat, ACL) whenever the path or `reloadKey` changes,
 * and again when the session comes back. A newer request cancels the older
 * one, so a late answer never shows for the wrong node; while a re-read of
 * the same node is under way the previous answer stays on screen. The fresh
 * Stat also refreshes the tree's cache.
 */
export function useNode(connectionId: string, path: string | null, reloadKey: number, live: boolean): NodeLoad {
  const client = useClient()
  const key = path === null ? null : `${connectionId}\u0000${path}\u0000${reloadKey}`
  const [settled, setSettled] = useState<{ key: string; load: Settled } | null>(null)

  useEffect(() => {
    if (key === null || path === null || !live) return
    const controller = new AbortController()
    client.call('getNode', { connectionId, path }, { signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return
        setSettled({ key, load: { status: 'ok', path, result } })
        useTreeStore.getState().setStats(connectionId, [{ path, stat: result.stat }])
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const info = toErrorInfo(error)
        setSettled({ key, load: { status: 'error', path, error: info } })
        if (info.code === 'NO_NODE') useTreeStore.getState().setStats(connectionId, [{ path, error: info }])
      },
    )
    return () => controller.abort()
  }, [client, connectionId, path, key, live])

  if (path === null) return { status: 'idle' }
  if (settled?.key === key) return settled.load
  return { status: 'loading', path }
}
