/**
 * A classic hex dump (offset, 16 bytes in hex, printable ASCII) of the raw
 * bytes. Non-printable bytes show as "." in the ASCII column only; the hex
 * column is always the exact bytes.
 */
export const HEX_PREVIEW_BYTES = 4096

export function hexDump(bytes: Uint8Array, limit = HEX_PREVIEW_BYTES): string {
  const end = Math.min(bytes.length, limit)
  const lines: string[] = []
  for (let offset = 0; offset < end; offset += 16) {
    let hex = ''
    let ascii = ''
    for (let i = 0; i < 16; i++) {
      const at = offset + i
      if (i === 8) hex += ' '
      if (at < end) {
        const byte = bytes[at] ?? 0
        hex += `${byte.toString(16).padStart(2, '0')} `
        ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
      } else {
        hex += '   '
      }
    }
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex} ${ascii}`)
  }
  return lines.join('\n')
}
