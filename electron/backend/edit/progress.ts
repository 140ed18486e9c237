/** Progress of one operation to the peer that started it: at most every 150 ms, plus every phase change. */
import type { EditEvents, EditProgress, OperationKind } from '../../../shared/protocol/edit-api'

const INTERVAL_MS = 150

export type EditEmit = <E extends keyof EditEvents>(event: E, payload: EditEvents[E]) => void

export class Progress {
  private phaseName: EditProgress['phase'] = 'scanning'
  private total: number | undefined
  private started = Date.now()
  private last = 0
  private done = 0
  private failed = 0

  constructor(
    private readonly emit: EditEmit,
    private readonly operationId: string,
    private readonly operation: OperationKind,
  ) {}

  phase(phase: EditProgress['phase'], total?: number): void {
    this.phaseName = phase
    this.total = total
    this.started = Date.now()
    this.done = 0
    this.failed = 0
    this.send()
  }

  update(done: number, failed = 0): void {
    this.done = done
    this.failed = failed
    if (Date.now() - this.last >= INTERVAL_MS) this.send()
  }

  /** The last numbers of the phase, whatever the interval. */
  flush(): void {
    this.send()
  }

  private send(): void {
    this.last = Date.now()
    const seconds = Math.max(0.001, (this.last - this.started) / 1000)
    const payload: EditProgress = {
      operationId: this.operationId,
      operation: this.operation,
      phase: this.phaseName,
      done: this.done,
      failed: this.failed,
      rate: Math.round(this.done / seconds),
    }
    if (this.total !== undefined) payload.total = this.total
    this.emit('edit.progress', payload)
  }
}
