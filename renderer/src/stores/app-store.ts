/** What the app knows about its backend: who it is and whether it is still there. */
import { create } from 'zustand'
import type { AppInfo } from '../../../shared/protocol/types'

export interface AppState {
  appInfo: AppInfo | null
  /** The transport to the backend closed; nothing works until a reload. */
  backendLost: boolean
  /** Web mode without an access token: there is no backend to talk to. */
  missingToken: boolean
  setAppInfo(info: AppInfo): void
  setBackendLost(lost: boolean): void
  setMissingToken(missing: boolean): void
}

export const useAppStore = create<AppState>()((set) => ({
  appInfo: null,
  backendLost: false,
  missingToken: false,
  setAppInfo: (appInfo) => set({ appInfo }),
  setBackendLost: (backendLost) => set({ backendLost }),
  setMissingToken: (missingToken) => set({ missingToken }),
}))

export const selectIsWeb = (s: AppState): boolean => s.appInfo?.host === 'web'
/** Credentials can be kept encrypted; when false, "remember" means a plain file. */
export const selectSecureStorage = (s: AppState): boolean => s.appInfo?.secureStorage ?? true
