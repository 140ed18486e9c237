/**
 * Editing state shared across dialogs: each connection's edit capabilities,
 * the long operations in progress (last progress event and final report, by
 * operationId) and the write confirmations waiting for an answer.
 *
 * Plain data only: the promise resolvers of confirmations live beside the
 * store in features/edit/write-guard.ts, keyed by the confirmation's id.
 */
import { create } from 'zustand'
import type { EditCapabilities, EditDone, EditProgress } from '../../../shared/protocol/edit-api'

export interface PendingConfirm {
  id: number
  connectionId: string
  /** What is about to be written, in one sentence. */
  action: string
}

export interface EditState {
  capabilities: Readonly<Record<string, EditCapabilities>>
  progress: Readonly<Record<string, EditProgress>>
  done: Readonly<Record<string, EditDone>>
  confirms: readonly PendingConfirm[]
  setCapabilities(caps: EditCapabilities): void
  applyProgress(items: readonly EditProgress[]): void
  applyDone(done: EditDone): void
  /** Forgets an operation once its dialog has closed. */
  forget(operationId: string): void
  addConfirm(confirm: PendingConfirm): void
  removeConfirm(id: number): void
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record
  return rest
}

export const useEditStore = create<EditState>()((set) => ({
  capabilities: {},
  progress: {},
  done: {},
  confirms: [],
  setCapabilities: (caps) => set((s) => ({ capabilities: { ...s.capabilities, [caps.connectionId]: caps } })),
  applyProgress: (items) =>
    set((s) => {
      const progress = { ...s.progress }
      for (const item of items) progress[item.operationId] = item
      return { progress }
    }),
  applyDone: (done) => set((s) => ({ done: { ...s.done, [done.operationId]: done } })),
  forget: (operationId) => set((s) => ({ progress: without(s.progress, operationId), done: without(s.done, operationId) })),
  addConfirm: (confirm) => set((s) => ({ confirms: [...s.confirms, confirm] })),
  removeConfirm: (id) => set((s) => ({ confirms: s.confirms.filter((c) => c.id !== id) })),
}))

export const selectCapabilities =
  (connectionId: string) =>
  (s: EditState): EditCapabilities | undefined =>
    s.capabilities[connectionId]

export const selectProgress =
  (operationId: string | null) =>
  (s: EditState): EditProgress | undefined =>
    operationId ? s.progress[operationId] : undefined

export const selectDone =
  (operationId: string | null) =>
  (s: EditState): EditDone | undefined =>
    operationId ? s.done[operationId] : undefined
