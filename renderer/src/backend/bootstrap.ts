/**
 * The first conversation with the backend: who it is, the saved profiles,
 * connections it already holds (after a page reload), the sandbox, and then
 * whatever the command line asked for.
 */
import type { RpcClient } from '../../../shared/rpc/client'
import { useAppStore } from '../stores/app-store'
import { useConnectionsStore } from '../stores/connections-store'
import { useSandboxStore } from '../stores/sandbox-store'
import { useNoticesStore } from '../stores/notices-store'
import { adoptConnections } from '../features/connections/connect-actions'
import { runStartup } from '../features/connections/startup'
import { toErrorInfo } from '../i18n/describe-error'

export async function bootstrap(client: RpcClient): Promise<void> {
  const { api } = client
  try {
    const [appInfo, profiles, connections, sandbox] = await Promise.all([
      api.getAppInfo({}),
      api.listProfiles({}),
      api.listConnections({}),
      api.getSandbox({}),
    ])
    useAppStore.getState().setAppInfo(appInfo)
    useConnectionsStore.getState().setProfiles(profiles)
    useSandboxStore.getState().setSandbox(sandbox)
    adoptConnections(connections)
    await runStartup(api, appInfo)
  } catch (error) {
    // A closed transport is already shown as the backend-lost banner.
    const info = toErrorInfo(error)
    if (info.code !== 'CONNECTION_LOSS') useNoticesStore.getState().push({ kind: 'error', error: info })
  }
}
