import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FilePickRequest } from '../../../../shared/protocol/host-api'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'

/**
 * "Browse…" beside a typed file path: the desktop host's own file dialog. Only where the
 * backend reads and writes files itself (the desktop app); the typed path stays editable.
 */
export function PickFileButton({ request, onPicked }: { request: FilePickRequest; onPicked(path: string): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        title={t('app.browseFileTitle')}
        disabled={busy}
        onClick={() => {
          setBusy(true)
          setProblem(null)
          api
            .pickFile(request)
            .then(
              ({ path }) => path !== null && onPicked(path),
              (error: unknown) => setProblem(t('app.browseFileFailed', { reason: describeError(t, error) })),
            )
            .finally(() => setBusy(false))
        }}
      >
        {t('app.browseFile')}
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  )
}
