/** The local sandbox ensemble, when this host offers one. */
import { ZkError } from '../../../shared/protocol/errors'
import type { SandboxInfo } from '../../../shared/protocol/types'
import type { ApiHandlers } from '../../../shared/rpc/server'

/** What the backend needs of the sandbox (electron/backend/sandbox/sandbox.ts). */
export interface SandboxControl {
  info(): SandboxInfo
  start(): Promise<SandboxInfo>
  stop(): Promise<SandboxInfo>
  dispose(): Promise<void>
}

type SandboxHandlers = Pick<ApiHandlers, 'getSandbox' | 'startSandbox' | 'stopSandbox'>

const UNAVAILABLE: SandboxInfo = {
  state: 'unavailable',
  members: [],
  credentials: [],
  message: 'this console was started without the local sandbox',
}

export function sandboxHandlers(sandbox: SandboxControl | null): SandboxHandlers {
  const need = () => {
    if (!sandbox) throw new ZkError('SANDBOX_UNAVAILABLE', UNAVAILABLE.message ?? 'no sandbox')
    return sandbox
  }
  return {
    getSandbox: async () => sandbox?.info() ?? UNAVAILABLE,
    startSandbox: () => need().start(),
    stopSandbox: () => need().stop(),
  }
}
