import { describe, expect, it } from 'vitest'
import { gunzip } from '../gunzip'

/** Real gzip bytes, from the platform's own compressor. */
async function gzip(input: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

describe('gunzip', () => {
  it('decompresses gzip bytes with DecompressionStream', async () => {
    const text = JSON.stringify({ theme: 'dark', 名称: '订单' })
    const { bytes, truncated } = await gunzip(await gzip(text))
    expect(truncated).toBe(false)
    expect(new TextDecoder().decode(bytes)).toBe(text)
  })

  it('stops at the limit and says the output was cut', async () => {
    const { bytes, truncated } = await gunzip(await gzip(new Uint8Array(1_000_000).fill(0x41)), 100_000)
    expect(truncated).toBe(true)
    expect(bytes.length).toBe(100_000)
    expect(bytes.every((b) => b === 0x41)).toBe(true)
  })

  it('rejects bytes that only look like gzip', async () => {
    await expect(gunzip(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]))).rejects.toThrow()
  })
})
