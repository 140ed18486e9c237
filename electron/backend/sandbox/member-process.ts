import type { ChildProcess } from 'node:child_process'
import { killGuarded, spawnGuarded } from './orphan-guard'
import { closeSync, openSync, writeSync } from 'node:fs'
import type { Disposable } from '../../../shared/util/disposable'
import { readLogTail } from './log-tail'
import { trackChild } from './process-reaper'
import { canConnect, probeMode, type ServerMode } from './sandbox-probe'
import type { MemberPorts } from './zoo-cfg'

export interface MemberSpec extends MemberPorts {
  id: number
  host: string
  /** The member's folder; holds zoo.cfg, the log and data/. */
  dir: string
  dataDir: string
  configFile: string
  logFile: string
  java: string
  classpath: string[]
  jvmFlags: string[]
  /** Also require the AdminServer port to accept connections before calling the member up. */
  expectAdminServer: boolean
}

/** Raised when a member does not come up; the message carries the tail of its log. */
export class MemberStartError extends Error {
  constructor(
    readonly memberId: number,
    reason: string,
    readonly logTail: string,
    /** It failed fast (exited, or a port was taken): worth one more try on fresh ports. */
    readonly retryable = false,
  ) {
    super(`ZooKeeper member ${memberId} ${reason}${logTail ? `\n--- last lines of its log ---\n${logTail}` : ' (its log is empty)'}`)
    this.name = 'MemberStartError'
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** One ZooKeeper JVM: spawned, probed with `srvr`, stopped and restarted on the same ports and data. */
export class MemberProcess {
  private child: ChildProcess | undefined
  private tracking: Disposable | undefined
  private exited: Promise<void> = Promise.resolve()
  private spawnError: Error | undefined

  constructor(readonly spec: MemberSpec) {}

  get pid(): number | undefined {
    return this.isRunning ? this.child?.pid : undefined
  }

  get isRunning(): boolean {
    const child = this.child
    return child !== undefined && this.spawnError === undefined && child.exitCode === null && child.signalCode === null
  }

  /** Starts the JVM without waiting for it to serve; a no-op while it runs. */
  spawn(): void {
    if (this.isRunning) return
    const { spec } = this
    this.spawnError = undefined
    const log = openSync(spec.logFile, 'a')
    writeSync(log, `\n=== starting member ${spec.id} at ${new Date().toISOString()} ===\n`)
    try {
      const args = [...spec.jvmFlags, '-cp', spec.classpath.join(process.platform === 'win32' ? ';' : ':'), 'org.apache.zookeeper.server.quorum.QuorumPeerMain', spec.configFile]
      // The log gets the JVM's own fds, so no pipe ties the JVM's progress to ours.
      const child = spawnGuarded(spec.java, args, { cwd: spec.dir, out: log, windowsHide: true })
      this.child = child
      this.tracking = trackChild(child)
      this.exited = new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.once('error', () => resolve())
      })
      child.once('error', (error) => {
        this.spawnError = error
        try {
          const fd = openSync(spec.logFile, 'a')
          writeSync(fd, `failed to run ${spec.java}: ${error.message}\n`)
          closeSync(fd)
        } catch {
          // The folder may be gone during teardown; the error is reported by waitServing.
        }
      })
    } finally {
      closeSync(log)
    }
  }

  /** Resolves with the member's mode once it answers `srvr` with a `Mode:` line. */
  async waitServing(timeoutMs: number): Promise<ServerMode> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const child = this.child
      if (!child || !this.isRunning) {
        const how = this.spawnError
          ? `could not run ${this.spec.java}: ${this.spawnError.message}`
          : child?.exitCode !== null && child?.exitCode !== undefined
            ? `exit code ${child.exitCode}`
            : `signal ${child?.signalCode ?? 'none (never started)'}`
        throw new MemberStartError(this.spec.id, `exited before serving (${how})`, this.logTail(), this.spawnError === undefined)
      }
      const mode = await probeMode(this.spec.host, this.spec.clientPort, 1_000)
      if (mode) {
        // The AdminServer starts before the member serves; when it is not there now, it failed
        // quietly (no servlet API on the classpath, or its port was taken).
        if (this.spec.expectAdminServer && !(await canConnect(this.spec.host, this.spec.adminPort))) {
          const reason = `serves clients but its AdminServer is not listening on port ${this.spec.adminPort} (is servlet-api.jar on the classpath?)`
          throw new MemberStartError(this.spec.id, reason, this.logTail(), true)
        }
        return mode
      }
      if (Date.now() >= deadline) {
        throw new MemberStartError(this.spec.id, `did not answer srvr with a Mode within ${Math.round(timeoutMs / 1000)} s`, this.logTail())
      }
      await sleep(150)
    }
  }

  /** Spawns (when stopped) and waits until it serves; for restarts in fault tests. */
  async start(timeoutMs: number): Promise<ServerMode> {
    this.spawn()
    return this.waitServing(timeoutMs)
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.child
    if (!child) return
    if (this.isRunning) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => {
        if (this.isRunning) killGuarded(child, 'SIGKILL')
      }, graceMs)
      await this.exited
      clearTimeout(timer)
    }
    this.tracking?.dispose()
    this.tracking = undefined
  }

  /** Immediate SIGKILL, for crash tests and emergency teardown. */
  async kill(): Promise<void> {
    if (this.isRunning && this.child) killGuarded(this.child, 'SIGKILL')
    await this.stop(0)
  }

  logTail(lines = 30): string {
    return readLogTail(this.spec.logFile, lines)
  }
}
