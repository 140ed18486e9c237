/**
 * Keeps a ZooKeeper JVM from outliving the console even when the console is
 * killed outright (SIGKILL, a crash), which no exit handler can catch. On
 * POSIX the JVM runs under a small shell that holds the read end of a pipe
 * from us: when we die the pipe closes, and the shell stops the JVM. The
 * shell leads its own process group, so a hard kill takes both at once.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

const GUARD = [
  // Background jobs of a non-interactive shell read /dev/null: keep our pipe on fd 3.
  'exec 3<&0',
  '"$@" 3<&- </dev/null &',
  'child=$!',
  // A signal to the shell (our stop) is passed on to the JVM.
  "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
  // End of our pipe (we died) also stops the JVM.
  '( cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null ) &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$child"',
  'status=$?',
  // A trapped signal interrupts wait; wait again until the JVM has really exited.
  'while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done',
  'kill "$watcher" 2>/dev/null',
  'exit $status',
].join('\n')

export const guarded = process.platform !== 'win32'

/** Spawns `command` so that it dies with us; stdout and stderr as given, stdin is ours. */
export function spawnGuarded(command: string, args: string[], options: Omit<SpawnOptions, 'stdio' | 'detached'> & { out: number }): ChildProcess {
  if (!guarded) return spawn(command, args, { ...options, stdio: ['ignore', options.out, options.out] })
  const child = spawn('/bin/sh', ['-c', GUARD, 'zk-member', command, ...args], {
    ...options,
    stdio: ['pipe', options.out, options.out],
    detached: true,
  })
  // The pipe only signals our death; it must not keep our event loop alive.
  const stdin = child.stdin as unknown as { unref?: () => void } | null
  stdin?.unref?.()
  child.unref()
  return child
}

/** SIGKILL for the guard shell and everything in its group (the JVM, the watcher). */
export function killGuarded(child: ChildProcess, signal: NodeJS.Signals): void {
  if (guarded && child.pid !== undefined) {
    try {
      process.kill(-child.pid, signal)
      return
    } catch {
      // The group is already gone; fall through to the single process.
    }
  }
  child.kill(signal)
}
