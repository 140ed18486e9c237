/**
 * From the search form to the contract's SearchParams, with the problems a
 * person can fix before anything is sent: a bad root, a regular expression
 * that does not compile, no pattern at all, limits out of range.
 */
import type { SearchParams } from '../../../../shared/protocol/tree-api'
import { checkPath, type PathProblem } from '../../../../shared/zk/path'
import type { SearchForm } from '../../stores/search-store'

export const LIMITS = {
  maxDepth: { min: 0, max: 1000 },
  maxNodes: { min: 1, max: 10_000_000 },
  maxResults: { min: 1, max: 100_000 },
} as const

export interface FormProblems {
  root?: PathProblem
  /** The regex engine's own message. */
  path?: string
  data?: string
  noPattern?: true
  limits?: (keyof typeof LIMITS)[]
}

export type ParamsResult = { ok: true; params: SearchParams } | { ok: false; problems: FormProblems }

export function regexProblem(pattern: string, caseSensitive: boolean): string | undefined {
  try {
    new RegExp(pattern, caseSensitive ? '' : 'i')
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export function validLimit(key: keyof typeof LIMITS, value: number): boolean {
  return Number.isInteger(value) && value >= LIMITS[key].min && value <= LIMITS[key].max
}

export function buildSearchParams(form: SearchForm, connectionId: string, searchId: string): ParamsResult {
  const problems: FormProblems = {}
  const root = checkPath(form.root)
  if (!root.ok) problems.root = root.problem ?? 'empty'
  if (form.pathPattern !== '' && form.pathMode === 'regex') {
    const message = regexProblem(form.pathPattern, form.pathCase)
    if (message) problems.path = message
  }
  if (form.dataPattern !== '' && form.dataMode === 'regex') {
    const message = regexProblem(form.dataPattern, form.dataCase)
    if (message) problems.data = message
  }
  if (form.pathPattern === '' && form.dataPattern === '') problems.noPattern = true
  const limits = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).filter((key) => !validLimit(key, form[key]))
  if (limits.length > 0) problems.limits = limits
  if (Object.keys(problems).length > 0) return { ok: false, problems }
  return {
    ok: true,
    params: {
      connectionId,
      searchId,
      root: form.root,
      ...(form.pathPattern !== '' ? { path: { pattern: form.pathPattern, mode: form.pathMode, caseSensitive: form.pathCase } } : {}),
      ...(form.dataPattern !== ''
        ? { data: { pattern: form.dataPattern, mode: form.dataMode, encoding: form.encoding, caseSensitive: form.dataCase } }
        : {}),
      maxDepth: form.maxDepth,
      maxNodes: form.maxNodes,
      maxResults: form.maxResults,
    },
  }
}
