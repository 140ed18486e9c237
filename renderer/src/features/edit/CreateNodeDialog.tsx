import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreateMode } from '../../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../../shared/protocol/types'
import { DEFAULT_ACL } from '../../../../shared/zk/acl-spec'
import { tooLargeReason } from '../../../../shared/zk/write-rules'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { AclEditor, aclValid } from './AclEditor'
import { DataInput } from './DataInput'
import { encodeInput, type InputFormat } from './data-input'
import { ModePicker } from './ModePicker'
import { writePathProblem } from './path-problem'
import { revealCreated } from './tree-sync'
import { useEditCapabilities, useWriteGuard } from './write-guard'

/** Creates one node under the selected one: path checked as typed, data, mode, ACL, parents. */
export function CreateNodeDialog({ connectionId, parent, onClose }: { connectionId: string; parent: string; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const caps = useEditCapabilities(connectionId)
  const guard = useWriteGuard(connectionId)
  const [path, setPath] = useState(() => (parent === '/' ? '/' : `${parent}/`))
  const [text, setText] = useState('')
  const [format, setFormat] = useState<InputFormat>('text')
  const [mode, setMode] = useState<CreateMode>('persistent')
  const [acl, setAcl] = useState<AclEntry[]>(() => DEFAULT_ACL.map((e) => ({ ...e })))
  const [createParents, setCreateParents] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const initial = parent === '/' ? '/' : `${parent}/`
  const problem = writePathProblem(path)
  // The prefilled parent is not a mistake yet: it only asks for a name.
  const showProblem = problem && path !== initial
  const encoded = encodeInput(text, format)
  const sizeProblem = encoded.ok ? tooLargeReason({ kind: 'create', path, dataBytes: encoded.bytes, acl }, caps?.maxRequestBytes) : undefined
  const canCreate = !problem && encoded.ok && !sizeProblem && aclValid(acl) && !busy && !guard.readOnly

  const submit = async () => {
    if (!canCreate || !encoded.ok) return
    setError(null)
    if (!(await guard.confirm(t('edit.create.confirm', { path })))) return
    setBusy(true)
    try {
      const result = await api.createNode({ connectionId, path, data: encoded.base64, mode, acl, createParents })
      await revealCreated(api, connectionId, result.path, result.createdParents)
      onClose()
    } catch (e) {
      setError(describeError(t, e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('edit.create.title')}
      width={620}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!canCreate}>
            {t('edit.create.submit')}
          </button>
        </>
      }
    >
      <div className="edit-form">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-path`}>
            {t('edit.create.path')}
          </label>
          <input
            id={`${id}-path`}
            className="input mono"
            autoFocus
            spellCheck={false}
            value={path}
            aria-invalid={showProblem ? true : undefined}
            aria-describedby={`${id}-path-msg`}
            onChange={(e) => setPath(e.target.value)}
          />
          <span id={`${id}-path-msg`} className={showProblem ? 'field-error' : 'field-hint'}>
            {showProblem ? t(problem.key, { index: (problem.index ?? 0) + 1 }) : t('edit.create.pathHint', { parent })}
          </span>
        </div>
        <DataInput text={text} format={format} encoded={encoded} onText={setText} onFormat={setFormat} sizeProblem={sizeProblem} />
        {caps ? <ModePicker modes={caps.createModes} value={mode} onChange={setMode} /> : <span className="spinner" />}
        <AclEditor value={acl} onChange={setAcl} />
        <label className="check">
          <input type="checkbox" checked={createParents} onChange={(e) => setCreateParents(e.target.checked)} />
          {t('edit.create.parents')}
        </label>
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </div>
    </Dialog>
  )
}
