/**
 * Real-ZooKeeper test harness on top of the sandbox's ensemble launcher.
 *
 * ```ts
 * const zk = useEnsemble({ size: 3 })            // beforeAll starts it, afterAll stops it
 * it('...', () => connect(zk.current.connectString))
 * ```
 * or by hand: `const e = await startEnsemble()` in beforeAll, `await e.stop()` in afterAll.
 * When Java or the ZooKeeper jars are missing it throws with the install command: tests that
 * need a real server must fail loudly, never skip.
 */
import { afterAll, beforeAll } from 'vitest'
import { launchEnsemble, type LaunchOptions } from '../../electron/backend/sandbox/ensemble-launcher'
import type { ServerMode } from '../../electron/backend/sandbox/sandbox-probe'
import { requireZkInstall } from '../../electron/backend/sandbox/zk-install'

export interface TestMember {
  readonly id: number
  readonly host: string
  readonly clientPort: number
  readonly adminPort: number
  /** host:clientPort of this member alone. */
  readonly address: string
  readonly pid: number | undefined
  readonly isRunning: boolean
  stop(): Promise<void>
  /** Starts it again on the same ports and data; resolves once it serves. */
  start(): Promise<ServerMode>
  /** SIGKILL, to simulate a crash. */
  kill(): Promise<void>
  mode(): Promise<ServerMode | undefined>
  logTail(lines?: number): string
}

export interface TestEnsemble {
  readonly connectString: string
  readonly members: readonly TestMember[]
  readonly dir: string
  member(id: number): TestMember
  /** The member that reports `leader` (or `standalone`) right now. */
  leader(): Promise<TestMember | undefined>
  /**
   * Waits until exactly one of `among` (default: every running member) leads and the rest follow:
   * after a member stops, the others may need several seconds of election before they serve.
   */
  waitForLeader(among?: readonly TestMember[], timeoutMs?: number): Promise<TestMember>
  /** Kills every member and removes the data folder. */
  stop(): Promise<void>
}

export type StartEnsembleOptions = LaunchOptions

export async function startEnsemble(options: StartEnsembleOptions = {}): Promise<TestEnsemble> {
  const install = options.install ?? requireZkInstall({ debugLogging: options.debugLogging ?? false })
  const ensemble = await launchEnsemble({ stopGraceMs: 3_000, ...options, install })
  const members: TestMember[] = ensemble.members.map((m) => ({
    id: m.id,
    host: m.host,
    clientPort: m.clientPort,
    adminPort: m.adminPort,
    address: `${m.host}:${m.clientPort}`,
    get pid() {
      return m.pid
    },
    get isRunning() {
      return m.isRunning
    },
    stop: () => m.stop(),
    start: () => m.start(),
    kill: () => m.kill(),
    mode: () => m.mode(),
    logTail: (lines) => m.logTail(lines),
  }))
  return {
    connectString: ensemble.connectString,
    members,
    dir: ensemble.dir,
    member(id) {
      const found = members.find((m) => m.id === id)
      if (!found) throw new RangeError(`no member ${id}`)
      return found
    },
    async leader() {
      const modes = await Promise.all(members.map((m) => m.mode()))
      return members.find((_, i) => modes[i] === 'leader' || modes[i] === 'standalone')
    },
    async waitForLeader(among = members.filter((m) => m.isRunning), timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const seen = await Promise.all(among.map((m) => m.mode()))
        const leaders = among.filter((_, i) => seen[i] === 'leader')
        if (leaders.length === 1 && seen.every((m) => m === 'leader' || m === 'follower')) return leaders[0] as TestMember
        if (Date.now() > deadline) throw new Error(`no single leader among ${among.map((m) => m.id).join(',')} after ${timeoutMs} ms: ${seen.join(',')}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    },
    stop: () => ensemble.teardown(),
  }
}

/** Starts an ensemble in beforeAll and stops it in afterAll; read `.current` inside tests. */
export function useEnsemble(options: StartEnsembleOptions = {}): { readonly current: TestEnsemble } {
  let ensemble: TestEnsemble | undefined
  beforeAll(async () => {
    ensemble = await startEnsemble(options)
  })
  afterAll(async () => {
    await ensemble?.stop()
  })
  return {
    get current(): TestEnsemble {
      if (!ensemble) throw new Error('the ensemble is not started: use it inside tests or hooks, after beforeAll')
      return ensemble
    },
  }
}
