/**
 * CPU cost of monitoring: a real 5-member ensemble polled every second with
 * the default commands, measured with process.cpuUsage(). Prints CPU time per
 * round, the share of one core, and two ratios measured in the same run:
 *  - against a naive poller that sends every default word to every member,
 *    one after the other, every round (the same parsers, no detail cadence);
 *  - against a budget of 2 % of one core.
 * Bounded: MONITOR_BENCH_ROUNDS rounds per phase (default 35, so one detail
 * cycle of conf/cons/wchs/isro/ruok is included), then it stops everything.
 *
 *   npx tsx bench/monitor-poll.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { fourLetterExchange } from '../electron/backend/stats/four-letter-client'
import { MonitorService } from '../electron/backend/stats/monitor-service'
import { FOUR_LETTER_PARSERS } from '../shared/monitor/command-parsers'
import { classifyAnswer, DEFAULT_POLL_COMMANDS } from '../shared/zk/four-letter'

const ROUNDS = Number(process.env.MONITOR_BENCH_ROUNDS ?? 35)
const INTERVAL_MS = 1_000
const BUDGET_PCT = 2
const timeouts = { connectMs: 2_000, firstByteMs: 3_000, totalMs: 5_000 }

interface PhaseResult {
  name: string
  rounds: number
  cpuMs: number
  /** The kernel's share of cpuMs (sockets: connect, write, close). */
  systemMs: number
  wallMs: number
  connections: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function cpuMsSince(start: NodeJS.CpuUsage): { cpuMs: number; systemMs: number } {
  const d = process.cpuUsage(start)
  return { cpuMs: (d.user + d.system) / 1000, systemMs: d.system / 1000 }
}

async function consolePhase(connectString: string): Promise<PhaseResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zk-monitor-bench-'))
  let rounds = 0
  let bytes = 0
  let done: () => void = () => undefined
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  let cpuStart = process.cpuUsage()
  let wallStart = performance.now()
  const service = new MonitorService({
    dataDir,
    emit: (event, payload) => {
      // What the IPC / WebSocket host would do with every event.
      bytes += JSON.stringify({ t: 'evt', event, payload }).length
      if (event !== 'monitor.sample') return
      rounds += 1
      if (rounds === 1) {
        // Start measuring after the first round: it includes JIT warm-up and DNS.
        cpuStart = process.cpuUsage()
        wallStart = performance.now()
      }
      if (rounds === ROUNDS + 1) done()
    },
  })
  await service.handlers.startMonitor({ connectString, intervalMs: INTERVAL_MS })
  await finished
  const cpu = cpuMsSince(cpuStart)
  const wallMs = performance.now() - wallStart
  await service.dispose()
  await rm(dataDir, { recursive: true, force: true })
  console.log(`  (events serialised: ${(bytes / 1024).toFixed(0)} KiB)`)
  // srvr + mntr per member and round, plus 5 detail words per member every 30 s.
  const members = connectString.split(',').length
  const connections = Math.round(members * (ROUNDS * 2 + Math.ceil(ROUNDS / 30) * 5))
  return { name: 'console poller', rounds: ROUNDS, ...cpu, wallMs, connections }
}

async function naivePhase(members: Array<{ host: string; port: number }>): Promise<PhaseResult> {
  let connections = 0
  const round = async () => {
    for (const m of members) {
      for (const command of DEFAULT_POLL_COMMANDS) {
        const result = await fourLetterExchange({ host: m.host, port: m.port, command, timeouts })
        connections += 1
        if (!result.ok) continue
        const answer = classifyAnswer(result.bytes.toString('utf8'))
        if (answer.kind === 'ok') FOUR_LETTER_PARSERS[command](answer.text)
      }
    }
  }
  await round() // warm-up
  connections = 0
  const cpuStart = process.cpuUsage()
  const wallStart = performance.now()
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now()
    await round()
    await sleep(Math.max(0, INTERVAL_MS - (performance.now() - started)))
  }
  return { name: 'naive (every word, sequential)', rounds: ROUNDS, ...cpuMsSince(cpuStart), wallMs: performance.now() - wallStart, connections }
}

function report(r: PhaseResult): number {
  const pct = (r.cpuMs / r.wallMs) * 100
  console.log(
    `${r.name.padEnd(32)} ${(r.cpuMs / r.rounds).toFixed(2).padStart(7)} ms CPU/round (${(r.systemMs / r.rounds).toFixed(2)} in the kernel)  ${pct.toFixed(2).padStart(6)} % of one core  ` +
      `${r.rounds} rounds in ${(r.wallMs / 1000).toFixed(1)} s, ~${r.connections} connections`,
  )
  return pct
}

async function main(): Promise<void> {
  console.log(`starting a 5-member ensemble (rounds per phase: ${ROUNDS}, interval ${INTERVAL_MS} ms)…`)
  const ensemble = await launchEnsemble({ size: 5, heap: '128m' })
  const stopAll = () => void ensemble.teardown()
  process.once('SIGINT', stopAll)
  try {
    const members = ensemble.members.map((m) => ({ host: m.host, port: m.clientPort }))
    const consoleResult = await consolePhase(ensemble.connectString)
    const naive = await naivePhase(members)
    console.log('')
    const consolePct = report(consoleResult)
    const naivePct = report(naive)
    console.log('')
    console.log(`ratio console / naive CPU per round: ${(consoleResult.cpuMs / consoleResult.rounds / (naive.cpuMs / naive.rounds)).toFixed(2)}`)
    console.log(`ratio console / budget (${BUDGET_PCT} % of one core): ${(consolePct / BUDGET_PCT).toFixed(2)}  (naive: ${(naivePct / BUDGET_PCT).toFixed(2)})`)
  } finally {
    process.off('SIGINT', stopAll)
    await ensemble.teardown()
  }
}

await main()
