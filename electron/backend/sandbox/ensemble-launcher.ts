import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Disposable } from '../../../shared/util/disposable'
import { allocateFreePorts } from './free-ports'
import { toEnsembleMember, type EnsembleMember } from './ensemble-member'
import { MemberProcess, MemberStartError } from './member-process'
import { trackDir } from './process-reaper'
import { requireZkInstall, type ZkInstall } from './zk-install'
import { renderZooCfg, type MemberPorts, type PeerAddress } from './zoo-cfg'

export type { EnsembleMember } from './ensemble-member'

/** Settings one member may override (e.g. a member that whitelists only `srvr`). */
export interface MemberOverrides {
  fourLetterWhitelist?: string
  extraConfig?: string[]
  jvmFlags?: string[]
}

export interface LaunchOptions {
  /** 1 (standalone) or 3 and more (quorum). Default 3. */
  size?: number
  /** Loopback by default; every port binds only here. */
  host?: string
  /** Default: {@link requireZkInstall}, which throws with the install command when missing. */
  install?: ZkInstall
  /** Root folder for the members; default a fresh temp folder. Removed on teardown unless keepDir. */
  dir?: string
  keepDir?: boolean
  tickTime?: number
  /** zoo.cfg lines for every member, after the defaults (so they override them). */
  extraConfig?: string[]
  /** Extra JVM flags for every member, e.g. `-Dzookeeper.enforceQuota=true`. */
  jvmFlags?: string[]
  /** Max heap; default 256m. */
  heap?: string
  /** `4lw.commands.whitelist` for every member; default `*`. */
  fourLetterWhitelist?: string
  /** Per-member overrides by member id (1-based). */
  members?: Record<number, MemberOverrides>
  /** How long each member may take to answer `srvr` with a Mode. Default 60 s. */
  startTimeoutMs?: number
  /** How long stop() waits after SIGTERM before SIGKILL. Default 5 s. */
  stopGraceMs?: number
  /** Adds slf4j-simple (Debian) so the members write their logs. */
  debugLogging?: boolean
}

export interface Ensemble {
  readonly dir: string
  readonly connectString: string
  readonly members: readonly EnsembleMember[]
  member(id: number): EnsembleMember
  /** Stops every member but keeps the folder, so members can be started again. */
  stopAll(): Promise<void>
  /** Stops every member and removes the folder unless keepDir. Safe to call twice. */
  teardown(): Promise<void>
}

const DEFAULT_JVM_FLAGS = [
  '-XX:+UseSerialGC',
  // C1 only: the JVM starts noticeably faster, and a test server never runs long enough for C2.
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
  // Throwaway data: no fsync per transaction, and no 64 MB pre-allocated log files.
  '-Dzookeeper.forceSync=no',
  '-Dzookeeper.preAllocSize=4096',
  '-Dzookeeper.jmx.log4j.disable=true',
]

interface PrepareContext extends LaunchOptions {
  host: string
  install: ZkInstall
  dir: string
}

/** Writes one member's folder (zoo.cfg, data/myid) from scratch and describes its process. */
function prepareMember(id: number, ports: MemberPorts, peers: PeerAddress[], ctx: PrepareContext): MemberProcess {
  const memberDir = path.join(ctx.dir, `member-${id}`)
  const dataDir = path.join(memberDir, 'data')
  rmSync(memberDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(path.join(dataDir, 'myid'), `${id}\n`)
  const overrides = ctx.members?.[id] ?? {}
  const extraConfig = [...(ctx.extraConfig ?? []), ...(overrides.extraConfig ?? [])]
  const configFile = path.join(memberDir, 'zoo.cfg')
  writeFileSync(
    configFile,
    renderZooCfg({
      id,
      host: ctx.host,
      dataDir,
      ports,
      peers,
      tickTime: ctx.tickTime,
      fourLetterWhitelist: overrides.fourLetterWhitelist ?? ctx.fourLetterWhitelist,
      extraConfig,
    }),
  )
  return new MemberProcess({
    id,
    host: ctx.host,
    ...ports,
    dir: memberDir,
    dataDir,
    configFile,
    logFile: path.join(memberDir, 'zookeeper.log'),
    java: ctx.install.java,
    classpath: ctx.install.classpath,
    jvmFlags: [`-Xmx${ctx.heap ?? '256m'}`, ...DEFAULT_JVM_FLAGS, ...(ctx.jvmFlags ?? []), ...(overrides.jvmFlags ?? [])],
    expectAdminServer: !extraConfig.some((line) => /^\s*admin\.enableServer\s*=\s*false/.test(line)),
  })
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1 || size === 2) {
    throw new RangeError(`ensemble size must be 1 (standalone) or 3 and more (quorum), got ${size}`)
  }
}

/** Launches a local ensemble and resolves once every member answers `srvr` with a Mode. */
export async function launchEnsemble(options: LaunchOptions = {}): Promise<Ensemble> {
  const size = options.size ?? 3
  checkSize(size)
  const host = options.host ?? '127.0.0.1'
  const install = options.install ?? requireZkInstall({ debugLogging: options.debugLogging ?? false })
  const startTimeoutMs = options.startTimeoutMs ?? 60_000
  const stopGraceMs = options.stopGraceMs ?? 5_000
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'zk-ensemble-'))
  mkdirSync(dir, { recursive: true })
  const dirTracking: Disposable | undefined = options.keepDir ? undefined : trackDir(dir)

  const createMembers = async (): Promise<MemberProcess[]> => {
    const ports = await allocateFreePorts(size * 4, host)
    const portsOf = (id: number): MemberPorts => {
      const at = (i: number): number => ports[(id - 1) * 4 + i] ?? 0
      return { clientPort: at(0), quorumPort: at(1), electionPort: at(2), adminPort: at(3) }
    }
    const ids = Array.from({ length: size }, (_, i) => i + 1)
    const peers: PeerAddress[] = ids.map((id) => ({ id, host, ...portsOf(id) }))
    return ids.map((id) => prepareMember(id, portsOf(id), size > 1 ? peers : [], { ...options, host, install, dir }))
  }

  let processes: MemberProcess[] = []
  let tornDown = false
  const stopAll = async (): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop(stopGraceMs)))
  }
  const teardown = async (): Promise<void> => {
    if (tornDown) return
    tornDown = true
    await stopAll()
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
    dirTracking?.dispose()
  }

  // Ports are free when picked but another process may take one before the JVM binds it; a
  // member that fails fast gets one more try on fresh ports.
  for (let attempt = 1; ; attempt++) {
    try {
      processes = await createMembers()
      for (const p of processes) p.spawn()
      await Promise.all(processes.map((p) => p.waitServing(startTimeoutMs)))
      break
    } catch (error) {
      await stopAll()
      if (attempt < 2 && error instanceof MemberStartError && error.retryable) continue
      await teardown()
      throw error
    }
  }

  const members = processes.map((p) => toEnsembleMember(p, startTimeoutMs, stopGraceMs))
  return {
    dir,
    connectString: members.map((m) => `${host}:${m.clientPort}`).join(','),
    members,
    member(id) {
      const found = members.find((m) => m.id === id)
      if (!found) throw new RangeError(`no member ${id} in an ensemble of ${size}`)
      return found
    },
    stopAll,
    teardown,
  }
}
