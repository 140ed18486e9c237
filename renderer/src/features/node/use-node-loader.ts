import { useEffect } from 'react'
import { useClient } from '../../backend/client-context'
import { selectEntry, useNodeTabsStore } from '../../stores/node-tabs-store'
import { useTreeStore } from '../../stores/tree-store'
import { toErrorInfo } from '../../i18n/describe-error'

/**
 * Reads the active tab's node (data, Stat, ACL) when the tab becomes active,
 * when a reload is asked for, and again when the session comes back. What
 * was read before stays on screen meanwhile; a newer read cancels the older
 * one, so a late answer never lands on the wrong node. The fresh Stat also
 * refreshes the tree's cache.
 */
export function useNodeLoader(connectionId: string, path: string | null, live: boolean): void {
  const client = useClient()
  const reloadToken = useNodeTabsStore((s) => selectEntry(connectionId, path)(s)?.reloadToken ?? 0)

  useEffect(() => {
    if (path === null || !live) return
    const controller = new AbortController()
    useNodeTabsStore.getState().setLoading(connectionId, path, true)
    client.call('getNode', { connectionId, path }, { signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return
        useNodeTabsStore.getState().setResult(connectionId, result)
        useTreeStore.getState().setStats(connectionId, [{ path, stat: result.stat }])
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const info = toErrorInfo(error)
        useNodeTabsStore.getState().setError(connectionId, path, info)
        if (info.code === 'NO_NODE') useTreeStore.getState().setStats(connectionId, [{ path, error: info }])
      },
    )
    return () => {
      controller.abort()
      // Cancelled (another tab, a newer read, the session went): not loading any more.
      useNodeTabsStore.getState().setLoading(connectionId, path, false)
    }
  }, [client, connectionId, path, live, reloadToken])
}
