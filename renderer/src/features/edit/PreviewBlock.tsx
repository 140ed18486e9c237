import { useEffect } from 'react'
import type { SubtreePreview } from '../../../../shared/protocol/edit-api'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { OperationProgress } from './OperationProgress'
import { SubtreePreviewView } from './SubtreePreviewView'
import { usePreview } from './use-preview'

/** Previews a subtree while it is shown (mounting starts the count) and reports the result up. */
export function PreviewBlock({ connectionId, path, onPreview }: { connectionId: string; path: string; onPreview(preview: SubtreePreview | null): void }) {
  const { preview, error, op } = usePreview(connectionId, path)
  useEffect(() => {
    onPreview(preview)
    return () => onPreview(null)
  }, [onPreview, preview])
  if (error) return <ErrorMessage>{error}</ErrorMessage>
  if (!preview) return <OperationProgress operationId={op.operationId} onCancel={op.cancel} />
  return <SubtreePreviewView preview={preview} />
}
