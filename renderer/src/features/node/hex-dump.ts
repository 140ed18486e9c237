/**
 * A classic hex dump (offset, 16 bytes in hex, printable ASCII) of the raw
 * bytes, one row at a time so a virtual list formats only what is on screen.
 * Non-printable bytes show as "." in the ASCII column only; the hex column
 * is always the exact bytes.
 */
export const BYTES_PER_ROW = 16

export interface HexRow {
  offset: string
  hex: string
  ascii: string
}

export function hexRowCount(length: number): number {
  return Math.ceil(length / BYTES_PER_ROW)
}

export function hexRow(bytes: Uint8Array, row: number): HexRow {
  const start = row * BYTES_PER_ROW
  let hex = ''
  let ascii = ''
  for (let i = 0; i < BYTES_PER_ROW; i++) {
    if (i === 8) hex += ' '
    const byte = bytes[start + i]
    if (byte === undefined) {
      hex += i === BYTES_PER_ROW - 1 ? '  ' : '   '
      continue
    }
    hex += byte.toString(16).padStart(2, '0') + (i === BYTES_PER_ROW - 1 ? '' : ' ')
    ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
  }
  return { offset: start.toString(16).padStart(8, '0'), hex, ascii }
}

/** The whole dump as text (for copying), in the layout of `hexdump -C` without its pipes. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = []
  for (let row = 0; row < hexRowCount(bytes.length); row++) {
    const { offset, hex, ascii } = hexRow(bytes, row)
    lines.push(`${offset}  ${hex}  ${ascii}`)
  }
  return lines.join('\n')
}
