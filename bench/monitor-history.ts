/**
 * A synthetic 24 h monitor history in the backend's own file format
 * (`<dataDir>/monitor/<monitorId>.ndjson`, see history-store.ts), so the
 * real backend loads it and serves it to the real renderer: daily waves,
 * noise, latency spikes, a member down for a while and a leader change
 * every few hours. Deterministic (seeded), so runs compare.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { METRIC_FIELDS, type MetricField } from '../shared/monitor/model'

export interface SyntheticHistory {
  memberIds: string[]
  /** Points written per member. */
  points: number
  bytes: number
}

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

export async function writeSyntheticHistory(opts: {
  dataDir: string
  monitorId: string
  memberIds: string[]
  now: number
  intervalMs: number
  spanMs: number
}): Promise<SyntheticHistory> {
  const { memberIds, now, intervalMs, spanMs } = opts
  const random = rng(42)
  const points = Math.floor(spanMs / intervalMs)
  const start = now - points * intervalMs
  const termMs = 4 * 3_600_000
  const lines: string[] = [JSON.stringify({ k: 'h', v: 1, fields: METRIC_FIELDS })]
  memberIds.forEach((memberId, m) => {
    let znodes = 10_000 + m
    for (let i = 0; i < points; i += 1) {
      const t = start + i * intervalMs
      const day = Math.sin(((t - start) / 86_400_000) * 2 * Math.PI)
      const term = Math.floor((t - start) / termMs)
      const leader = term % memberIds.length === m
      // One member is down for 20 minutes in the middle of the day.
      const down = m === 1 && t - start > 12 * 3_600_000 && t - start < 12 * 3_600_000 + 1_200_000
      znodes += random() < 0.3 ? 1 : 0
      const values: Partial<Record<MetricField, number>> = {
        requestLatencyMs: 2 + day + random() * 2 + (random() < 0.002 ? 80 + random() * 200 : 0),
        latencyMaxMs: 40 + m * 10,
        latencyAvgMs: 2.5,
        latencyMinMs: 0,
        outstandingRequests: random() < 0.05 ? Math.floor(random() * 12) : 0,
        packetsReceivedPerSec: 120 + 80 * day + random() * 30,
        packetsSentPerSec: 130 + 80 * day + random() * 30,
        connections: Math.round(30 + 10 * day + random() * 4),
        znodeCount: znodes,
        watchCount: Math.round(600 + 150 * day + random() * 20),
        fsyncMs: 1 + random() * 4 + (random() < 0.001 ? 60 : 0),
        ephemeralsCount: 120,
        approximateDataSize: 5_000_000,
        openFds: 80,
        maxFds: 65_536,
      }
      const zxid = `0x${(term + 1).toString(16)}${i.toString(16).padStart(8, '0')}`
      lines.push(
        JSON.stringify({
          k: 'p',
          m: memberId,
          t,
          s: down ? 'down' : 'serving',
          r: down ? null : leader ? 'leader' : 'follower',
          z: down ? null : zxid,
          v: down ? null : METRIC_FIELDS.map((f) => (values[f] === undefined ? null : Number((values[f] ?? 0).toPrecision(6)))),
        }),
      )
    }
  })
  for (let term = 0; term * termMs < spanMs; term += 1) {
    const from = start + term * termMs + (term === 0 ? 0 : 2_000)
    const to = start + (term + 1) * termMs
    lines.push(
      JSON.stringify({
        k: 'l',
        memberId: memberIds[term % memberIds.length],
        serverId: (term % memberIds.length) + 1,
        epoch: term + 1,
        from,
        to: to >= now ? null : to,
        electionMs: term === 0 ? null : 2_000,
      }),
    )
  }
  const text = `${lines.join('\n')}\n`
  const dir = path.join(opts.dataDir, 'monitor')
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, `${opts.monitorId}.ndjson`), text)
  return { memberIds, points, bytes: text.length }
}
