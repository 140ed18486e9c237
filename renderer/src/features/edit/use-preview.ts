import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SubtreePreview } from '../../../../shared/protocol/edit-api'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { useOperation, type Operation } from './use-operation'

/** Paths a preview lists; the count itself is exact up to MAX_NODES. */
const SAMPLE = 12
const MAX_NODES = 1_000_000

export interface PreviewState {
  preview: SubtreePreview | null
  error: string | null
  op: Operation
}

const NONE: readonly string[] = []

/**
 * Counts the subtree below `path` (and below each of `morePaths`, a
 * multi-selection) once, when the dialog opens; cancelled if the dialog
 * closes first.
 */
export function usePreview(connectionId: string, path: string, morePaths: readonly string[] = NONE): PreviewState {
  const { t } = useTranslation()
  const client = useClient()
  const op = useOperation()
  const [preview, setPreview] = useState<SubtreePreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { run } = op
  // The selection as one value, so that a new array with the same paths does not count again.
  const more = morePaths.join('\n')
  useEffect(() => {
    const extra = more === '' ? {} : { morePaths: more.split('\n') }
    run((operationId, signal) =>
      client.call('previewSubtree', { operationId, connectionId, path, ...extra, maxNodes: MAX_NODES, sampleSize: SAMPLE }, { signal, timeoutMs: 0 }),
    ).then(setPreview, (e: unknown) => setError(describeError(t, e)))
  }, [client, connectionId, path, more, run, t])
  return { preview, error, op }
}
