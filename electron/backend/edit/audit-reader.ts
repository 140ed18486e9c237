/** Reads a text file's lines from the end backwards, so the newest audit entries come first without reading the whole log. */
import { open } from 'node:fs/promises'

const CHUNK = 64 * 1024

/**
 * Calls `visit` for each non-empty line before byte `end` (default: the end
 * of the file), last line first, with the byte offset where the line starts.
 * A missing file has no lines.
 */
export async function readLinesBackward(
  file: string,
  end: number | undefined,
  visit: (line: string, offset: number) => 'continue' | 'stop',
): Promise<void> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    const size = (await handle.stat()).size
    let pos = Math.min(end ?? size, size)
    // Bytes between `pos` and the first newline after it, not yet a whole line.
    let carry = Buffer.alloc(0)
    while (pos > 0) {
      const start = Math.max(0, pos - CHUNK)
      const chunk = Buffer.alloc(pos - start)
      await handle.read(chunk, 0, chunk.length, start)
      const data = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk
      let lineEnd = data.length
      while (lineEnd > 0) {
        const newline = data.lastIndexOf(0x0a, lineEnd - 1)
        if (newline < 0 && start > 0) break
        const lineStart = newline + 1
        if (lineEnd > lineStart && visit(data.toString('utf8', lineStart, lineEnd), start + lineStart) === 'stop') return
        lineEnd = Math.max(0, newline)
        if (newline < 0) break
      }
      carry = data.subarray(0, lineEnd)
      pos = start
    }
  } finally {
    await handle.close()
  }
}
