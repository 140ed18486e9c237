/**
 * Gzip compression in the renderer (CompressionStream), the mirror of
 * ../gunzip.ts: the editor decompresses what it shows here, so it
 * re-compresses what it saves here too, and setData stays "these bytes".
 */
export async function gzip(input: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
