import { rmSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { toDisposable, type Disposable } from '../../../shared/util/disposable'
import { killGuarded } from './orphan-guard'

/**
 * Last line of defence so no ZooKeeper JVM outlives us: every tracked child is SIGKILLed and
 * every tracked directory removed when this process exits or is told to stop by a signal.
 * Normal shutdown goes through the owners' own stop(); this only catches what they missed.
 */
const children = new Set<ChildProcess>()
const dirs = new Set<string>()
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
let installed = false

function killAllNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        killGuarded(child, 'SIGKILL')
      } catch {
        // Already gone between the check and the kill: nothing left to do.
      }
    }
  }
  children.clear()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 2 })
  dirs.clear()
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else listens (the sandbox CLI, Electron, a test runner): they own the shutdown,
  // and the 'exit' hook still catches anything they leave behind.
  if (process.listenerCount(signal) > 1) return
  killAllNow()
  uninstall()
  // Re-raise so the default action (terminate with the signal's status) happens as if we had
  // never listened.
  process.kill(process.pid, signal)
}

function uninstall(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal)
  process.removeListener('exit', killAllNow)
  installed = false
}

function install(): void {
  if (installed) return
  installed = true
  process.on('exit', killAllNow)
  for (const signal of SIGNALS) process.on(signal, onSignal)
}

/** Kills `child` with SIGKILL if this process ends while it still runs. */
export function trackChild(child: ChildProcess): Disposable {
  install()
  children.add(child)
  child.once('exit', () => children.delete(child))
  return toDisposable(() => children.delete(child))
}

/** Removes `dir` if this process ends before its owner removed it. */
export function trackDir(dir: string): Disposable {
  install()
  dirs.add(dir)
  return toDisposable(() => dirs.delete(dir))
}

/** Pids of tracked children still running; tests use it to prove nothing is left behind. */
export function trackedPids(): number[] {
  const pids: number[] = []
  for (const child of children) if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) pids.push(child.pid)
  return pids
}
