/**
 * Runs one long edit call (preview, delete, copy, import, …) with an
 * operationId of our choosing, so its progress and final report can be read
 * from the edit store, and a cancel that aborts the call (the backend stops
 * and still sends the report as edit.done).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useEditStore } from '../../stores/edit-store'

export function newOperationId(): string {
  return `ui-${crypto.randomUUID()}`
}

export interface Operation {
  /** The operation running or last run; its progress and report are in the edit store. */
  operationId: string | null
  running: boolean
  run<T>(call: (operationId: string, signal: AbortSignal) => Promise<T>): Promise<T>
  cancel(): void
}

export function useOperation(): Operation {
  const [operationId, setOperationId] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const controller = useRef<AbortController | null>(null)
  const ids = useRef<string[]>([])

  // Leaving the dialog stops what it started and forgets the operations' events.
  useEffect(
    () => () => {
      controller.current?.abort()
      for (const id of ids.current) useEditStore.getState().forget(id)
    },
    [],
  )

  const run = useCallback(async <T,>(call: (operationId: string, signal: AbortSignal) => Promise<T>): Promise<T> => {
    const id = newOperationId()
    const abort = new AbortController()
    controller.current = abort
    ids.current.push(id)
    setOperationId(id)
    setRunning(true)
    try {
      return await call(id, abort.signal)
    } finally {
      if (controller.current === abort) {
        controller.current = null
        setRunning(false)
      }
    }
  }, [])

  const cancel = useCallback(() => controller.current?.abort(), [])
  return { operationId, running, run, cancel }
}
