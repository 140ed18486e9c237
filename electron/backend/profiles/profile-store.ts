/** Saved connection profiles in `profiles.json` under the user's config directory. */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ProfileInput } from '../../../shared/protocol/api'
import { ZkError } from '../../../shared/protocol/errors'
import { ENVIRONMENTS, type Environment } from '../../../shared/protocol/types'
import { readJsonFile, writeJsonFile } from './json-file'

/** A profile as stored on disk: never any secret. */
export interface StoredProfile extends Required<ProfileInput> {
  authUsers: string[]
}

interface ProfilesFile {
  version: 1
  profiles: StoredProfile[]
}

function isStoredProfile(value: unknown): value is StoredProfile {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<string, unknown>
  return (
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.connectString === 'string' &&
    typeof p.sessionTimeoutMs === 'number' &&
    typeof p.readOnly === 'boolean' &&
    ENVIRONMENTS.includes(p.environment as Environment) &&
    Array.isArray(p.authUsers)
  )
}

export class ProfileStore {
  private readonly file: string
  private cache: StoredProfile[] | null = null
  /** Saves and deletes run one after another: each reads what the previous one wrote. */
  private queue: Promise<unknown> = Promise.resolve()

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work)
    this.queue = result.catch(() => undefined)
    return result
  }

  constructor(configDir: string) {
    this.file = join(configDir, 'profiles.json')
  }

  async list(): Promise<StoredProfile[]> {
    if (!this.cache) {
      const raw = await readJsonFile(this.file)
      const list = (raw as Partial<ProfilesFile> | undefined)?.profiles
      // Entries that do not look like profiles (hand edits, older formats) are skipped, not fatal.
      this.cache = Array.isArray(list) ? list.filter(isStoredProfile) : []
    }
    return this.cache.map((p) => ({ ...p, authUsers: [...p.authUsers] }))
  }

  async get(id: string): Promise<StoredProfile> {
    const found = (await this.list()).find((p) => p.id === id)
    if (!found) throw new ZkError('UNKNOWN_PROFILE', `no saved connection with id ${id}`)
    return found
  }

  save(input: ProfileInput, authUsers: string[]): Promise<StoredProfile> {
    return this.serialized(() => this.saveNow(input, authUsers))
  }

  private async saveNow(input: ProfileInput, authUsers: string[]): Promise<StoredProfile> {
    const list = await this.list()
    const id = input.id ?? randomUUID()
    const profile: StoredProfile = {
      id,
      name: input.name.trim(),
      connectString: input.connectString.trim(),
      sessionTimeoutMs: input.sessionTimeoutMs,
      environment: input.environment,
      readOnly: input.readOnly,
      authUsers,
    }
    const index = list.findIndex((p) => p.id === id)
    if (input.id !== undefined && index < 0) throw new ZkError('UNKNOWN_PROFILE', `no saved connection with id ${id}`)
    if (index >= 0) list[index] = profile
    else list.push(profile)
    await this.write(list)
    return profile
  }

  delete(id: string): Promise<void> {
    return this.serialized(async () => {
      const list = await this.list()
      await this.write(list.filter((p) => p.id !== id))
    })
  }

  private async write(list: StoredProfile[]): Promise<void> {
    const content: ProfilesFile = { version: 1, profiles: list }
    await writeJsonFile(this.file, content)
    this.cache = list
  }
}
