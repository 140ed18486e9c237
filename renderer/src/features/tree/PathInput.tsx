import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZkApi } from '../../../../shared/protocol/api'
import { joinPath } from '../../../../shared/zk/path'
import { describeError } from '../../i18n/describe-error'
import { revealPath } from './reveal'
import { useCompletions } from './path-completion'
import { decodeName } from './znode-name'

interface PathInputProps {
  api: ZkApi
  connectionId: string
  initial: string
  /** The node was revealed; give focus back to the tree. */
  onDone(): void
  onCancel(): void
}

/**
 * The go-to-path field: a WAI-ARIA combobox whose list completes the last
 * segment from the children of the typed parent. Enter reveals the node (or
 * the highlighted completion); a path that is not valid or does not exist is
 * said so under the field.
 */
export function PathInput({ api, connectionId, initial, onDone, onCancel }: PathInputProps) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(initial)
  const [active, setActive] = useState(-1)
  const [listOpen, setListOpen] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const completions = useCompletions(api, connectionId, text, listOpen)
  const items = completions?.items ?? []
  const expanded = listOpen && items.length > 0

  const edit = (value: string) => {
    setText(value)
    setActive(-1)
    setListOpen(true)
    setProblem(null)
  }
  const completionPath = (index: number) => (completions ? joinPath(completions.parent, items[index] ?? '') : text)

  const go = async (target: string) => {
    // A trailing slash is what completing leaves behind; it means the node itself.
    const path = target.length > 1 && target.endsWith('/') ? target.slice(0, -1) : target
    setBusy(true)
    const result = await revealPath(api, connectionId, path)
    setBusy(false)
    if (result.ok) onDone()
    else if (result.reason === 'missing') setProblem(t('treeNav.noSuchNode', { path }))
    else if (result.reason === 'invalid') setProblem(t(`treeNav.pathProblem.${result.problem}`))
    else setProblem(describeError(t, result.error))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const key = event.key
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      setListOpen(true)
      if (items.length > 0) setActive((i) => (key === 'ArrowDown' ? (i + 1) % items.length : i <= 0 ? items.length - 1 : i - 1))
    } else if (key === 'Tab' && !event.shiftKey && expanded) {
      edit(`${completionPath(Math.max(0, active))}/`)
    } else if (key === 'Enter') {
      const target = expanded && active >= 0 ? completionPath(active) : text
      setText(target)
      setListOpen(false)
      void go(target)
    } else if (key === 'Escape') {
      if (expanded) setListOpen(false)
      else onCancel()
    } else return
    event.preventDefault()
  }

  return (
    <div className="path-input">
      <input
        className="input mono"
        role="combobox"
        aria-label={t('treeNav.goToPath')}
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        aria-busy={busy || undefined}
        spellCheck={false}
        autoFocus
        value={text}
        placeholder="/path/to/node"
        onChange={(event) => edit(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // Leaving for anything but the list (a click on an option) ends editing.
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null)) onCancel()
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t('treeNav.completions')} className="path-completions" hidden={!expanded}>
        {items.map((name, index) => {
          const decoded = decodeName(name)
          return (
            <li
              key={name}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className="path-completion"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                const target = completionPath(index)
                setText(target)
                setListOpen(false)
                void go(target)
              }}
            >
              <span className="mono">{name}</span>
              {decoded !== null && <span className="path-completion-decoded">{decoded}</span>}
            </li>
          )
        })}
      </ul>
      {problem && (
        <p className="field-error path-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
