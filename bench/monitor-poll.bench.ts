/**
 * CPU cost of monitoring: a real 5-member ensemble polled every second with
 * the default commands, measured with process.cpuUsage(). Prints CPU time per
 * round, the share of one core, and ratios measured in the same run:
 *  - against a naive poller that sends every default word to every member,
 *    one after the other, every round (the same parsers, no detail cadence);
 *  - against the console reading only the AdminServer, over one kept-alive
 *    socket per member (why 'auto' asks the four-letter words first);
 *  - against a budget of 2 % of one core.
 * Bounded: MONITOR_BENCH_WARMUP rounds of warm-up (default 60, shown apart;
 * half as many before the AdminServer phase), then MONITOR_BENCH_ROUNDS
 * rounds per phase (default 35, so one detail cycle of conf/cons/wchs/isro/
 * ruok is included), then it stops everything. About 4 minutes.
 *
 *   npm run bench monitor-poll
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { fourLetterExchange, type FourLetterTransport } from '../electron/backend/stats/four-letter-client'
import { MonitorService } from '../electron/backend/stats/monitor-service'
import { FOUR_LETTER_PARSERS } from '../shared/monitor/command-parsers'
import { classifyAnswer, DEFAULT_POLL_COMMANDS } from '../shared/zk/four-letter'
import type { TransportPreference } from '../shared/monitor/model'
import type { MonitorEvents } from '../shared/protocol/monitor-api'
import { adminRequest, type AdminTransport, type KnownAdminPort } from '../electron/backend/stats/admin-client'

const ROUNDS = Number(process.env.MONITOR_BENCH_ROUNDS ?? 35)
const WARMUP_ROUNDS = Number(process.env.MONITOR_BENCH_WARMUP ?? 60)
const ADMIN_WARMUP_ROUNDS = Math.ceil(WARMUP_ROUNDS / 2)
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
  /** Four-letter-word connections opened while measuring. */
  connections: number
  /** AdminServer requests sent while measuring (on kept-alive sockets). */
  adminRequests: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function cpuMsSince(start: NodeJS.CpuUsage): { cpuMs: number; systemMs: number } {
  const d = process.cpuUsage(start)
  return { cpuMs: (d.user + d.system) / 1000, systemMs: d.system / 1000 }
}

interface Window {
  name: string
  rounds: number
  cpuStart: NodeJS.CpuUsage
  wallStart: number
  counts: { fourLetter: number; admin: number }
}

function closeWindow(w: Window): PhaseResult {
  return { name: w.name, rounds: w.rounds, ...cpuMsSince(w.cpuStart), wallMs: performance.now() - w.wallStart, connections: w.counts.fourLetter, adminRequests: w.counts.admin }
}

/**
 * The console's own poller at its defaults, measured in two windows: its
 * first `warmup` rounds (a fresh process compiles and optimises for about a
 * minute, on background threads too), then `measured` rounds of steady
 * state. It knows the members' AdminServer ports the way the app knows the
 * sandbox's. Every sample must show every member serving: numbers from a
 * poller that reads nothing would be cheap and meaningless, so that stops
 * the bench.
 */
async function consolePhase(
  connectString: string,
  transport: TransportPreference,
  name: string,
  knownAdminPort: KnownAdminPort,
  warmup: number,
): Promise<{ warm: PhaseResult; steady: PhaseResult }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zk-monitor-bench-'))
  let bytes = 0
  const reads = new Map<string, number>()
  let window: Window | null = null
  let warm: PhaseResult | null = null
  let steady: PhaseResult | null = null
  const open = (label: string): Window => ({ name: label, rounds: 0, cpuStart: process.cpuUsage(), wallStart: performance.now(), counts: { fourLetter: 0, admin: 0 } })
  // What went over the wire, counted at the transports.
  const fourLetter: FourLetterTransport = (request) => {
    if (window) window.counts.fourLetter += 1
    return fourLetterExchange(request)
  }
  const admin: AdminTransport = (request) => {
    if (window) window.counts.admin += 1
    return adminRequest(request)
  }
  let done: () => void = () => undefined
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  const service = new MonitorService({
    dataDir,
    knownAdminPort,
    fourLetter,
    admin,
    emit: (event, payload) => {
      // What the IPC / WebSocket host would do with every event.
      bytes += JSON.stringify({ t: 'evt', event, payload }).length
      if (event !== 'monitor.sample' || steady) return
      const members = (payload as MonitorEvents['monitor.sample']).members
      if (!window) {
        // Windows start once every member has been read: the first rounds (longer
        // than an interval with a cold JVM) hold DNS, identity checks and every detail word.
        if (members.every((m) => m.status === 'serving')) window = open(`${name}, first ${warmup} rounds`)
        return
      }
      window.rounds += 1
      for (const m of members) {
        const key = m.status === 'serving' ? `serving via ${m.sources.metrics ?? '?'}` : `${m.status} (${m.failure ?? '-'}: ${m.detail ?? ''})`
        reads.set(key, (reads.get(key) ?? 0) + 1)
      }
      if (!warm && window.rounds === warmup) {
        warm = closeWindow(window)
        window = open(name)
      } else if (warm && window.rounds === ROUNDS) {
        steady = closeWindow(window)
        window = null
        done()
      }
    },
  })
  await service.handlers.startMonitor({ connectString, intervalMs: INTERVAL_MS, transport })
  await finished
  await service.dispose()
  await rm(dataDir, { recursive: true, force: true })
  const readsText = [...reads].map(([what, n]) => `${n} ${what}`).join(', ')
  console.log(`  ${name}: member readings ${readsText}; events serialised: ${(bytes / 1024).toFixed(0)} KiB`)
  if ([...reads.keys()].some((what) => !what.startsWith('serving'))) throw new Error(`${name}: not every member was read in every round (${readsText})`)
  if (!warm || !steady) throw new Error(`${name}: the phase ended without its measurements`)
  return { warm, steady }
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
  return { name: 'naive (every word, sequential)', rounds: ROUNDS, ...cpuMsSince(cpuStart), wallMs: performance.now() - wallStart, connections, adminRequests: 0 }
}

function report(r: PhaseResult): number {
  const pct = (r.cpuMs / r.wallMs) * 100
  console.log(
    `${r.name.padEnd(32)} ${(r.cpuMs / r.rounds).toFixed(2).padStart(7)} ms CPU/round (${(r.systemMs / r.rounds).toFixed(2)} in the kernel)  ${pct.toFixed(2).padStart(6)} % of one core  ` +
      `${r.rounds} rounds in ${(r.wallMs / 1000).toFixed(1)} s, ${r.connections} 4lw connections, ${r.adminRequests} AdminServer requests`,
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
    const knownAdminPort: KnownAdminPort = (host, port) => ensemble.members.find((m) => m.host === host && m.clientPort === port)?.adminPort ?? null
    // A fresh process runs its first minute or so slower (lazy compilation, optimising tiers on background
    // threads, start-up garbage). Those rounds are shown on their own; the console runs for hours.
    console.log(`console poller: ${WARMUP_ROUNDS} rounds of warm-up, then ${ROUNDS} measured…`)
    const auto = await consolePhase(ensemble.connectString, 'auto', 'console poller (auto)', knownAdminPort, WARMUP_ROUNDS)
    // The AdminServer path runs other code (HTTP, JSON): it gets a warm-up of its own.
    console.log(`AdminServer only: ${ADMIN_WARMUP_ROUNDS} rounds of warm-up, then ${ROUNDS} measured…`)
    const adminOnly = await consolePhase(ensemble.connectString, 'admin', 'console, AdminServer only', knownAdminPort, ADMIN_WARMUP_ROUNDS)
    console.log(`naive poller: ${ROUNDS} rounds…`)
    const naive = await naivePhase(members)
    console.log('')
    report(auto.warm)
    const consolePct = report(auto.steady)
    report(adminOnly.steady)
    const naivePct = report(naive)
    console.log('')
    const consoleResult = auto.steady
    const adminResult = adminOnly.steady
    const perRound = (r: PhaseResult) => r.cpuMs / r.rounds
    console.log(`ratio console / naive CPU per round: ${(perRound(consoleResult) / perRound(naive)).toFixed(2)}`)
    console.log(`ratio console / AdminServer only (kept-alive sockets): ${(perRound(consoleResult) / perRound(adminResult)).toFixed(2)}`)
    console.log(`ratio console / budget (${BUDGET_PCT} % of one core): ${(consolePct / BUDGET_PCT).toFixed(2)}  (naive: ${(naivePct / BUDGET_PCT).toFixed(2)})`)
  } finally {
    process.off('SIGINT', stopAll)
    await ensemble.teardown()
  }
}

await main()
