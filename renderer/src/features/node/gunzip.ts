/**
 * Gzip decompression in the browser (DecompressionStream), bounded: a small
 * value can expand enormously, and the inspector must not hang on a zip bomb.
 */

/** Past this, the rest is not decompressed and the view says it is cut. */
export const GUNZIP_LIMIT = 16 * 1024 * 1024

export interface Gunzipped {
  bytes: Uint8Array
  /** The output was cut at `limit`. */
  truncated: boolean
}

export async function gunzip(input: Uint8Array, limit = GUNZIP_LIMIT): Promise<Gunzipped> {
  const stream = new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
      if (size > limit) {
        truncated = true
        await reader.cancel()
        break
      }
    }
  } finally {
    reader.releaseLock()
  }
  const bytes = new Uint8Array(Math.min(size, limit))
  let at = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.min(chunk.length, bytes.length - at))
    bytes.set(part, at)
    at += part.length
    if (at >= bytes.length) break
  }
  return { bytes, truncated }
}
