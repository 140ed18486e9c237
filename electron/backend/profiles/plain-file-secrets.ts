/** Web mode's opt-in credential file: readable by the owner only, and plain text. */
import { readJsonFile, writeJsonFile } from './json-file'
import type { PersistentSecrets } from './credential-vault'

export function plainFileSecrets(path: string): PersistentSecrets {
  return {
    kind: 'plain-file',
    async read() {
      const value = await readJsonFile(path)
      return isSecretMap(value) ? value : {}
    },
    write: (all) => writeJsonFile(path, all, 0o600),
  }
}

export function isSecretMap(value: unknown): value is Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return false
  return Object.values(value).every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'))
}
