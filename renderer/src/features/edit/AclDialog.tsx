import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperationReport, SubtreePreview } from '../../../../shared/protocol/edit-api'
import type { AclEntry, ZnodeStat } from '../../../../shared/protocol/types'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { AclEditor, aclValid } from './AclEditor'
import { OperationFooter, OperationOutcome } from './OperationDialogParts'
import { PreviewBlock } from './PreviewBlock'
import { useOperation } from './use-operation'
import { useWriteGuard } from './write-guard'

/** Sets the ACL of the selected node (at the aversion read), or of its whole subtree after a preview. */
export function AclDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const guard = useWriteGuard(connectionId)
  const op = useOperation()
  const [acl, setAcl] = useState<AclEntry[] | null>(null)
  const [stat, setStat] = useState<ZnodeStat | null>(null)
  const [recursive, setRecursive] = useState(false)
  const [preview, setPreview] = useState<SubtreePreview | null>(null)
  const [report, setReport] = useState<OperationReport | null>(null)
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.api.getNode({ connectionId, path }).then(
      (node) => {
        setAcl(node.acl)
        setStat(node.stat)
      },
      (e: unknown) => setError(describeError(t, e)),
    )
  }, [client, connectionId, path, t])

  const ready = acl && stat && aclValid(acl) && !guard.readOnly && !op.running && !finished && (!recursive || preview)

  const submit = async () => {
    if (!ready) return
    setError(null)
    const action = recursive ? t('edit.acl.confirmTree', { path, count: preview?.nodeCount ?? 0 }) : t('edit.acl.confirmOne', { path })
    if (!(await guard.confirm(action))) return
    try {
      if (recursive) {
        setReport(await op.run((operationId, signal) => client.call('setAclTree', { operationId, connectionId, path, acl }, { signal, timeoutMs: 0 })))
      } else {
        await client.api.setAcl({ connectionId, path, acl, aversion: stat.aversion })
      }
      setFinished(true)
    } catch (e) {
      setError(describeError(t, e))
      if (recursive) setFinished(true)
    }
  }

  return (
    <Dialog
      title={t('edit.acl.title', { path })}
      width={640}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <OperationFooter finished={finished} ready={Boolean(ready)} onClose={onClose}>
          {t(recursive ? 'edit.acl.submitTree' : 'edit.acl.submit')}
        </OperationFooter>
      }
    >
      <div className="edit-form">
        {!acl && !error && <span className="spinner" />}
        {acl && !finished && !op.running && (
          <>
            <AclEditor value={acl} onChange={setAcl} />
            <label className="check">
              <input type="checkbox" checked={recursive} onChange={(e) => setRecursive(e.target.checked)} />
              {t('edit.acl.recursive')}
            </label>
            {recursive && <PreviewBlock connectionId={connectionId} path={path} onPreview={setPreview} />}
          </>
        )}
        {finished && !recursive && (
          <p className="edit-outcome edit-outcome-ok" role="status">
            {t('edit.acl.saved', { path })}
          </p>
        )}
        <OperationOutcome op={op} finished={finished} report={report} withReport={recursive} error={error} />
      </div>
    </Dialog>
  )
}
