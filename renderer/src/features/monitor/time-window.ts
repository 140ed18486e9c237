/**
 * The time window every chart and the leader timeline share: a range that
 * follows the newest sample ("live"), or a fixed window after the user
 * zoomed or panned. Pure arithmetic, so it is unit-tested.
 */

export const RANGES = [
  { id: '5m', ms: 5 * 60_000 },
  { id: '1h', ms: 3_600_000 },
  { id: '24h', ms: 24 * 3_600_000 },
] as const
export type RangeId = (typeof RANGES)[number]['id']

export const DEFAULT_RANGE: RangeId = '1h'
/** Zooming stops at a window of this size; below it a chart shows a handful of points. */
export const MIN_WINDOW_MS = 30_000

export interface ViewWindow {
  range: RangeId
  /** Set once the user zoomed or panned; null follows the newest data. */
  zoom: { from: number; to: number } | null
}

export function rangeMs(range: RangeId): number {
  return RANGES.find((r) => r.id === range)?.ms ?? 3_600_000
}

/** The window to draw, given the time of the newest data. */
export function resolveWindow(view: ViewWindow, now: number): { from: number; to: number } {
  if (view.zoom) return view.zoom
  return { from: now - rangeMs(view.range), to: now }
}

/**
 * The window to draw, with a live window moving in steps of about a pixel
 * bucket (never less than the poll interval): a 24 h view then redraws
 * every few minutes instead of at every 5 s sample, and a 5 min view at
 * every sample. The end is rounded up, so the newest point is inside.
 */
export function steppedWindow(view: ViewWindow, now: number, intervalMs: number, buckets = 300): { from: number; to: number } {
  if (view.zoom) return view.zoom
  const step = Math.max(intervalMs, Math.ceil(rangeMs(view.range) / buckets))
  return resolveWindow(view, Math.ceil(now / step) * step)
}

/** Keeps a window inside [now − range, now] and at least MIN_WINDOW_MS wide. */
export function clampWindow(from: number, to: number, range: RangeId, now: number): { from: number; to: number } {
  const span = rangeMs(range)
  const width = Math.min(span, Math.max(MIN_WINDOW_MS, to - from))
  // A selection narrower than the minimum grows around its centre.
  let start = to - from < MIN_WINDOW_MS ? (from + to) / 2 - width / 2 : from
  start = Math.max(now - span, Math.min(start, now - width))
  return { from: start, to: start + width }
}

/** Zoom into [a, b] (a drag selection, in any order). */
export function zoomTo(view: ViewWindow, a: number, b: number, now: number): ViewWindow {
  const from = Math.min(a, b)
  const to = Math.max(a, b)
  return { ...view, zoom: clampWindow(from, to, view.range, now) }
}

/** Zoom by `factor` (< 1 in, > 1 out) around `center`; back to live when the whole range shows. */
export function zoomBy(view: ViewWindow, factor: number, now: number, center?: number): ViewWindow {
  const { from, to } = resolveWindow(view, now)
  const mid = center ?? (from + to) / 2
  const width = (to - from) * factor
  if (width >= rangeMs(view.range)) return { ...view, zoom: null }
  const ratio = (mid - from) / (to - from)
  return { ...view, zoom: clampWindow(mid - width * ratio, mid + width * (1 - ratio), view.range, now) }
}

/** Pan by a fraction of the window (negative: back in time); back to live at the right edge. */
export function panBy(view: ViewWindow, fraction: number, now: number): ViewWindow {
  const { from, to } = resolveWindow(view, now)
  const shift = (to - from) * fraction
  if (!view.zoom && shift >= 0) return view
  const next = clampWindow(from + shift, to + shift, view.range, now)
  if (next.to >= now && next.to - next.from >= rangeMs(view.range)) return { ...view, zoom: null }
  return { ...view, zoom: next }
}

/**
 * Points further apart than this mean the monitor was not running (or the
 * member was not recorded): lines break there. Three intervals, and never
 * less than 15 s, so points recorded at an earlier, slower interval are not
 * taken for holes.
 */
export function gapFor(intervalMs: number): number {
  return Math.max(15_000, intervalMs * 3)
}

/** Nice tick positions for a time axis: about `count` of them on round times. */
export function timeTicks(from: number, to: number, count: number): number[] {
  const steps = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200].map((s) => s * 1000)
  const span = Math.max(1, to - from)
  const step = steps.find((s) => span / s <= count) ?? 86_400_000
  // Round to local minutes and hours: a tick at 14:00 reads better than one at 13:59:42.
  const offset = new Date(from).getTimezoneOffset() * 60_000
  const ticks: number[] = []
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t)
  return ticks
}
