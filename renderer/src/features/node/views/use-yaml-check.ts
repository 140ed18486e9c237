import { useEffect, useMemo, useState } from 'react'
import { YAML_CHECK_LIMIT, checkYaml, type YamlCheck } from './yaml-check'
import type { YamlWorkerRequest } from './yaml-worker'

/** 'checking' while a worker parses text too large for the UI thread. */
export type YamlCheckState = YamlCheck | 'checking'

let worker: Worker | undefined
let nextId = 0
const waiting = new Map<number, (check: YamlCheck) => void>()

/** One worker for the whole window, made on first need; if it cannot start, large text stays unchecked. */
function checkInWorker(text: string, done: (check: YamlCheck) => void): () => void {
  try {
    worker ??= createWorker()
  } catch (error) {
    console.error('the YAML worker did not start', error)
    done({ skipped: true, documents: 0 })
    return () => undefined
  }
  const id = ++nextId
  waiting.set(id, done)
  worker.postMessage({ id, text } satisfies YamlWorkerRequest)
  // The answer of a check nobody waits for any more is dropped; the parse itself cannot be interrupted.
  return () => waiting.delete(id)
}

function createWorker(): Worker {
  const created = new Worker(new URL('./yaml-worker.ts', import.meta.url), { type: 'module' })
  created.addEventListener('message', (event: MessageEvent<{ id: number; check: YamlCheck }>) => {
    waiting.get(event.data.id)?.(event.data.check)
    waiting.delete(event.data.id)
  })
  created.addEventListener('error', (event) => {
    console.error('the YAML worker failed', event.message)
    for (const done of waiting.values()) done({ skipped: true, documents: 0 })
    waiting.clear()
    worker = undefined
  })
  return created
}

/** Checks YAML at once when small, in a worker when large (up to ZooKeeper's 1 MiB). */
export function useYamlCheck(text: string): YamlCheckState {
  const large = text.length > YAML_CHECK_LIMIT
  const small = useMemo(() => (large ? undefined : checkYaml(text)), [large, text])
  const [result, setResult] = useState<{ text: string; check: YamlCheck }>()
  useEffect(() => {
    if (!large) return
    return checkInWorker(text, (check) => setResult({ text, check }))
  }, [large, text])
  if (small) return small
  return result?.text === text ? result.check : 'checking'
}
