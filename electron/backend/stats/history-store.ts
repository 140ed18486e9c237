/**
 * 24 h of history per member in memory (columnar ring buffers), persisted to
 * `<dir>/<monitorId>.ndjson` so it survives restarts. Writes are throttled:
 * lines are buffered and appended every `flushMs`; the file is rewritten
 * from memory (compacted) when it holds much more than the retention window.
 */
import { mkdir, readFile, rename, rm, appendFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { METRIC_FIELDS, MEMBER_STATUSES, type LeaderTerm, type MemberMetrics, type MemberStatus, type TimelineEvent } from '../../../shared/monitor/model'
import type { AlertEvent } from '../../../shared/monitor/alert-rules'
import { SeriesBuffer, type HistoryPoint } from '../../../shared/monitor/series-buffer'
import { RingBuffer } from '../../../shared/util/ring-buffer'
import { SERVER_MODES } from '../../../shared/zk/four-letter'
import type { Clock } from '../../../shared/util/clock'

export interface HistoryStoreOptions {
  dir: string
  monitorId: string
  retentionMs: number
  intervalMs: number
  clock: Clock
  flushMs?: number
}

type Line =
  | { k: 'h'; v: 1; fields: string[] }
  | { k: 'p'; m: string; t: number; s: MemberStatus; r: string | null; z: string | null; v: (number | null)[] | null }
  | ({ k: 'e' } & TimelineEvent)
  | ({ k: 'a' } & AlertEvent)
  | ({ k: 'l' } & LeaderTerm)

export const EVENT_CAPACITY = 2_000
export const ALERT_CAPACITY = 1_000

export class HistoryStore {
  readonly file: string
  readonly events = new RingBuffer<TimelineEvent>(EVENT_CAPACITY)
  readonly alerts = new RingBuffer<AlertEvent>(ALERT_CAPACITY)
  private readonly series = new Map<string, SeriesBuffer>()
  private readonly terms = new Map<string, LeaderTerm>()
  private capacity: number
  private pending: string[] = []
  private linesInFile = 0
  private timer: unknown = null
  private writing: Promise<void> = Promise.resolve()
  private closed = false
  private readonly flushMs: number

  constructor(private readonly opts: HistoryStoreOptions) {
    this.file = path.join(opts.dir, `${opts.monitorId}.ndjson`)
    this.capacity = HistoryStore.capacityFor(opts.retentionMs, opts.intervalMs)
    this.flushMs = opts.flushMs ?? 10_000
  }

  static capacityFor(retentionMs: number, intervalMs: number): number {
    return Math.ceil(retentionMs / intervalMs) + 16
  }

  /** Reads what an earlier run persisted (points older than the retention are dropped) and compacts the file. */
  async load(): Promise<{ terms: LeaderTerm[]; lastAt: number | null }> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`monitor history ${this.file} unreadable`, error)
      return { terms: [], lastAt: null }
    }
    const cutoff = this.opts.clock.now() - this.opts.retentionMs
    let fields: string[] = [...METRIC_FIELDS]
    let lastAt: number | null = null
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue
      let line: Line
      try {
        line = JSON.parse(raw) as Line
      } catch {
        continue // a line cut short by a crash
      }
      if (line.k === 'h') fields = line.fields
      else if (line.k === 'p' && line.t >= cutoff) {
        this.seriesOf(line.m).push(this.pointFromLine(line, fields))
        lastAt = Math.max(lastAt ?? 0, line.t)
      } else if (line.k === 'e' && line.at >= cutoff) this.events.push(stripKind(line))
      else if (line.k === 'a' && line.at >= cutoff) this.alerts.push(stripKind(line))
      else if (line.k === 'l' && (line.to ?? Number.POSITIVE_INFINITY) >= cutoff) this.terms.set(`${line.memberId}@${line.from}`, stripKind(line))
    }
    await this.compact()
    return { terms: [...this.terms.values()].sort((a, b) => a.from - b.from), lastAt }
  }

  private pointFromLine(line: Extract<Line, { k: 'p' }>, fields: string[]): HistoryPoint {
    let metrics: MemberMetrics | null = null
    if (line.v) {
      metrics = {} as MemberMetrics
      for (const field of METRIC_FIELDS) {
        const i = fields.indexOf(field)
        metrics[field] = i < 0 ? null : (line.v[i] ?? null)
      }
    }
    const role = SERVER_MODES.find((m) => m === line.r) ?? null
    const status = MEMBER_STATUSES.find((s) => s === line.s) ?? 'unknown'
    return { at: line.t, status, role, zxid: line.z, metrics }
  }

  seriesOf(memberId: string): SeriesBuffer {
    let buffer = this.series.get(memberId)
    if (!buffer) {
      buffer = new SeriesBuffer(this.capacity)
      this.series.set(memberId, buffer)
    }
    return buffer
  }

  memberIds(): string[] {
    return [...this.series.keys()]
  }

  /** A new interval changes how many points 24 h hold. */
  setInterval(intervalMs: number): void {
    const capacity = HistoryStore.capacityFor(this.opts.retentionMs, intervalMs)
    if (capacity === this.capacity) return
    this.capacity = capacity
    for (const [id, buffer] of this.series) this.series.set(id, buffer.resize(capacity))
  }

  record(memberId: string, point: HistoryPoint): void {
    this.seriesOf(memberId).push(point)
    const v = point.metrics ? METRIC_FIELDS.map((f) => point.metrics?.[f] ?? null) : null
    this.append({ k: 'p', m: memberId, t: point.at, s: point.status, r: point.role, z: point.zxid, v })
  }

  recordEvent(event: TimelineEvent): void {
    this.events.push(event)
    this.append({ k: 'e', ...event })
  }

  recordAlert(event: AlertEvent): void {
    this.alerts.push(event)
    this.append({ k: 'a', ...event })
  }

  /** Leader terms are written again when they close; the last line per term wins on load. */
  recordTerm(term: LeaderTerm): void {
    this.terms.set(`${term.memberId}@${term.from}`, { ...term })
    this.append({ k: 'l', ...term })
  }

  private append(line: Line): void {
    if (this.closed) return
    this.pending.push(JSON.stringify(line))
    if (this.timer === null) this.timer = this.opts.clock.setTimeout(() => void this.flush(), this.flushMs)
  }

  /** Writes the buffered lines now; compacts when the file has grown well past the window. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      this.opts.clock.clearTimeout(this.timer)
      this.timer = null
    }
    const lines = this.pending
    this.pending = []
    this.writing = this.writing.then(async () => {
      if (lines.length === 0) return
      await mkdir(this.opts.dir, { recursive: true })
      if (this.linesInFile === 0) {
        await appendFile(this.file, `${JSON.stringify({ k: 'h', v: 1, fields: METRIC_FIELDS })}\n`)
        this.linesInFile = 1
      }
      await appendFile(this.file, `${lines.join('\n')}\n`)
      this.linesInFile += lines.length
      if (this.linesInFile > 2 * this.heldLines() + 1_000) await this.rewrite()
    }).catch((error: unknown) => console.warn(`monitor history ${this.file} not written`, error))
    return this.writing
  }

  private heldLines(): number {
    let n = this.events.size + this.alerts.size + this.terms.size
    for (const buffer of this.series.values()) n += buffer.size
    return n
  }

  private compact(): Promise<void> {
    this.writing = this.writing.then(() => this.rewrite()).catch((error: unknown) => console.warn(`monitor history ${this.file} not compacted`, error))
    return this.writing
  }

  /** Replaces the file with what memory holds (write to a temp file, then rename). */
  private async rewrite(): Promise<void> {
    const out: string[] = [JSON.stringify({ k: 'h', v: 1, fields: METRIC_FIELDS })]
    for (const [memberId, buffer] of this.series) {
      for (let i = 0; i < buffer.size; i += 1) {
        const p = buffer.at(i)
        if (!p) continue
        const v = p.metrics ? METRIC_FIELDS.map((f) => p.metrics?.[f] ?? null) : null
        out.push(JSON.stringify({ k: 'p', m: memberId, t: p.at, s: p.status, r: p.role, z: p.zxid, v }))
      }
    }
    for (const e of this.events.toArray()) out.push(JSON.stringify({ k: 'e', ...e }))
    for (const a of this.alerts.toArray()) out.push(JSON.stringify({ k: 'a', ...a }))
    for (const t of this.terms.values()) out.push(JSON.stringify({ k: 'l', ...t }))
    await mkdir(this.opts.dir, { recursive: true })
    const tmp = `${this.file}.tmp`
    await writeFile(tmp, `${out.join('\n')}\n`)
    await rename(tmp, this.file)
    this.linesInFile = out.length
  }

  /** Final flush; nothing is written afterwards. */
  async close(): Promise<void> {
    await this.flush()
    this.closed = true
  }

  /** Deletes the persisted history (and stops writing). */
  async forget(): Promise<void> {
    this.closed = true
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer)
    this.pending = []
    await this.writing
    await rm(this.file, { force: true })
  }
}

function stripKind<T extends { k: string }>(line: T): Omit<T, 'k'> {
  const { k: _k, ...rest } = line
  return rest
}
