import { describe, expect, it } from 'vitest'
import { findZkInstall, requireZkInstall, ZkInstallError, type InstallFs } from '../../../../electron/backend/sandbox/zk-install'

/** An in-memory file tree: files and the directories implied by them. */
function fakeFs(files: string[]): InstallFs {
  const fileSet = new Set(files)
  const dirs = new Set<string>()
  for (const file of files) {
    const parts = file.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/') || '/')
  }
  return {
    isFile: (p) => fileSet.has(p),
    isDir: (p) => dirs.has(p),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0] ?? ''))],
  }
}

const DEBIAN = ['/etc/debian_version', '/usr/bin/apt-get', '/usr/bin/java', '/usr/share/java/zookeeper.jar', '/usr/share/java/servlet-api.jar', '/usr/share/java/slf4j-simple.jar']
const env = (extra: Record<string, string> = {}) => ({ PATH: '/usr/local/bin:/usr/bin', ...extra })

describe('findZkInstall', () => {
  it('uses the Debian packages with the servlet API the AdminServer needs', () => {
    const result = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs(DEBIAN) })
    expect(result).toEqual({
      ok: true,
      install: { java: '/usr/bin/java', classpath: ['/usr/share/java/zookeeper.jar', '/usr/share/java/servlet-api.jar'], source: 'debian' },
    })
  })

  it('adds slf4j-simple only when server logs are wanted', () => {
    const result = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs(DEBIAN), debugLogging: true })
    expect(result.ok && result.install.classpath).toEqual(['/usr/share/java/zookeeper.jar', '/usr/share/java/servlet-api.jar', '/usr/share/java/slf4j-simple.jar'])
  })

  it('refuses a Debian install without servlet-api.jar and names the package', () => {
    const result = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs(DEBIAN.filter((f) => !f.endsWith('servlet-api.jar'))) })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('servlet-api.jar')
    expect(result.installHint).toBe('sudo apt-get install zookeeper libservlet-api-java default-jre-headless')
  })

  it('prefers ZOOKEEPER_CLASSPATH, split on the path delimiter', () => {
    const result = findZkInstall({ env: env({ ZOOKEEPER_CLASSPATH: '/opt/a.jar:/opt/lib/*' }), platform: 'linux', fs: fakeFs(DEBIAN) })
    expect(result.ok && result.install).toMatchObject({ classpath: ['/opt/a.jar', '/opt/lib/*'], source: 'ZOOKEEPER_CLASSPATH' })
  })

  it('takes lib/*.jar, top-level zookeeper*.jar and conf/ from ZOOKEEPER_HOME', () => {
    const home = '/opt/zk'
    const files = ['/usr/bin/java', `${home}/lib/zookeeper-3.9.2.jar`, `${home}/lib/netty-handler.jar`, `${home}/lib/README.txt`, `${home}/zookeeper-jute-3.9.2.jar`, `${home}/conf/logback.xml`]
    const result = findZkInstall({ env: env({ ZOOKEEPER_HOME: home }), platform: 'linux', fs: fakeFs([...files, ...DEBIAN]) })
    expect(result.ok && result.install).toEqual({
      java: '/usr/bin/java',
      classpath: [`${home}/lib/netty-handler.jar`, `${home}/lib/zookeeper-3.9.2.jar`, `${home}/zookeeper-jute-3.9.2.jar`, `${home}/conf`],
      source: 'ZOOKEEPER_HOME',
    })
  })

  it('reports a ZOOKEEPER_HOME without any zookeeper jar', () => {
    const result = findZkInstall({ env: env({ ZOOKEEPER_HOME: '/opt/empty' }), platform: 'linux', fs: fakeFs(['/usr/bin/java', '/opt/empty/lib/other.jar']) })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain('ZOOKEEPER_HOME=/opt/empty')
  })

  it('finds Java in JAVA_HOME before PATH', () => {
    const result = findZkInstall({ env: env({ JAVA_HOME: '/opt/jdk17' }), platform: 'linux', fs: fakeFs([...DEBIAN, '/opt/jdk17/bin/java']) })
    expect(result.ok && result.install.java).toBe('/opt/jdk17/bin/java')
  })

  it('finds a Homebrew keg on macOS', () => {
    const keg = '/opt/homebrew/opt/zookeeper/libexec'
    const result = findZkInstall({ env: env(), platform: 'darwin', fs: fakeFs(['/usr/bin/java', `${keg}/lib/zookeeper-3.9.3.jar`]) })
    expect(result.ok && result.install).toMatchObject({ source: 'homebrew', classpath: [`${keg}/lib/zookeeper-3.9.3.jar`] })
  })

  it('says what to install when nothing is there, per platform', () => {
    const debian = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs(['/etc/debian_version']) })
    expect(debian).toMatchObject({ ok: false, installHint: 'sudo apt-get install zookeeper libservlet-api-java default-jre-headless' })
    const mac = findZkInstall({ env: env(), platform: 'darwin', fs: fakeFs([]) })
    expect(mac).toMatchObject({ ok: false, installHint: 'brew install zookeeper' })
    const other = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs([]) })
    expect(!other.ok && other.installHint).toContain('ZOOKEEPER_HOME')
  })

  it('reports missing Java even when the jars are there', () => {
    const result = findZkInstall({ env: env(), platform: 'linux', fs: fakeFs(DEBIAN.filter((f) => f !== '/usr/bin/java')) })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/Java is not installed/)
  })

  it('requireZkInstall throws an error that carries the install command', () => {
    let thrown: unknown
    try {
      requireZkInstall({ env: env(), platform: 'linux', fs: fakeFs(['/etc/debian_version']) })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ZkInstallError)
    expect((thrown as ZkInstallError).installHint).toContain('apt-get install zookeeper')
    expect((thrown as ZkInstallError).message).toContain('Install it with: sudo apt-get install zookeeper')
  })
})
