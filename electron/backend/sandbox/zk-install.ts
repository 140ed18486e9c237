import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** A local ZooKeeper server installation plus the Java runtime to run it. */
export interface ZkInstall {
  /** Absolute path of the `java` executable. */
  java: string
  /** Classpath entries, in order, for `QuorumPeerMain`. */
  classpath: string[]
  /** Where the jars were found, for messages. */
  source: 'ZOOKEEPER_CLASSPATH' | 'ZOOKEEPER_HOME' | 'debian' | 'homebrew'
}

export type ZkInstallResult =
  | { ok: true; install: ZkInstall }
  | { ok: false; message: string; installHint: string }

/** File-system probes, replaceable so discovery is unit-tested without a real install. */
export interface InstallFs {
  isFile(p: string): boolean
  isDir(p: string): boolean
  list(dir: string): string[]
}

export interface FindZkInstallOptions {
  env?: Record<string, string | undefined>
  platform?: NodeJS.Platform
  /** Adds slf4j-simple on Debian so the server writes its log; otherwise it logs nothing. */
  debugLogging?: boolean
  fs?: InstallFs
  /** Where Debian's `zookeeper` and `libservlet-api-java` packages put their jars. */
  debianJavaDir?: string
  /** Homebrew's keg locations (Apple silicon and Intel). */
  homebrewHomes?: string[]
}

/** Thrown by {@link requireZkInstall}; carries the command that fixes it. */
export class ZkInstallError extends Error {
  constructor(
    message: string,
    readonly installHint: string,
  ) {
    super(`${message}\nInstall it with: ${installHint}`)
    this.name = 'ZkInstallError'
  }
}

const realFs: InstallFs = {
  isFile: (p) => existsSync(p) && statSync(p).isFile(),
  isDir: (p) => existsSync(p) && statSync(p).isDirectory(),
  list: (dir) => readdirSync(dir),
}

/** The one command that installs everything the sandbox needs on this platform. */
export function installHintFor(platform: NodeJS.Platform, fs: InstallFs = realFs): string {
  if (platform === 'darwin') return 'brew install zookeeper'
  if (platform === 'linux' && (fs.isFile('/etc/debian_version') || fs.isFile('/usr/bin/apt-get'))) {
    return 'sudo apt-get install zookeeper libservlet-api-java default-jre-headless'
  }
  return 'download Apache ZooKeeper from https://zookeeper.apache.org/releases.html, unpack it and set ZOOKEEPER_HOME to its folder (and install a Java 11+ runtime)'
}

const isZkJar = (name: string): boolean => /^zookeeper.*\.jar$/.test(name)

/** Jars of an Apache binary distribution (or Homebrew keg): lib/*.jar, top-level zookeeper*.jar, conf/. */
function homeClasspath(home: string, fs: InstallFs): string[] {
  const entries: string[] = []
  const lib = path.join(home, 'lib')
  if (fs.isDir(lib)) {
    for (const name of fs.list(lib).sort()) if (name.endsWith('.jar')) entries.push(path.join(lib, name))
  }
  if (fs.isDir(home)) {
    for (const name of fs.list(home).sort()) if (isZkJar(name)) entries.push(path.join(home, name))
  }
  // zkServer.sh puts conf/ on the classpath so the distribution's logback.xml is used.
  const conf = path.join(home, 'conf')
  if (entries.length > 0 && fs.isDir(conf)) entries.push(conf)
  return entries
}

function hasZkJar(classpath: string[]): boolean {
  return classpath.some((entry) => isZkJar(path.basename(entry)))
}

function findJava(env: Record<string, string | undefined>, platform: NodeJS.Platform, fs: InstallFs): string | undefined {
  const exe = platform === 'win32' ? 'java.exe' : 'java'
  const javaHome = env['JAVA_HOME']
  if (javaHome) {
    const candidate = path.join(javaHome, 'bin', exe)
    if (fs.isFile(candidate)) return candidate
  }
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, exe)
    if (fs.isFile(candidate)) return candidate
  }
  if (platform === 'darwin') {
    for (const dir of ['/opt/homebrew/opt/openjdk/bin', '/usr/local/opt/openjdk/bin']) {
      const candidate = path.join(dir, exe)
      if (fs.isFile(candidate)) return candidate
    }
  }
  return undefined
}

type JarsResult = { classpath: string[]; source: ZkInstall['source'] } | { error: string }

function findJars(opts: Required<Omit<FindZkInstallOptions, 'platform'>>): JarsResult | undefined {
  const { env, fs } = opts
  const explicit = env['ZOOKEEPER_CLASSPATH']
  if (explicit) {
    const classpath = explicit.split(path.delimiter).filter((entry) => entry.length > 0)
    return { classpath, source: 'ZOOKEEPER_CLASSPATH' }
  }
  const home = env['ZOOKEEPER_HOME']
  if (home) {
    const classpath = homeClasspath(home, fs)
    if (!hasZkJar(classpath)) return { error: `ZOOKEEPER_HOME=${home} contains no zookeeper*.jar (looked in it and in its lib/ folder).` }
    return { classpath, source: 'ZOOKEEPER_HOME' }
  }
  const debianJar = path.join(opts.debianJavaDir, 'zookeeper.jar')
  if (fs.isFile(debianJar)) {
    // The jar's manifest Class-Path pulls in its dependencies, but not the servlet API:
    // without it the AdminServer silently does not start.
    const servlet = path.join(opts.debianJavaDir, 'servlet-api.jar')
    if (!fs.isFile(servlet)) {
      return { error: `${servlet} is missing: ZooKeeper's AdminServer does not start without it (package libservlet-api-java).` }
    }
    const classpath = [debianJar, servlet]
    const simple = path.join(opts.debianJavaDir, 'slf4j-simple.jar')
    if (opts.debugLogging && fs.isFile(simple)) classpath.push(simple)
    return { classpath, source: 'debian' }
  }
  for (const keg of opts.homebrewHomes) {
    const classpath = homeClasspath(keg, fs)
    if (hasZkJar(classpath)) return { classpath, source: 'homebrew' }
  }
  return undefined
}

/**
 * Finds ZooKeeper's jars and Java: ZOOKEEPER_CLASSPATH, then ZOOKEEPER_HOME, then the Debian
 * packages, then Homebrew. Java comes from JAVA_HOME, then PATH.
 */
export function findZkInstall(options: FindZkInstallOptions = {}): ZkInstallResult {
  const platform = options.platform ?? process.platform
  const fs = options.fs ?? realFs
  const env = options.env ?? process.env
  const hint = installHintFor(platform, fs)
  const jars = findJars({
    env,
    fs,
    debugLogging: options.debugLogging ?? false,
    debianJavaDir: options.debianJavaDir ?? '/usr/share/java',
    homebrewHomes: options.homebrewHomes ?? ['/opt/homebrew/opt/zookeeper/libexec', '/usr/local/opt/zookeeper/libexec'],
  })
  if (!jars) {
    return { ok: false, message: 'ZooKeeper is not installed: no ZOOKEEPER_CLASSPATH, no ZOOKEEPER_HOME and no system package found.', installHint: hint }
  }
  if ('error' in jars) return { ok: false, message: jars.error, installHint: hint }
  const java = findJava(env, platform, fs)
  if (!java) {
    return { ok: false, message: 'Java is not installed: no JAVA_HOME/bin/java and no java on PATH.', installHint: hint }
  }
  return { ok: true, install: { java, classpath: jars.classpath, source: jars.source } }
}

/** Like {@link findZkInstall} but throws a {@link ZkInstallError} that names the install command. */
export function requireZkInstall(options: FindZkInstallOptions = {}): ZkInstall {
  const result = findZkInstall(options)
  if (!result.ok) throw new ZkInstallError(result.message, result.installHint)
  return result.install
}
