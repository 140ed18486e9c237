/**
 * `mntr`: `zk_<key>\t<value>` lines, ~500 of them on 3.6+, in hash-map order.
 * Two shapes exist (reference §4.1, §4.2):
 *  - default provider: ints, doubles (`zk_avg_latency 1.1727`), strings, and
 *    summaries expanded to avg/min/max/cnt/sum(/p50…);
 *  - Prometheus provider: every value a double, `NaN` for empty quantiles,
 *    labelled keys `zk_readlatency{quantile="0.5"}`, and `_count` / `_sum`.
 * Keys are a prefix set and come and go with the role, so nothing is fixed.
 */
import type { LabelledMetric, MntrData } from './types'

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/
const LABELLED = /^([A-Za-z0-9_:]+)\{(.*)\}$/
const LABEL = /([A-Za-z0-9_]+)="((?:[^"\\]|\\.)*)"/g

function stripPrefix(key: string): string {
  return key.startsWith('zk_') ? key.slice(3) : key
}

function parseLabels(body: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const match of body.matchAll(LABEL)) labels[match[1] ?? ''] = match[2] ?? ''
  return labels
}

/**
 * Parses an mntr answer. Lines without a TAB are skipped, never fatal.
 * With `only`, just those keys (without `zk_`) are typed: a poller needs ~40
 * of the ~500 every round, and the rest only when someone looks at them.
 */
export function parseMntr(text: string, only?: ReadonlySet<string>): MntrData {
  // Hot path (every member, every round): scan with indexOf, no split or regex per line.
  const acc = new Accumulator()
  const len = text.length
  let start = 0
  while (start < len) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = len
    // Split on the FIRST tab only: values such as the version contain spaces.
    const tab = text.indexOf('\t', start)
    if (tab > start && tab < end) {
      const rawKey = text.slice(start, tab).trim()
      if (!only || only.has(stripPrefix(rawKey))) {
        const valueEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end
        acc.add(rawKey, text.slice(tab + 1, valueEnd).trim())
      }
    }
    start = end + 1
  }
  return acc.result()
}

/** Types raw `key → value` pairs (from mntr lines or AdminServer `monitor` JSON). */
export function parseMntrEntries(entries: Iterable<[string, string]>): MntrData {
  const acc = new Accumulator()
  for (const [key, raw] of entries) acc.add(key, raw)
  return acc.result()
}

function startsNumber(code: number): boolean {
  // 0-9, '-', '.'
  return (code >= 48 && code <= 57) || code === 45 || code === 46
}

class Accumulator {
  private readonly numbers: Record<string, number> = {}
  private readonly strings: Record<string, string> = {}
  private readonly labelled: LabelledMetric[] = []
  private readonly nan: string[] = []
  private defaultStyle = false
  private readonly countKeys: string[] = []

  add(rawKey: string, raw: string): void {
    if (rawKey.endsWith('}')) {
      const labelMatch = LABELLED.exec(rawKey)
      if (labelMatch) {
        const value = NUMBER.test(raw) ? Number(raw) : null
        this.labelled.push({ name: stripPrefix(labelMatch[1] ?? ''), labels: parseLabels(labelMatch[2] ?? ''), value })
        return
      }
    }
    const key = stripPrefix(rawKey)
    if (raw === 'NaN') {
      this.nan.push(key)
      return
    }
    const value = raw.length > 0 && startsNumber(raw.charCodeAt(0)) ? Number(raw) : Number.NaN
    if (Number.isNaN(value)) {
      this.strings[key] = raw
      return
    }
    this.numbers[key] = value
    if (key.startsWith('cnt_')) this.defaultStyle = true
    else if (key.endsWith('_count')) this.countKeys.push(key)
  }

  result(): MntrData {
    // Default-provider summaries come as cnt_x/sum_x; the Prometheus ones as x_count/x_sum.
    const promStyle = !this.defaultStyle && this.countKeys.some((k) => `${k.slice(0, -6)}_sum` in this.numbers)
    const format = this.labelled.length > 0 || promStyle ? 'prometheus' : 'default'
    return { format, numbers: this.numbers, strings: this.strings, labelled: this.labelled, nan: this.nan }
  }
}

/** A number by key (without `zk_`), or null when absent. */
export function mntrNumber(data: MntrData, key: string): number | null {
  const value = data.numbers[key]
  return value === undefined ? null : value
}

/** A summary's count and sum in either provider's naming. */
export function mntrSummary(data: MntrData, name: string): { count: number; sum: number } | null {
  const count = data.numbers[`cnt_${name}`] ?? data.numbers[`${name}_count`]
  const sum = data.numbers[`sum_${name}`] ?? data.numbers[`${name}_sum`]
  if (count === undefined || sum === undefined) return null
  return { count, sum }
}

/** `learners` (3.6+) or its old name `followers` (≤ 3.5), leader only. */
export function mntrLearners(data: MntrData): number | null {
  return mntrNumber(data, 'learners') ?? mntrNumber(data, 'followers')
}
