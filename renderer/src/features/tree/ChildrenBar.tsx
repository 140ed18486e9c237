import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZkApi } from '../../../../shared/protocol/api'
import { useTreeStore } from '../../stores/tree-store'
import { CHILD_SORT_KEYS, NAME_FILTER_MODES, compileNameFilter, type ChildSortKey, type NameFilterMode, type SortDirection } from '../../stores/child-view'
import { describeError } from '../../i18n/describe-error'
import { formatNumber } from '../../i18n/format'
import { Close } from '../../ui/icons'
import { loadChildStats, type Progress } from './child-times'
import { expand } from './tree-actions'

interface ChildrenBarProps {
  api: ZkApi
  connectionId: string
  /** The node whose loaded children are filtered and sorted. */
  path: string
  onClose(): void
}

const APPLY_MS = 120

/**
 * Filter and sort the loaded children of one node. Filtering works on the
 * names in memory; sorting by ctime or mtime first reads the Stats it lacks,
 * with progress, and can be cancelled. Mount with `key={path}`.
 */
export function ChildrenBar({ api, connectionId, path, onClose }: ChildrenBarProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const initial = useTreeStore.getState().trees[connectionId]?.views[path]
  const [pattern, setPattern] = useState(initial?.filter?.pattern ?? '')
  const [mode, setMode] = useState<NameFilterMode>(initial?.filter?.mode ?? 'substring')
  const [caseSensitive, setCaseSensitive] = useState(initial?.filter?.caseSensitive ?? false)
  const [sortKey, setSortKey] = useState<ChildSortKey>(initial?.sortKey ?? 'name')
  const [direction, setDirection] = useState<SortDirection>(initial?.direction ?? 'asc')
  const [progress, setProgress] = useState<Progress | null>(null)
  const [statsError, setStatsError] = useState<string | null>(null)
  const loading = useRef<AbortController | null>(null)
  const view = useTreeStore((s) => s.trees[connectionId]?.views[path])
  const total = useTreeStore((s) => s.trees[connectionId]?.children[path]?.length)

  const filter = pattern === '' ? null : { pattern, mode, caseSensitive }
  const compiled = filter ? compileNameFilter(filter) : null
  const filterError = compiled && !compiled.ok ? compiled.error : null
  // The sort in effect: a time sort applies once its Stats are in.
  const [appliedSort, setAppliedSort] = useState<ChildSortKey>(sortKey)

  // Listing is what expanding does anyway; the filter itself never reads anything.
  useEffect(() => {
    const tree = useTreeStore.getState().trees[connectionId]
    if (tree && !tree.expanded[path]) expand(api, connectionId, path)
  }, [api, connectionId, path])

  useEffect(() => {
    if (filterError) return
    const timer = setTimeout(
      () => useTreeStore.getState().setChildView(connectionId, path, { sortKey: appliedSort, direction, filter: compiled?.ok ? filter : null }),
      APPLY_MS,
    )
    return () => clearTimeout(timer)
    // `filter` and `compiled` are derived from these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connectionId, path, pattern, mode, caseSensitive, appliedSort, direction, filterError, total])

  useEffect(() => () => loading.current?.abort(), [])

  const chooseSort = (key: ChildSortKey) => {
    loading.current?.abort()
    setSortKey(key)
    setStatsError(null)
    if (key === 'name') {
      setAppliedSort(key)
      setProgress(null)
      return
    }
    const controller = new AbortController()
    loading.current = controller
    loadChildStats(api, connectionId, path, setProgress, controller.signal).then(
      () => {
        setProgress(null)
        setAppliedSort(key)
        // The same key again must still re-sort with the Stats just read.
        useTreeStore.getState().setChildView(connectionId, path, { sortKey: key, direction, filter: compiled?.ok ? filter : null })
      },
      (error: unknown) => {
        setProgress(null)
        if (controller.signal.aborted) return
        setSortKey(appliedSort)
        setStatsError(describeError(t, error))
      },
    )
  }

  const cancelStats = () => {
    loading.current?.abort()
    setProgress(null)
    setSortKey(appliedSort)
  }

  const fmt = (n: number) => formatNumber(n, i18n.language)
  const shown = view?.filter ? view.names.length : total
  return (
    <div className="children-bar" role="group" aria-label={t('treeNav.childrenBar', { path })}>
      <div className="children-bar-title">
        <span className="muted">{t('treeNav.childrenOf')}</span>
        <span className="mono children-bar-path" title={path}>
          {path}
        </span>
        <span className="children-count" role="status">
          {total === undefined ? t('tree.loading') : view?.filter ? t('treeNav.matchCount', { shown: fmt(shown ?? 0), total: fmt(total), count: total }) : t('tree.children', { count: total })}
        </span>
        <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('treeNav.closeChildrenBar')} title={t('treeNav.closeChildrenBar')} onClick={onClose}>
          <Close size={14} />
        </button>
      </div>
      <div className="children-bar-row">
        <input
          className="input mono children-filter"
          type="search"
          autoFocus
          aria-label={t('treeNav.filterLabel')}
          placeholder={t(`treeNav.filterPlaceholder.${mode}`)}
          value={pattern}
          aria-invalid={filterError ? true : undefined}
          aria-describedby={filterError ? `${id}-error` : undefined}
          onChange={(event) => setPattern(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && pattern === '' && onClose()}
        />
        <button type="button" className="btn btn-small toggle" aria-pressed={caseSensitive} aria-label={t('treeNav.matchCase')} title={t('treeNav.matchCase')} onClick={() => setCaseSensitive((v) => !v)}>
          Aa
        </button>
      </div>
      <div className="children-bar-row">
        <select className="select select-small" aria-label={t('treeNav.filterMode')} value={mode} onChange={(event) => setMode(event.target.value as NameFilterMode)}>
          {NAME_FILTER_MODES.map((value) => (
            <option key={value} value={value}>
              {t(`treeNav.filterModes.${value}`)}
            </option>
          ))}
        </select>
        <select className="select select-small" aria-label={t('treeNav.sortBy')} value={sortKey} onChange={(event) => chooseSort(event.target.value as ChildSortKey)}>
          {CHILD_SORT_KEYS.map((value) => (
            <option key={value} value={value}>
              {t(`treeNav.sortKey.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small toggle"
          aria-pressed={direction === 'desc'}
          aria-label={t('treeNav.descending')}
          title={t('treeNav.descending')}
          onClick={() => setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))}
        >
          {direction === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {filterError && (
        <p className="field-error children-bar-error" id={`${id}-error`} role="alert">
          {t('treeNav.invalidRegex', { reason: filterError })}
        </p>
      )}
      {statsError && (
        <p className="field-error children-bar-error" role="alert">
          {t('treeNav.statsFailed', { reason: statsError })}
        </p>
      )}
      {progress && (
        <div className="children-bar-row children-progress">
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('treeNav.readingStats')} />
          <span className="muted">{t('treeNav.statsProgress', { done: fmt(progress.done), total: fmt(progress.total) })}</span>
          <button type="button" className="btn btn-small" onClick={cancelStats}>
            {t('app.cancel')}
          </button>
        </div>
      )}
    </div>
  )
}
