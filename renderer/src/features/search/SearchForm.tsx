import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DATA_MATCH_MODES, PATH_MATCH_MODES, SEARCH_ENCODINGS } from '../../../../shared/protocol/tree-api'
import { useSearchStore, type DataMode, type PathMode, type SearchEncoding, type SearchForm as Form } from '../../stores/search-store'
import { formatNumber } from '../../i18n/format'
import { LIMITS, regexProblem, type FormProblems } from './search-params'

interface SearchFormProps {
  connectionId: string
  form: Form
  /** The root in effect: the typed one, or the selected node until the user types one. */
  root: string
  running: boolean
  live: boolean
  /** Problems found when Start was pressed; cleared as fields change. */
  problems: FormProblems
  onStart(): void
  onCancel(): void
}

/** Where to search, what to match (path and/or data), and the limits; Enter in any field starts. */
export function SearchForm({ connectionId, form, root, running, live, problems, onStart, onCancel }: SearchFormProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [limitsOpen, setLimitsOpen] = useState(false)
  const update = (patch: Partial<Form>) => useSearchStore.getState().updateForm(connectionId, patch)
  // Regular expressions are checked while typing: the mistake shows before Start.
  const pathError = problems.path ?? (form.pathMode === 'regex' && form.pathPattern ? regexProblem(form.pathPattern, form.pathCase) : undefined)
  const dataError = problems.data ?? (form.dataMode === 'regex' && form.dataPattern ? regexProblem(form.dataPattern, form.dataCase) : undefined)
  const fmt = (n: number) => formatNumber(n, i18n.language)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!running) onStart()
  }
  const caseToggle = (pressed: boolean, label: string, onToggle: () => void) => (
    <button type="button" className="btn btn-small toggle" aria-pressed={pressed} aria-label={label} title={label} onClick={onToggle}>
      Aa
    </button>
  )

  return (
    <form className="search-form" role="search" aria-label={t('search.formLabel')} onSubmit={submit} noValidate>
      <div className="search-field">
        <span className="field-label" aria-hidden="true">{t('search.root')}</span>
        <span className="search-inline">
          <input
            className="input mono"
            aria-label={t('search.root')}
            value={root}
            aria-invalid={problems.root ? true : undefined}
            spellCheck={false}
            onChange={(event) => update({ root: event.target.value, rootTouched: true })}
          />
          {form.rootTouched && (
            <button type="button" className="btn btn-small" title={t('search.useSelectedHint')} onClick={() => update({ rootTouched: false })}>
              {t('search.useSelected')}
            </button>
          )}
        </span>
        {problems.root && <span className="field-error" role="alert">{t(`treeNav.pathProblem.${problems.root}`)}</span>}
      </div>

      <div className="search-field" role="group" aria-labelledby={`${id}-path`}>
        <span className="field-label" id={`${id}-path`}>{t('search.pathGroup')}</span>
        <span className="search-inline">
          <input
            className="input mono"
            data-autofocus
            aria-label={t('search.pathPattern')}
            placeholder={t(`search.pathPlaceholder.${form.pathMode}`)}
            value={form.pathPattern}
            aria-invalid={pathError ? true : undefined}
            spellCheck={false}
            onChange={(event) => update({ pathPattern: event.target.value })}
          />
          <select className="select select-small" aria-label={t('search.pathMode')} value={form.pathMode} onChange={(event) => update({ pathMode: event.target.value as PathMode })}>
            {PATH_MATCH_MODES.map((mode) => (
              <option key={mode} value={mode}>{t(`treeNav.filterModes.${mode}`)}</option>
            ))}
          </select>
          {caseToggle(form.pathCase, t('search.pathCase'), () => update({ pathCase: !form.pathCase }))}
        </span>
        {pathError && <span className="field-error" role="alert">{t('treeNav.invalidRegex', { reason: pathError })}</span>}
      </div>

      <div className="search-field" role="group" aria-labelledby={`${id}-data`}>
        <span className="field-label" id={`${id}-data`}>{t('search.dataGroup')}</span>
        <span className="search-inline">
          <input
            className="input mono"
            aria-label={t('search.dataPattern')}
            placeholder={t(`search.dataPlaceholder.${form.dataMode}`)}
            value={form.dataPattern}
            aria-invalid={dataError ? true : undefined}
            spellCheck={false}
            onChange={(event) => update({ dataPattern: event.target.value })}
          />
          {caseToggle(form.dataCase, t('search.dataCase'), () => update({ dataCase: !form.dataCase }))}
        </span>
        <span className="search-inline">
          <select className="select select-small" aria-label={t('search.dataMode')} value={form.dataMode} onChange={(event) => update({ dataMode: event.target.value as DataMode })}>
            {DATA_MATCH_MODES.map((mode) => (
              <option key={mode} value={mode}>{t(`search.dataModes.${mode}`)}</option>
            ))}
          </select>
          <select className="select select-small" aria-label={t('search.encoding')} value={form.encoding} onChange={(event) => update({ encoding: event.target.value as SearchEncoding })}>
            {SEARCH_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>{t(`search.encodings.${encoding}`)}</option>
            ))}
          </select>
        </span>
        {dataError && <span className="field-error" role="alert">{t('treeNav.invalidRegex', { reason: dataError })}</span>}
      </div>

      <div className="search-limits">
        <button type="button" className="btn btn-ghost btn-small search-limits-toggle" aria-expanded={limitsOpen} aria-controls={`${id}-limits`} onClick={() => setLimitsOpen((open) => !open)}>
          <span className="search-limits-caret" aria-hidden="true" />
          {t('search.limits', { depth: fmt(form.maxDepth), nodes: fmt(form.maxNodes), results: fmt(form.maxResults) })}
        </button>
        <div id={`${id}-limits`} className="search-limits-grid" hidden={!limitsOpen && !problems.limits}>
          {(Object.keys(LIMITS) as (keyof typeof LIMITS)[]).map((key) => (
            <label key={key} className="search-limit">
              <span className="field-label">{t(`search.limit.${key}`)}</span>
              <input
                className="input"
                type="number"
                min={LIMITS[key].min}
                max={LIMITS[key].max}
                value={Number.isNaN(form[key]) ? '' : form[key]}
                aria-invalid={problems.limits?.includes(key) ? true : undefined}
                onChange={(event) => update({ [key]: event.target.valueAsNumber })}
              />
            </label>
          ))}
          {problems.limits && (
            <span className="field-error" role="alert">
              {t('search.limitsProblem', { depth: fmt(LIMITS.maxDepth.max), nodes: fmt(LIMITS.maxNodes.max), results: fmt(LIMITS.maxResults.max) })}
            </span>
          )}
        </div>
      </div>

      {problems.noPattern && <span className="field-error" role="alert">{t('search.noPattern')}</span>}
      <div className="search-actions">
        <button type="submit" className="btn btn-primary" disabled={running || !live}>
          {t('search.start')}
        </button>
        <button type="button" className="btn" disabled={!running} onClick={onCancel}>
          {t('search.cancel')}
        </button>
      </div>
    </form>
  )
}
