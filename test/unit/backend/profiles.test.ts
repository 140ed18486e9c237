import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProfileInput } from '../../../shared/protocol/api'
import { ZkError } from '../../../shared/protocol/errors'
import { ProfileStore } from '../../../electron/backend/profiles/profile-store'
import {
  CredentialVault,
  credentialUser,
  type PersistentSecrets,
} from '../../../electron/backend/profiles/credential-vault'
import { isSecretMap, plainFileSecrets } from '../../../electron/backend/profiles/plain-file-secrets'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zk-console-profiles-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function input(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Production',
    connectString: 'zk1:2181,zk2:2181/app',
    sessionTimeoutMs: 30_000,
    environment: 'production',
    readOnly: true,
    ...overrides,
  }
}

async function errorOf(promise: Promise<unknown>): Promise<ZkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ZkError)
  return error as ZkError
}

describe('ProfileStore', () => {
  it('starts empty when there is no file', async () => {
    expect(await new ProfileStore(dir).list()).toEqual([])
  })

  it('gives a new profile an id and stores it trimmed', async () => {
    const store = new ProfileStore(dir)
    const saved = await store.save(input({ name: '  Prod  ', connectString: ' zk1:2181 ' }), ['admin'])
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(saved).toEqual({
      id: saved.id,
      name: 'Prod',
      connectString: 'zk1:2181',
      sessionTimeoutMs: 30_000,
      environment: 'production',
      readOnly: true,
      authUsers: ['admin'],
    })
    expect(await store.list()).toEqual([saved])
    expect(await store.get(saved.id)).toEqual(saved)
    const other = await store.save(input({ name: 'Other' }), [])
    expect(other.id).not.toBe(saved.id)
  })

  it('updates in place, keeping the id and the order', async () => {
    const store = new ProfileStore(dir)
    const a = await store.save(input({ name: 'A' }), [])
    const b = await store.save(input({ name: 'B' }), [])
    const updated = await store.save(input({ id: a.id, name: 'A2', readOnly: false }), ['ops'])
    expect(updated.id).toBe(a.id)
    const list = await store.list()
    expect(list.map((p) => [p.id, p.name, p.readOnly])).toEqual([
      [a.id, 'A2', false],
      [b.id, 'B', true],
    ])
    expect(list[0]?.authUsers).toEqual(['ops'])
  })

  it('refuses to update or get an unknown id, and writes nothing', async () => {
    const store = new ProfileStore(dir)
    expect((await errorOf(store.save(input({ id: 'missing' }), []))).code).toBe('UNKNOWN_PROFILE')
    expect((await errorOf(store.get('missing'))).code).toBe('UNKNOWN_PROFILE')
    expect(await store.list()).toEqual([])
    await expect(stat(join(dir, 'profiles.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('deletes a profile and ignores unknown ids on delete', async () => {
    const store = new ProfileStore(dir)
    const a = await store.save(input({ name: 'A' }), [])
    const b = await store.save(input({ name: 'B' }), [])
    await store.delete(a.id)
    expect((await store.list()).map((p) => p.id)).toEqual([b.id])
    await store.delete('nope')
    expect((await store.list()).map((p) => p.id)).toEqual([b.id])
    expect((await new ProfileStore(dir).list()).map((p) => p.id)).toEqual([b.id])
  })

  it('persists across instances', async () => {
    const first = new ProfileStore(dir)
    const saved = await first.save(input({ name: '测试环境', environment: 'test' }), ['alice', 'bob'])
    const second = new ProfileStore(dir)
    expect(await second.list()).toEqual([saved])
    const file = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { version: number }
    expect(file.version).toBe(1)
  })

  it('never writes a password to the file, even when the input carries one', async () => {
    const store = new ProfileStore(dir)
    const sneaky = { ...input(), password: 'hunter2', credentials: ['admin:hunter2'] } as ProfileInput
    const saved = await store.save(sneaky, ['admin'])
    const text = await readFile(join(dir, 'profiles.json'), 'utf8')
    expect(text).not.toContain('hunter2')
    expect(text).toContain('admin')
    expect(Object.keys(saved).sort()).toEqual(
      ['authUsers', 'connectString', 'environment', 'id', 'name', 'readOnly', 'sessionTimeoutMs'].sort(),
    )
  })

  it('skips entries that do not look like profiles', async () => {
    const good = {
      id: 'p1',
      name: 'Good',
      connectString: 'a:1',
      sessionTimeoutMs: 1000,
      environment: 'staging',
      readOnly: false,
      authUsers: [],
    }
    const file = {
      version: 1,
      profiles: [
        good,
        { ...good, id: 'p2', environment: 'mars' },
        { ...good, id: 'p3', name: undefined },
        { ...good, id: 'p4', sessionTimeoutMs: '1000' },
        { ...good, id: 'p5', authUsers: undefined },
        { id: 'p6' },
        null,
        'text',
        42,
      ],
    }
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(file))
    expect((await new ProfileStore(dir).list()).map((p) => p.id)).toEqual(['p1'])
  })

  it('treats a file without a profiles array as empty', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: 'oops' }))
    expect(await new ProfileStore(dir).list()).toEqual([])
  })

  it('does not silently replace a file it cannot parse', async () => {
    const path = join(dir, 'profiles.json')
    await writeFile(path, '{"version":1,"profiles":[{"id":"p1"')
    const store = new ProfileStore(dir)
    await expect(store.list()).rejects.toThrow()
    await expect(store.save(input(), [])).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"profiles":[{"id":"p1"')
  })

  it('hands out copies, so callers cannot change the store by mutation', async () => {
    const store = new ProfileStore(dir)
    await store.save(input(), ['admin'])
    const [first] = await store.list()
    if (!first) throw new Error('expected a profile')
    first.name = 'changed'
    first.authUsers.push('mallory')
    const [again] = await store.list()
    expect(again?.name).toBe('Production')
    expect(again?.authUsers).toEqual(['admin'])
  })

  it('keeps both profiles when two saves run concurrently', async () => {
    const store = new ProfileStore(dir)
    const results = await Promise.allSettled([
      store.save(input({ name: 'A' }), []),
      store.save(input({ name: 'B' }), []),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    expect((await store.list()).map((p) => p.name).sort()).toEqual(['A', 'B'])
    expect((await new ProfileStore(dir).list()).map((p) => p.name).sort()).toEqual(['A', 'B'])
  })
})

/** An in-memory PersistentSecrets that records its traffic; reads take a little time, like a real file. */
function fakeSecrets(kind: PersistentSecrets['kind'] = 'encrypted', initial: Record<string, string[]> = {}) {
  let stored = structuredClone(initial)
  const log = { reads: 0, writes: [] as Record<string, string[]>[] }
  const secrets: PersistentSecrets = {
    kind,
    async read() {
      log.reads += 1
      await new Promise((r) => setTimeout(r, 5))
      return structuredClone(stored)
    },
    async write(all) {
      stored = structuredClone(all)
      log.writes.push(structuredClone(all))
    },
  }
  return { secrets, log, stored: () => stored }
}

describe('CredentialVault', () => {
  it('keeps credentials in memory by default', async () => {
    const fake = fakeSecrets()
    const vault = new CredentialVault(fake.secrets)
    await vault.set('p1', ['admin:secret'], false)
    expect(await vault.get('p1')).toEqual(['admin:secret'])
    expect(await vault.storageOf('p1')).toBe('memory')
    expect(fake.log.writes).toEqual([])
    expect(await new CredentialVault(fake.secrets).get('p1')).toEqual([])
  })

  it('persists remembered credentials, readable by a new vault', async () => {
    const fake = fakeSecrets('encrypted')
    const vault = new CredentialVault(fake.secrets)
    await vault.set('p1', ['admin:secret', 'ops:pw'], true)
    expect(fake.stored()).toEqual({ p1: ['admin:secret', 'ops:pw'] })
    expect(await vault.storageOf('p1')).toBe('encrypted')
    const later = new CredentialVault(fake.secrets)
    expect(await later.get('p1')).toEqual(['admin:secret', 'ops:pw'])
    expect(await later.storageOf('p1')).toBe('encrypted')
  })

  it('removes credentials from the persistent store when they are no longer remembered', async () => {
    const fake = fakeSecrets('encrypted', { p1: ['admin:old'], p2: ['x:y'] })
    const vault = new CredentialVault(fake.secrets)
    await vault.set('p1', ['admin:new'], false)
    expect(fake.stored()).toEqual({ p2: ['x:y'] })
    expect(await vault.get('p1')).toEqual(['admin:new'])
    expect(await vault.storageOf('p1')).toBe('memory')
    expect(await new CredentialVault(fake.secrets).get('p1')).toEqual([])
  })

  it('replacing remembered credentials with memory-only ones does not leak the old ones', async () => {
    const fake = fakeSecrets('encrypted')
    const vault = new CredentialVault(fake.secrets)
    await vault.set('p1', ['admin:old'], true)
    await vault.set('p1', ['admin:new'], false)
    expect(JSON.stringify(fake.stored())).not.toContain('admin:old')
    await vault.set('p1', ['admin:newer'], true)
    expect(await vault.get('p1')).toEqual(['admin:newer'])
    expect(await vault.storageOf('p1')).toBe('encrypted')
  })

  it('reports storage per profile', async () => {
    const vault = new CredentialVault(fakeSecrets('plain-file', { saved: ['a:b'] }).secrets)
    await vault.set('mem', ['c:d'], false)
    expect(await vault.storageOf('saved')).toBe('plain-file')
    expect(await vault.storageOf('mem')).toBe('memory')
    expect(await vault.storageOf('unknown')).toBe('none')
    await vault.set('mem', [], false)
    expect(await vault.storageOf('mem')).toBe('none')
  })

  it('deletes from memory and from the persistent store', async () => {
    const fake = fakeSecrets('encrypted', { p1: ['a:b'], p2: ['c:d'] })
    const vault = new CredentialVault(fake.secrets)
    await vault.delete('p1')
    expect(await vault.get('p1')).toEqual([])
    expect(await vault.storageOf('p1')).toBe('none')
    expect(fake.stored()).toEqual({ p2: ['c:d'] })
    await vault.set('m', ['e:f'], false)
    await vault.delete('m')
    expect(await vault.get('m')).toEqual([])
  })

  it('keeps everything in memory without a persistent store', async () => {
    const vault = new CredentialVault(null)
    expect(vault.secure).toBe(false)
    await vault.set('p1', ['admin:secret'], true)
    expect(await vault.get('p1')).toEqual(['admin:secret'])
    expect(await vault.storageOf('p1')).toBe('memory')
    await vault.delete('p1')
    expect(await vault.storageOf('p1')).toBe('none')
  })

  it('is secure only with an encrypted store', () => {
    expect(new CredentialVault(fakeSecrets('encrypted').secrets).secure).toBe(true)
    expect(new CredentialVault(fakeSecrets('plain-file').secrets).secure).toBe(false)
  })

  it('reads the persistent store once', async () => {
    const fake = fakeSecrets('encrypted', { p1: ['a:b'] })
    const vault = new CredentialVault(fake.secrets)
    await vault.get('p1')
    await vault.storageOf('p1')
    await vault.set('p2', ['c:d'], false)
    expect(fake.log.reads).toBe(1)
  })

  it('answers concurrent first calls from the loaded store', async () => {
    // listProfiles asks storageOf for every profile at once (Promise.all).
    const fake = fakeSecrets('encrypted', { p1: ['a:b'], p2: ['c:d'], p3: ['e:f'] })
    const vault = new CredentialVault(fake.secrets)
    expect(await Promise.all(['p1', 'p2', 'p3'].map((id) => vault.storageOf(id)))).toEqual([
      'encrypted',
      'encrypted',
      'encrypted',
    ])
    const fresh = new CredentialVault(fake.secrets)
    expect(await Promise.all([fresh.get('p1'), fresh.get('p2')])).toEqual([['a:b'], ['c:d']])
  })

  it('does not lose remembered credentials when a save races the first load', async () => {
    const fake = fakeSecrets('encrypted', { p1: ['a:b'] })
    const vault = new CredentialVault(fake.secrets)
    await Promise.all([vault.storageOf('p1'), vault.set('p2', ['c:d'], true)])
    expect(fake.stored()).toEqual({ p1: ['a:b'], p2: ['c:d'] })
  })
})

describe('credentialUser', () => {
  it('returns the user part of user:password', () => {
    expect(credentialUser('admin:secret')).toBe('admin')
    expect(credentialUser('admin:pa:ss')).toBe('admin')
    expect(credentialUser('nobody')).toBe('nobody')
    expect(credentialUser(':pw')).toBe('')
  })
})

describe('plainFileSecrets', () => {
  it('reads nothing from a missing file', async () => {
    const secrets = plainFileSecrets(join(dir, 'credentials.json'))
    expect(secrets.kind).toBe('plain-file')
    expect(await secrets.read()).toEqual({})
  })

  it('writes a file readable by the owner only, and reads it back', async () => {
    const path = join(dir, 'nested', 'credentials.json')
    const secrets = plainFileSecrets(path)
    await secrets.write({ p1: ['admin:secret'] })
    expect(await secrets.read()).toEqual({ p1: ['admin:secret'] })
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600)
    }
    await secrets.write({ p1: ['admin:other'] })
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600)
    }
    expect(await plainFileSecrets(path).read()).toEqual({ p1: ['admin:other'] })
  })

  it('ignores a file that is not a map of string lists', async () => {
    const path = join(dir, 'credentials.json')
    await writeFile(path, JSON.stringify({ p1: 'not-a-list' }))
    expect(await plainFileSecrets(path).read()).toEqual({})
    await writeFile(path, JSON.stringify({ p1: ['ok', 3] }))
    expect(await plainFileSecrets(path).read()).toEqual({})
  })

  it('isSecretMap accepts only objects of string arrays', () => {
    expect(isSecretMap({})).toBe(true)
    expect(isSecretMap({ a: ['x', 'y'], b: [] })).toBe(true)
    expect(isSecretMap(null)).toBe(false)
    expect(isSecretMap('x')).toBe(false)
    expect(isSecretMap({ a: [1] })).toBe(false)
    expect(isSecretMap({ a: 'x' })).toBe(false)
  })

  it('works as the vault backend end to end', async () => {
    const path = join(dir, 'credentials.json')
    await new CredentialVault(plainFileSecrets(path)).set('p1', ['admin:secret'], true)
    const vault = new CredentialVault(plainFileSecrets(path))
    expect(await vault.get('p1')).toEqual(['admin:secret'])
    expect(await vault.storageOf('p1')).toBe('plain-file')
  })
})
