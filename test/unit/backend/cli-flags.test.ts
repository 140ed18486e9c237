import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FlagError, parseConsoleFlags } from '../../../electron/host/cli-flags'
import { isLoopback } from '../../../shared/util/loopback'
import { webConfigDir } from '../../../electron/host/config-dir'

describe('parseConsoleFlags', () => {
  it('defaults to loopback, no sandbox, and nothing else', () => {
    expect(parseConsoleFlags([])).toEqual({ host: '127.0.0.1', sandbox: false })
  })

  it('parses every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseConsoleFlags(['--port', '8080', '--token=abcdefgh12', '--host', '0.0.0.0', '--connect', 'zk1:2181,zk2/app']),
    ).toEqual({
      port: 8080,
      token: 'abcdefgh12',
      host: '0.0.0.0',
      connect: 'zk1:2181,zk2/app',
      sandbox: false,
    })
    expect(parseConsoleFlags(['--sandbox', '--port=0'])).toEqual({ host: '127.0.0.1', sandbox: true, port: 0 })
  })

  it('accepts the port bounds', () => {
    expect(parseConsoleFlags(['--port', '65535']).port).toBe(65535)
    expect(parseConsoleFlags(['--port', '1']).port).toBe(1)
  })

  it('refuses bad ports with a FlagError naming the flag', () => {
    for (const port of ['abc', '65536', '-1', '1.5', '80x']) {
      let error: unknown
      try {
        parseConsoleFlags([`--port=${port}`])
      } catch (e) {
        error = e
      }
      expect(error, `--port=${port}`).toBeInstanceOf(FlagError)
      expect((error as FlagError).message).toContain('--port')
    }
  })

  it('refuses an empty or blank port instead of taking it as port 0 (a random port)', () => {
    // Number('') and Number(' ') are 0, which would silently bind a random port.
    expect(() => parseConsoleFlags(['--port='])).toThrow(FlagError)
    expect(() => parseConsoleFlags(['--port', ' '])).toThrow(FlagError)
  })

  it('refuses tokens shorter than 8 characters', () => {
    expect(() => parseConsoleFlags(['--token', 'short'])).toThrow(FlagError)
    expect(() => parseConsoleFlags(['--token', '1234567'])).toThrow(/--token/)
    expect(parseConsoleFlags(['--token', '12345678']).token).toBe('12345678')
  })

  it('refuses a bad connect string, saying why', () => {
    expect(() => parseConsoleFlags(['--connect', 'zk1:99999'])).toThrow(FlagError)
    expect(() => parseConsoleFlags(['--connect', 'zk1:99999'])).toThrow(/bad-port/)
    expect(() => parseConsoleFlags(['--connect', 'a,,b'])).toThrow(/--connect/)
    expect(() => parseConsoleFlags(['--connect', 'zk1/a//b'])).toThrow(/bad-chroot/)
  })

  it('refuses --connect together with --sandbox', () => {
    expect(() => parseConsoleFlags(['--connect', 'zk1:2181', '--sandbox'])).toThrow(FlagError)
    expect(() => parseConsoleFlags(['--sandbox', '--connect', 'zk1:2181'])).toThrow(/--sandbox/)
  })

  it('refuses unknown flags and positional arguments', () => {
    expect(() => parseConsoleFlags(['--bogus'])).toThrow(/bogus/)
    expect(() => parseConsoleFlags(['--port', '80', 'extra'])).toThrow()
    expect(() => parseConsoleFlags(['--sandbox=yes'])).toThrow()
  })

  it('refuses a value-taking flag without its value', () => {
    expect(() => parseConsoleFlags(['--port'])).toThrow()
    expect(() => parseConsoleFlags(['--token'])).toThrow()
  })
})

describe('isLoopback', () => {
  it('knows the loopback names', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.1.2.3']) expect(isLoopback(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) expect(isLoopback(host), host).toBe(false)
  })
})

describe('webConfigDir', () => {
  it('uses XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(webConfigDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'zookeeper-console'))
    expect(webConfigDir({}, 'linux')).toBe(join(homedir(), '.config', 'zookeeper-console'))
  })

  it('uses Application Support on macOS', () => {
    expect(webConfigDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'zookeeper-console'),
    )
  })

  it('uses APPDATA on Windows, else ~/AppData/Roaming', () => {
    expect(webConfigDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'zookeeper-console'),
    )
    expect(webConfigDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'zookeeper-console'))
  })

  it('lets ZK_CONSOLE_CONFIG_DIR override every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(webConfigDir({ ZK_CONSOLE_CONFIG_DIR: '/custom/dir', XDG_CONFIG_HOME: '/xdg', APPDATA: '/a' }, platform)).toBe(
        '/custom/dir',
      )
    }
  })

  it('reads process.env and process.platform by default', () => {
    const saved = process.env.ZK_CONSOLE_CONFIG_DIR
    process.env.ZK_CONSOLE_CONFIG_DIR = '/from/process/env'
    try {
      expect(webConfigDir()).toBe('/from/process/env')
    } finally {
      if (saved === undefined) delete process.env.ZK_CONSOLE_CONFIG_DIR
      else process.env.ZK_CONSOLE_CONFIG_DIR = saved
    }
  })
})
