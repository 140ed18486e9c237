import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** The last `lines` lines of a (possibly large) log file; empty when it cannot be read. */
export function readLogTail(file: string, lines = 30, maxBytes = 16_384): string {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const size = fstatSync(fd).size
    const length = Math.min(size, maxBytes)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    return buffer.toString('utf8').split('\n').slice(-lines - 1).join('\n').trimEnd()
  } catch {
    // A missing log only means the process never got to write one; the caller says so.
    return ''
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
