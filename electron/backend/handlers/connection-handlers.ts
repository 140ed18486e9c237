/** Profiles, credentials and opening/closing connections. */
import type { ApiHandlers } from '../../../shared/rpc/server'
import type { ConnectionProfile } from '../../../shared/protocol/types'
import type { ConnectionManager } from '../connections/connection-manager'
import { credentialUser, type CredentialVault } from '../profiles/credential-vault'
import type { ProfileStore, StoredProfile } from '../profiles/profile-store'

type ConnectionHandlers = Pick<
  ApiHandlers,
  'listProfiles' | 'saveProfile' | 'deleteProfile' | 'connect' | 'connectAdHoc' | 'reconnect' | 'addCredentials' | 'disconnect' | 'listConnections'
>

export interface ConnectionDeps {
  profiles: ProfileStore
  vault: CredentialVault
  connections: ConnectionManager
  onProfilesChanged: (profiles: ConnectionProfile[]) => void
}

const DEFAULT_SESSION_TIMEOUT_MS = 30_000

export function connectionHandlers(deps: ConnectionDeps): ConnectionHandlers {
  const { profiles, vault, connections } = deps

  const describe = async (p: StoredProfile): Promise<ConnectionProfile> => ({
    ...p,
    credentialStorage: await vault.storageOf(p.id),
  })
  const listAll = async () => Promise.all((await profiles.list()).map(describe))
  const announce = async () => deps.onProfilesChanged(await listAll())

  return {
    listProfiles: listAll,

    async saveProfile({ profile, credentials, rememberCredentials }) {
      const existing = profile.id ? await profiles.get(profile.id) : undefined
      const users = credentials ? credentials.map(credentialUser) : (existing?.authUsers ?? [])
      const saved = await profiles.save(profile, users)
      if (credentials) await vault.set(saved.id, credentials, rememberCredentials)
      await announce()
      return describe(saved)
    },

    async deleteProfile({ profileId }) {
      await profiles.delete(profileId)
      await vault.delete(profileId)
      await announce()
    },

    async connect({ profileId }) {
      const profile = await profiles.get(profileId)
      return connections.open({
        profileId,
        name: profile.name,
        connectString: profile.connectString,
        sessionTimeoutMs: profile.sessionTimeoutMs,
        credentials: await vault.get(profileId),
        environment: profile.environment,
        readOnly: profile.readOnly,
      })
    },

    connectAdHoc(p) {
      return connections.open({
        name: p.name ?? p.connectString,
        connectString: p.connectString,
        sessionTimeoutMs: p.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
        credentials: p.credentials ?? [],
        environment: p.environment ?? 'none',
        readOnly: p.readOnly ?? false,
      })
    },

    reconnect: ({ connectionId }) => connections.reconnect(connectionId),
    addCredentials: async ({ connectionId, credentials }) => connections.addCredentials(connectionId, credentials),

    disconnect: ({ connectionId }) => connections.close(connectionId),

    listConnections: async () => connections.list(),
  }
}
