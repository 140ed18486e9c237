/**
 * Short-lived messages for things that happen outside a dialog (a connect
 * from the saved list failed, a path was copied). Errors are kept as codes and
 * rendered as sentences from the catalogue when shown.
 */
import { create } from 'zustand'
import type { ErrorInfo } from '../../../shared/protocol/errors'

/** The catalogue sentences a notice can be; add keys here as new notices appear. */
export type NoticeKey = 'start.connectFailed'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  /** A catalogue key with its values, rendered when shown; an error alone renders as its sentence. */
  key?: NoticeKey
  values?: { name: string; reason: string }
  error?: ErrorInfo
}

export interface NoticesState {
  notices: Notice[]
  push(notice: Omit<Notice, 'id'>): number
  dismiss(id: number): void
}

let nextId = 1
const MAX_NOTICES = 4

export const useNoticesStore = create<NoticesState>()((set) => ({
  notices: [],
  push: (notice) => {
    const id = nextId++
    set((s) => ({ notices: [...s.notices, { ...notice, id }].slice(-MAX_NOTICES) }))
    return id
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}))
