/**
 * What the command line asked for (`--connect`, `--sandbox`), done once when
 * the app loads. The web host may already be starting the sandbox itself, so
 * this waits for it rather than starting a second one.
 */
import type { ZkApi } from '../../../../shared/protocol/api'
import type { AppInfo, SandboxInfo } from '../../../../shared/protocol/types'
import { useSandboxStore } from '../../stores/sandbox-store'
import { useNoticesStore } from '../../stores/notices-store'
import { useConnectionsStore } from '../../stores/connections-store'
import { toErrorInfo } from '../../i18n/describe-error'
import { connectAdHoc } from './connect-actions'

function waitForSandbox(): Promise<SandboxInfo> {
  return new Promise((resolve) => {
    const check = (info: SandboxInfo | null) => {
      if (!info || info.state === 'starting' || info.state === 'stopping') return false
      unsubscribe()
      resolve(info)
      return true
    }
    const unsubscribe = useSandboxStore.subscribe((s) => check(s.sandbox))
    check(useSandboxStore.getState().sandbox)
  })
}

export async function connectSandbox(api: ZkApi, info: SandboxInfo, withCredentials: boolean) {
  if (!info.connectString) throw new Error('the sandbox has no connect string')
  const withUser = withCredentials ? info.credentials[0]?.split(':')[0] : undefined
  return connectAdHoc(api, {
    // Two sandbox tabs (with and without credentials) should not look alike.
    name: withUser ? `Sandbox (${withUser})` : 'Sandbox',
    connectString: info.connectString,
    environment: 'local',
    ...(withCredentials && info.credentials.length > 0 ? { credentials: info.credentials } : {}),
  })
}

function reportFailure(name: string, reason: string) {
  useNoticesStore.getState().push({ kind: 'error', key: 'start.connectFailed', values: { name, reason } })
}

/**
 * Web-mode sessions outlive the page, so a reload (or a second browser tab)
 * finds the startup connection already open; it is adopted, not opened twice.
 */
function alreadyOpen(connectString: string): boolean {
  const { connections, order, activate } = useConnectionsStore.getState()
  const open = order.find((id) => connections[id]?.connectString === connectString)
  if (open) activate(open)
  return open !== undefined
}

export async function runStartup(api: ZkApi, appInfo: AppInfo): Promise<void> {
  const { connect, sandbox } = appInfo.startup
  try {
    if (sandbox) {
      let info = await api.getSandbox({})
      useSandboxStore.getState().setSandbox(info)
      if (info.state === 'stopped' || info.state === 'failed') {
        info = await api.startSandbox({})
        useSandboxStore.getState().setSandbox(info)
      }
      if (info.state === 'starting') info = await waitForSandbox()
      if (info.state === 'running' && info.connectString && !alreadyOpen(info.connectString)) {
        const outcome = await connectSandbox(api, info, false)
        if (!outcome.ok) reportFailure('Sandbox', outcome.info.message ?? outcome.info.state)
      }
    }
    if (connect && !alreadyOpen(connect)) {
      const outcome = await connectAdHoc(api, { connectString: connect, name: connect })
      if (!outcome.ok) reportFailure(connect, outcome.info.message ?? outcome.info.state)
    }
  } catch (error) {
    useNoticesStore.getState().push({ kind: 'error', error: toErrorInfo(error) })
  }
}
