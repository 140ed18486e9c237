/**
 * Digest credentials per profile. They live in memory unless the user asks
 * to remember them; then a persistent adapter keeps them: encrypted with the
 * OS keychain on desktop (Electron safeStorage), or a private plain file in
 * web mode, which the UI warns about. They never enter the profiles file.
 */

export interface PersistentSecrets {
  readonly kind: 'encrypted' | 'plain-file'
  read(): Promise<Record<string, string[]>>
  write(all: Record<string, string[]>): Promise<void>
}

export type CredentialStorage = 'none' | 'memory' | 'encrypted' | 'plain-file'

export class CredentialVault {
  private readonly memory = new Map<string, string[]>()
  private persisted = new Map<string, string[]>()
  private loading: Promise<void> | null = null

  constructor(private readonly persistent: PersistentSecrets | null) {}

  /** True when remembered credentials are encrypted at rest. */
  get secure(): boolean {
    return this.persistent?.kind === 'encrypted'
  }

  async get(profileId: string): Promise<string[]> {
    await this.load()
    return this.memory.get(profileId) ?? this.persisted.get(profileId) ?? []
  }

  async storageOf(profileId: string): Promise<CredentialStorage> {
    await this.load()
    if (this.persisted.get(profileId)?.length) return this.persistent?.kind ?? 'memory'
    return this.memory.get(profileId)?.length ? 'memory' : 'none'
  }

  async set(profileId: string, credentials: string[], remember: boolean): Promise<void> {
    await this.load()
    this.memory.delete(profileId)
    const hadPersisted = this.persisted.delete(profileId)
    if (credentials.length === 0) {
      if (hadPersisted) await this.flush()
      return
    }
    if (remember && this.persistent) {
      this.persisted.set(profileId, credentials)
      await this.flush()
    } else {
      this.memory.set(profileId, credentials)
      if (hadPersisted) await this.flush()
    }
  }

  async delete(profileId: string): Promise<void> {
    await this.set(profileId, [], false)
  }

  /** Every caller waits for the same first read, so none sees (or writes back) an empty store. */
  private load(): Promise<void> {
    this.loading ??= (async () => {
      if (this.persistent) this.persisted = new Map(Object.entries(await this.persistent.read()))
    })()
    return this.loading
  }

  private async flush(): Promise<void> {
    if (this.persistent) await this.persistent.write(Object.fromEntries(this.persisted))
  }
}

/** The user part of `user:password`, for display. */
export function credentialUser(credential: string): string {
  const i = credential.indexOf(':')
  return i < 0 ? credential : credential.slice(0, i)
}
