import type { MemberProcess } from './member-process'
import { probeMode, type ServerMode } from './sandbox-probe'

/** One member of a launched ensemble, as callers (sandbox, tests) see it. */
export interface EnsembleMember {
  readonly id: number
  readonly host: string
  readonly clientPort: number
  readonly quorumPort: number
  readonly electionPort: number
  readonly adminPort: number
  readonly dataDir: string
  readonly logFile: string
  readonly pid: number | undefined
  readonly isRunning: boolean
  /** Starts it again on the same ports and data; resolves once it serves. */
  start(): Promise<ServerMode>
  /** SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>
  /** SIGKILL at once (a crash). */
  kill(): Promise<void>
  /** Its current `srvr` mode, undefined when down or not serving. */
  mode(): Promise<ServerMode | undefined>
  logTail(lines?: number): string
}

export function toEnsembleMember(proc: MemberProcess, startTimeoutMs: number, stopGraceMs: number): EnsembleMember {
  const { spec } = proc
  return {
    id: spec.id,
    host: spec.host,
    clientPort: spec.clientPort,
    quorumPort: spec.quorumPort,
    electionPort: spec.electionPort,
    adminPort: spec.adminPort,
    dataDir: spec.dataDir,
    logFile: spec.logFile,
    get pid() {
      return proc.pid
    },
    get isRunning() {
      return proc.isRunning
    },
    start: () => proc.start(startTimeoutMs),
    stop: () => proc.stop(stopGraceMs),
    kill: () => proc.kill(),
    mode: () => probeMode(spec.host, spec.clientPort),
    logTail: (lines) => proc.logTail(lines),
  }
}
