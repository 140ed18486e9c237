import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useClient } from '../../backend/client-context'
import { selectSearch, useSearchStore } from '../../stores/search-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { revealPath } from '../tree/reveal'
import { SearchForm } from './SearchForm'
import { SearchStatus } from './SearchStatus'
import { SearchResults } from './SearchResults'
import { buildSearchParams, type FormProblems } from './search-params'
import { cancelSearch, startSearch } from './search-actions'

interface SearchPanelProps {
  connectionId: string
  live: boolean
  decode: boolean
  /** The selected node: the root until the user types another. */
  selected: string
  /** Brings the Nodes tab to the front with the tree focused. */
  onShowTree(): void
}

/** The Search tab: the form, live progress, and the streamed results. */
export function SearchPanel({ connectionId, live, decode, selected, onShowTree }: SearchPanelProps) {
  const { t } = useTranslation()
  const client = useClient()
  const api = useApi()
  const { form, run, active } = useSearchStore(selectSearch(connectionId))
  // Problems belong to the form they were found in; any edit makes a new form and hides them.
  const [checked, setChecked] = useState<{ form: typeof form; problems: FormProblems } | null>(null)
  const problems = checked?.form === form ? checked.problems : {}
  const [revealError, setRevealError] = useState<string | null>(null)
  const root = form.rootTouched ? form.root : selected
  const running = run?.status === 'running'

  const start = (changes: Partial<typeof form> = {}) => {
    if (Object.keys(changes).length > 0) useSearchStore.getState().updateForm(connectionId, changes)
    const built = buildSearchParams({ ...form, ...changes, root }, connectionId, 'pending')
    if (!built.ok) {
      setChecked({ form, problems: built.problems })
      return
    }
    setChecked(null)
    setRevealError(null)
    const { searchId: _pending, ...params } = built.params
    startSearch(client, params)
  }

  const onReveal = useCallback(
    (path: string, showTree: boolean) => {
      setRevealError(null)
      void revealPath(api, connectionId, path).then((result) => {
        if (result.ok) {
          if (showTree) onShowTree()
        } else if (result.reason === 'missing') setRevealError(t('search.gone', { path }))
        else if (result.reason === 'error') setRevealError(describeError(t, result.error))
      })
    },
    [api, connectionId, onShowTree, t],
  )

  return (
    <div className="search-panel">
      <SearchForm
        connectionId={connectionId}
        form={form}
        root={root}
        running={running}
        live={live}
        problems={problems}
        onStart={() => start()}
        onCancel={() => cancelSearch(connectionId)}
      />
      {run && <SearchStatus run={run} onSearchDeeper={(maxDepth) => start({ maxDepth })} />}
      {revealError && <ErrorMessage>{revealError}</ErrorMessage>}
      {run && run.results.length > 0 && (
        <>
          <div className="search-results-bar">
            <span className="muted">{t('search.hint')}</span>
          </div>
          <SearchResults connectionId={connectionId} run={run} active={active} decode={decode} onReveal={onReveal} />
        </>
      )}
    </div>
  )
}
