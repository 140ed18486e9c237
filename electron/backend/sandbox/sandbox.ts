import { rmSync } from 'node:fs'
import path from 'node:path'
import type { SandboxInfo } from '../../../shared/protocol/types'
import { seedDemoData, type DemoSeed } from './demo-seed'
import { launchEnsemble, type Ensemble, type LaunchOptions } from './ensemble-launcher'
import { findZkInstall, type FindZkInstallOptions, type ZkInstallResult } from './zk-install'

export interface SandboxOptions {
  /** The app's data folder; the sandbox lives in `<baseDir>/sandbox`, fresh on every start. */
  baseDir: string
  /** Called on every state change with the new info. */
  onState?: (info: SandboxInfo) => void
  /** Members: 1 (standalone) or 3 and more. Default 3. */
  size?: number
  /** Install discovery; replaceable for tests. */
  findInstall?: (options: FindZkInstallOptions) => ZkInstallResult
  /** Extra launcher settings (heap, JVM flags, timeouts...). */
  launch?: Omit<LaunchOptions, 'size' | 'install' | 'dir' | 'keepDir'>
}

/**
 * The one-click local ensemble with demo data. Owns the JVMs and the demo sessions that hold the
 * ephemeral nodes; stop() or dispose() ends all of them.
 */
export class Sandbox {
  private state: SandboxInfo['state'] = 'stopped'
  private ensemble: Ensemble | undefined
  private seed: DemoSeed | undefined
  private failure: { message: string; installHint?: string } | undefined
  private starting: Promise<SandboxInfo> | undefined
  private stopping: Promise<SandboxInfo> | undefined
  private disposed = false

  constructor(private readonly options: SandboxOptions) {}

  /** Where the members' folders go while the sandbox runs. */
  get dir(): string {
    return path.join(this.options.baseDir, 'sandbox')
  }

  info(): SandboxInfo {
    const ensemble = this.ensemble
    const running = this.state === 'running'
    return {
      state: this.state,
      connectString: running ? ensemble?.connectString : undefined,
      members: running && ensemble ? ensemble.members.map((m) => ({ id: m.id, clientPort: m.clientPort, adminPort: m.adminPort, pid: m.pid })) : [],
      credentials: running ? (this.seed?.credentials ?? []) : [],
      protectedPath: running ? this.seed?.protectedPath : undefined,
      message: this.failure?.message,
      installHint: this.failure?.installHint,
    }
  }

  /** What the last successful start wrote, and how long seeding took. */
  seedStats(): DemoSeed['stats'] | undefined {
    return this.seed?.stats
  }

  /** Starts and seeds the ensemble; while starting or running it returns the same result. */
  start(): Promise<SandboxInfo> {
    if (this.disposed) return Promise.reject(new Error('the sandbox is disposed'))
    if (this.state === 'running') return Promise.resolve(this.info())
    if (this.starting) return this.starting
    const previous = this.stopping ?? Promise.resolve()
    this.starting = previous.then(() => this.doStart()).finally(() => (this.starting = undefined))
    return this.starting
  }

  /** Ends the demo sessions and the members and removes the folder. */
  stop(): Promise<SandboxInfo> {
    if (this.stopping) return this.stopping
    const previous = this.starting ?? Promise.resolve()
    this.stopping = previous
      .catch(() => undefined)
      .then(() => this.doStop())
      .finally(() => (this.stopping = undefined))
    return this.stopping
  }

  async dispose(): Promise<void> {
    this.disposed = true
    await this.stop()
  }

  private setState(state: SandboxInfo['state']): void {
    this.state = state
    this.options.onState?.(this.info())
  }

  private async doStart(): Promise<SandboxInfo> {
    this.failure = undefined
    this.setState('starting')
    const found = (this.options.findInstall ?? findZkInstall)({ debugLogging: this.options.launch?.debugLogging ?? false })
    if (!found.ok) return this.fail(found.message, found.installHint)
    try {
      rmSync(this.dir, { recursive: true, force: true })
      this.ensemble = await launchEnsemble({ ...this.options.launch, size: this.options.size ?? 3, install: found.install, dir: this.dir })
      this.seed = await seedDemoData(this.ensemble.connectString)
    } catch (error) {
      await this.release()
      return this.fail(error instanceof Error ? error.message : String(error))
    }
    this.setState('running')
    return this.info()
  }

  private async doStop(): Promise<SandboxInfo> {
    if (this.state === 'stopped' || (this.state === 'failed' && !this.ensemble)) {
      if (this.state === 'failed') this.setState('stopped')
      return this.info()
    }
    this.setState('stopping')
    await this.release()
    this.failure = undefined
    this.setState('stopped')
    return this.info()
  }

  /** Closes the demo sessions first so their ephemeral nodes go cleanly, then the members. */
  private async release(): Promise<void> {
    const seed = this.seed
    const ensemble = this.ensemble
    this.seed = undefined
    this.ensemble = undefined
    try {
      await seed?.close()
    } finally {
      await ensemble?.teardown()
    }
  }

  private fail(message: string, installHint?: string): SandboxInfo {
    this.failure = { message, installHint }
    this.setState('failed')
    return this.info()
  }
}
