/**
 * Display downsampling for long series: min/max per pixel bucket, on one
 * time grid shared by every line of a chart. A 24 h series at 5 s is
 * 17,280 points per member; a chart is a few hundred pixels wide. Each
 * bucket keeps its minimum and maximum in time order (two rows), so a
 * latency spike or a drop to zero never disappears the way it would with
 * averaging. The grid is shared because recharts redraws far less when the
 * lines of a chart read one data array (see chart-data.ts). Pure: no DOM.
 */

/** One member's column as plain arrays, oldest first; NaN means "no value". Arrays, not accessors: a 24 h chart reads 170,000 points per draw. */
export interface SeriesSource {
  size: number
  t: ArrayLike<number>
  v: ArrayLike<number>
}

/** One x position of a chart: its time and one value per line (null breaks the line). */
export interface ChartRow {
  t: number
  v: (number | null)[]
}

export interface GridOptions {
  from: number
  to: number
  /** At most this many buckets (about half the plot width in pixels). */
  maxBuckets: number
  /** Buckets are never narrower than this (the poll interval): each then holds about one point per member. */
  minBucketMs: number
  /** Points further apart than this are not joined (the monitor was not running). */
  gapMs: number
}

function timeAt(src: SeriesSource, index: number): number {
  return src.t[index] ?? Number.NaN
}

function valueAt(src: SeriesSource, index: number): number {
  return src.v[index] ?? Number.NaN
}

function lowerBound(src: SeriesSource, time: number): number {
  let lo = 0
  let hi = src.size
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (timeAt(src, mid) < time) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The buckets for a window: how many, and how wide. */
export function gridOf(opts: GridOptions): { buckets: number; width: number } {
  const span = Math.max(1, opts.to - opts.from)
  const buckets = Math.max(1, Math.min(opts.maxBuckets, Math.floor(span / Math.max(1, opts.minBucketMs))))
  return { buckets, width: span / buckets }
}

/** A straight line between two neighbouring points, or null across a hole or an empty point. */
function between(src: SeriesSource, a: number, b: number, at: number, gapMs: number): number | null {
  if (a < 0 || b >= src.size) return null
  const ta = timeAt(src, a)
  const tb = timeAt(src, b)
  const va = valueAt(src, a)
  const vb = valueAt(src, b)
  if (!Number.isFinite(va) || !Number.isFinite(vb) || tb - ta > gapMs) return null
  return tb === ta ? va : va + ((vb - va) * (at - ta)) / (tb - ta)
}

/**
 * Two rows per bucket (at a quarter and three quarters of it). Per line and
 * bucket: with two or more values, the extremes in time order; with one, the
 * value and then the way to the next point; with none, the line drawn
 * straight between its neighbours, or null inside a hole or where the
 * member had no value (down).
 */
export function bucketRows(sources: readonly SeriesSource[], opts: GridOptions): ChartRow[] {
  const { buckets, width } = gridOf(opts)
  const rows: ChartRow[] = []
  for (let k = 0; k < buckets; k += 1) {
    const start = opts.from + k * width
    rows.push({ t: start + width / 4, v: new Array<number | null>(sources.length).fill(null) })
    rows.push({ t: start + (width * 3) / 4, v: new Array<number | null>(sources.length).fill(null) })
  }
  sources.forEach((src, s) => {
    let i = lowerBound(src, opts.from)
    for (let k = 0; k < buckets; k += 1) {
      const end = k === buckets - 1 ? Number.POSITIVE_INFINITY : opts.from + (k + 1) * width
      const rowA = rows[2 * k] as ChartRow
      const rowB = rows[2 * k + 1] as ChartRow
      const firstIndex = i
      let count = 0
      let minV = 0
      let minT = 0
      let maxV = 0
      let maxT = 0
      let single = -1
      for (; i < src.size; i += 1) {
        const t = timeAt(src, i)
        if (!(t < end && t <= opts.to)) break
        const v = valueAt(src, i)
        if (!Number.isFinite(v)) continue
        if (count === 0 || v < minV) {
          minV = v
          minT = t
        }
        if (count === 0 || v > maxV) {
          maxV = v
          maxT = t
        }
        count += 1
        single = i
      }
      if (i === firstIndex) {
        // No point in this bucket: join the neighbours when they are close enough.
        rowA.v[s] = between(src, i - 1, i, rowA.t, opts.gapMs)
        rowB.v[s] = between(src, i - 1, i, rowB.t, opts.gapMs)
      } else if (count === 1) {
        // One point: the line comes in from the previous point and leaves toward the next one.
        const at = timeAt(src, single)
        rowA.v[s] = at <= rowA.t ? minV : (between(src, single - 1, single, rowA.t, opts.gapMs) ?? minV)
        rowB.v[s] = at >= rowB.t ? minV : (between(src, single, single + 1, rowB.t, opts.gapMs) ?? minV)
      } else if (count > 1) {
        rowA.v[s] = minT <= maxT ? minV : maxV
        rowB.v[s] = minT <= maxT ? maxV : minV
      }
    }
  })
  return rows
}

/** The row nearest to `at` (by time), for hover read-outs; null when there is none. */
export function nearestRow(rows: readonly ChartRow[], at: number): ChartRow | null {
  if (rows.length === 0) return null
  let lo = 0
  let hi = rows.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((rows[mid]?.t ?? 0) < at) lo = mid + 1
    else hi = mid
  }
  const after = rows[lo]
  const before = rows[lo - 1]
  if (!after) return before ?? null
  if (!before) return after
  return at - before.t <= after.t - at ? before : after
}
