/** The local sandbox ensemble as the backend last reported it. */
import { create } from 'zustand'
import type { SandboxInfo } from '../../../shared/protocol/types'

export interface SandboxState {
  sandbox: SandboxInfo | null
  setSandbox(info: SandboxInfo): void
}

export const useSandboxStore = create<SandboxState>()((set) => ({
  sandbox: null,
  setSandbox: (sandbox) => set({ sandbox }),
}))

export const selectSandboxState = (s: SandboxState): SandboxInfo['state'] => s.sandbox?.state ?? 'stopped'
export const selectSandboxBusy = (s: SandboxState): boolean =>
  s.sandbox?.state === 'starting' || s.sandbox?.state === 'stopping'
