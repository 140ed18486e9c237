/**
 * A MonitorService of its own for an integration test: a fresh data folder,
 * every event recorded, and waiting for the first sample that satisfies a
 * test (against a real ensemble, rounds take real time).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MonitorService } from '../../electron/backend/stats/monitor-service'
import type { EnsembleSample, MonitorEvents } from '../../shared/protocol/monitor-api'

type Recorded = { [E in keyof MonitorEvents]: { event: E; payload: MonitorEvents[E]; t: number } }[keyof MonitorEvents]

export function monitorHarness() {
  let dataDir = ''
  let service: MonitorService | null = null
  const events: Recorded[] = []
  const of = <E extends keyof MonitorEvents>(name: E) => events.filter((e) => e.event === name).map((e) => e.payload as MonitorEvents[E])
  const samples = () => of('monitor.sample')
  return {
    events,
    of,
    samples,
    async start() {
      dataDir = await mkdtemp(path.join(tmpdir(), 'zk-monitor-it-'))
      service = new MonitorService({ dataDir, emit: (event, payload) => events.push({ event, payload, t: Date.now() } as Recorded) })
      return service
    },
    get service(): MonitorService {
      if (!service) throw new Error('not started')
      return service
    },
    async stop() {
      await service?.dispose()
      service = null
      events.length = 0
      if (dataDir) await rm(dataDir, { recursive: true, force: true })
    },
    /** Resolves with the first sample (after `since`) that satisfies `test`. */
    async waitForSample(test: (s: EnsembleSample) => boolean, timeoutMs: number, since = 0): Promise<EnsembleSample> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = samples().find((s) => s.at >= since && test(s))
        if (found) return found
        if (Date.now() > deadline) {
          const last = samples().at(-1)
          throw new Error(`no matching sample within ${timeoutMs} ms; last: ${last?.health.sentence ?? 'none'}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
