/**
 * How the loaded children of one node are shown: sorted by name, ctime or
 * mtime, either way, and optionally filtered by name. Only loaded names are
 * involved; nothing here reads from ZooKeeper. The store keeps the result
 * beside the names it came from, so the visible rows are rebuilt from it
 * without sorting again, and recomputed when the names change.
 */
import { compareNatural } from '../../../shared/zk/natural-sort'
import { globToRegex } from '../../../shared/zk/search-match'
import { decodeName } from '../features/tree/znode-name'

export const CHILD_SORT_KEYS = ['name', 'ctime', 'mtime'] as const
export type ChildSortKey = (typeof CHILD_SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'
export const NAME_FILTER_MODES = ['substring', 'glob', 'regex'] as const
export type NameFilterMode = (typeof NAME_FILTER_MODES)[number]

export interface NameFilter {
  pattern: string
  mode: NameFilterMode
  caseSensitive: boolean
}

export interface ChildViewOptions {
  sortKey: ChildSortKey
  direction: SortDirection
  /** Null, or a filter with a non-empty, valid pattern. */
  filter: NameFilter | null
}

export interface ChildView extends ChildViewOptions {
  /** ctime or mtime (epoch ms) per child name, read from Stats when that sort was chosen. */
  times: ReadonlyMap<string, number> | null
  /** The loaded names (natural order) this view was computed from. */
  source: readonly string[]
  /** What is shown, in order. */
  names: readonly string[]
}

export const DEFAULT_VIEW: ChildViewOptions = { sortKey: 'name', direction: 'asc', filter: null }

export function isDefaultView(options: ChildViewOptions): boolean {
  return options.sortKey === 'name' && options.direction === 'asc' && options.filter === null
}

export type CompiledFilter = { ok: true; test(name: string): boolean } | { ok: false; error: string }

/**
 * A predicate over child names. Encoded names match by their raw or their
 * decoded form, so `dubbo://10.0.0.1` finds what the row shows.
 */
export function compileNameFilter(filter: NameFilter): CompiledFilter {
  let match: (text: string) => boolean
  if (filter.mode === 'substring') {
    const needle = filter.caseSensitive ? filter.pattern : filter.pattern.toLowerCase()
    match = filter.caseSensitive ? (text) => text.includes(needle) : (text) => text.toLowerCase().includes(needle)
  } else {
    let regex: RegExp
    try {
      regex = filter.mode === 'glob' ? globToRegex(filter.pattern, filter.caseSensitive) : new RegExp(filter.pattern, filter.caseSensitive ? '' : 'i')
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    match = (text) => regex.test(text)
  }
  return {
    ok: true,
    test: (name) => {
      if (match(name)) return true
      const decoded = decodeName(name)
      return decoded !== null && match(decoded)
    },
  }
}

function sortByTime(names: readonly string[], times: ReadonlyMap<string, number>, direction: SortDirection): string[] {
  const sign = direction === 'asc' ? 1 : -1
  return [...names].sort((a, b) => {
    const ta = times.get(a)
    const tb = times.get(b)
    // Names without a time (created after the sort was chosen) go last either way.
    if (ta === undefined || tb === undefined) return ta === tb ? compareNatural(a, b) : ta === undefined ? 1 : -1
    return ta !== tb ? (ta - tb) * sign : compareNatural(a, b)
  })
}

/** Applies the options to `source` (natural order). A filter that does not compile is ignored. */
export function buildView(source: readonly string[], options: ChildViewOptions, times: ReadonlyMap<string, number> | null): ChildView {
  let names: readonly string[] = source
  if (options.filter && options.filter.pattern !== '') {
    const compiled = compileNameFilter(options.filter)
    if (compiled.ok) names = names.filter(compiled.test)
  }
  if (options.sortKey !== 'name' && times) names = sortByTime(names, times, options.direction)
  else if (options.direction === 'desc') names = [...names].reverse()
  return { ...options, times: options.sortKey === 'name' ? null : times, source, names }
}

/** The names to show below `path`: its view's if it has one (recomputed if the names changed since), else the loaded names. */
export function shownNames(
  children: Readonly<Record<string, readonly string[]>>,
  views: Readonly<Record<string, ChildView>> | undefined,
  path: string,
): readonly string[] | undefined {
  const names = children[path]
  const view = views?.[path]
  if (!names || !view) return names
  return view.source === names ? view.names : buildView(names, view, view.times).names
}
