/**
 * The backend: implements ZkApi by composing profiles, credentials,
 * connections, reading and the sandbox. It runs in plain Node: Electron main
 * hosts it over IPC, web mode and the tests over a WebSocket.
 */
import { join } from 'node:path'
import type { ApiHandlers } from '../../shared/rpc/server'
import type { ZkEvents } from '../../shared/protocol/api'
import type { AppInfo } from '../../shared/protocol/types'
import { ConnectionManager } from './connections/connection-manager'
import { EventHub } from './event-hub'
import { browseHandlers } from './handlers/browse-handlers'
import { connectionHandlers } from './handlers/connection-handlers'
import { sandboxHandlers, type SandboxControl } from './handlers/sandbox-handlers'
import { sandboxAdminPort } from './sandbox/sandbox-admin-port'
import { treeHandlers } from './handlers/tree-handlers'
import { editHandlers } from './handlers/edit-handlers'
import { watchHandlers } from './handlers/watch-handlers'
import { hostHandlers, type FilePicker } from './handlers/host-handlers'
import { WatchService } from './watches/watch-service'
import { MonitorService } from './stats/monitor-service'
import { CredentialVault, type PersistentSecrets } from './profiles/credential-vault'
import { ProfileStore } from './profiles/profile-store'

export interface ZkBackendOptions {
  /** Where profiles (and remembered credentials) live. */
  configDir: string
  /** Where monitoring history is kept across restarts; defaults to <configDir>/data. */
  dataDir?: string
  /** Remembered credentials: encrypted on desktop, an opt-in plain file in web mode, or none. */
  secrets: PersistentSecrets | null
  appInfo: AppInfo
  /** Builds the sandbox; it reports its state through the callback. */
  createSandbox?: (onState: (info: ReturnType<SandboxControl['info']>) => void) => SandboxControl
  /** The OS file dialog (desktop only). */
  pickFile?: FilePicker
}

export class ZkBackend {
  readonly events = new EventHub()
  readonly handlers: ApiHandlers
  readonly connections: ConnectionManager
  readonly watches: WatchService
  readonly monitor: MonitorService
  private readonly sandbox: SandboxControl | null
  private disposed: Promise<void> | null = null

  constructor(options: ZkBackendOptions) {
    this.connections = new ConnectionManager((info) => this.events.emit('session.state', info))
    this.sandbox = options.createSandbox?.((info) => this.events.emit('sandbox.state', info)) ?? null
    this.watches = new WatchService(this.connections, (status) => this.events.emit('watch.status', status))
    this.monitor = new MonitorService({
      dataDir: options.dataDir ?? join(options.configDir, 'data'),
      // MonitorEvents is part of ZkEvents, but TypeScript cannot narrow a key of one to the other.
      emit: (event, payload) => this.events.emit(event, payload as ZkEvents[typeof event]),
      knownAdminPort: (host, clientPort) => (this.sandbox ? sandboxAdminPort(this.sandbox.info(), host, clientPort) : null),
    })
    const vault = new CredentialVault(options.secrets)
    this.handlers = {
      getAppInfo: async () => ({ ...options.appInfo, secureStorage: vault.secure }),
      ...connectionHandlers({
        profiles: new ProfileStore(options.configDir),
        vault,
        connections: this.connections,
        onProfilesChanged: (profiles) => this.events.emit('profiles.changed', { profiles }),
      }),
      ...browseHandlers(this.connections),
      ...treeHandlers(this.connections),
      ...watchHandlers(this.watches),
      ...this.monitor.handlers,
      ...editHandlers({ connections: this.connections, auditDir: options.configDir, fileAccess: options.appInfo.host === 'desktop' }),
      ...sandboxHandlers(this.sandbox),
      ...hostHandlers(options.pickFile),
    }
  }

  /** Closes every session and stops the sandbox; safe to call more than once. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      this.watches.dispose()
      await this.monitor.dispose()
      await this.connections.dispose()
      await this.sandbox?.dispose()
    })()
    return this.disposed
  }
}
