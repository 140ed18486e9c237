/**
 * The tree's multi-selection ("marked" rows), beside the single focused row
 * that the node panel follows: Ctrl/⌘+click or Space toggles a row,
 * Shift+click or Shift+arrows marks the range from the anchor. Pure
 * functions over a tree's rows; the store applies them.
 */
import type { TreeRow } from './tree-rows'

export interface Marks {
  /** Marked paths, in the order they were marked. Never the root: it cannot be acted on as a selection. */
  marked: readonly string[]
  /** Where a Shift range starts: the last row toggled, or the focused row when nothing was. */
  anchor: string | null
}

export const NO_MARKS: Marks = { marked: [], anchor: null }

/**
 * Toggles `path`. Starting a selection keeps the focused row in it, as a
 * Ctrl+click does in a file manager: the row you were on plus the one you
 * clicked.
 */
export function toggleMark(marks: Marks, focused: string, path: string): Marks {
  if (path === '/') return marks
  const start = marks.marked.length === 0 && focused !== '/' && focused !== path ? [focused] : marks.marked
  const marked = start.includes(path) ? start.filter((p) => p !== path) : [...start, path]
  return { marked, anchor: path }
}

/** Marks the rows from the anchor (or the focused row) to `path`, both included, in row order. */
export function markRange(marks: Marks, rows: readonly TreeRow[], focused: string, path: string): Marks {
  const anchor = marks.anchor ?? focused
  const from = rows.findIndex((row) => row.path === anchor)
  const to = rows.findIndex((row) => row.path === path)
  if (from < 0 || to < 0) return toggleMark(NO_MARKS, focused, path)
  const [low, high] = from <= to ? [from, to] : [to, from]
  const marked = rows
    .slice(low, high + 1)
    .map((row) => row.path)
    .filter((p) => p !== '/')
  return { marked, anchor }
}

/** The multi-selection a command on `path` acts on: the marked paths when `path` is one of several, else null (the row alone). */
export function selectionAt(marks: Marks, path: string): readonly string[] | null {
  return marks.marked.length > 1 && marks.marked.includes(path) ? marks.marked : null
}

/** Drops marked paths that are no longer rows (deleted, or hidden by a collapse): a selection is what is seen. */
export function pruneMarks(marks: Marks, rows: readonly TreeRow[]): Marks {
  if (marks.marked.length === 0) return marks
  const shown = new Set(rows.map((row) => row.path))
  const marked = marks.marked.filter((path) => shown.has(path))
  if (marked.length === marks.marked.length) return marks
  return { marked, anchor: marks.anchor && shown.has(marks.anchor) ? marks.anchor : null }
}
