/** Remembered credentials encrypted with the OS keychain through Electron safeStorage. */
import { readFile } from 'node:fs/promises'
import type { SafeStorage } from 'electron'
import type { PersistentSecrets } from '../backend/profiles/credential-vault'
import { isSecretMap } from '../backend/profiles/plain-file-secrets'
import { writeBinaryFile } from './write-binary-file'

export function safeStorageSecrets(path: string, safeStorage: SafeStorage): PersistentSecrets | null {
  // Without a keychain (for example Linux without a secret service) nothing is written to disk.
  if (!safeStorage.isEncryptionAvailable()) return null
  return {
    kind: 'encrypted',
    async read() {
      try {
        const value = JSON.parse(safeStorage.decryptString(await readFile(path))) as unknown
        return isSecretMap(value) ? value : {}
      } catch {
        return {}
      }
    },
    write: (all) => writeBinaryFile(path, safeStorage.encryptString(JSON.stringify(all))),
  }
}
