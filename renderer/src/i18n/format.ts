/**
 * Locale-aware formatting of numbers, sizes and times for display. Intl
 * formatters are expensive to create and tree rows format on every mount, so
 * they are made once per locale and option set.
 */

const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits ?? ''}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, maximumFractionDigits === undefined ? {} : { maximumFractionDigits })
    formatters.set(key, format)
  }
  return format
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value)
}

/** Bytes in binary units, exact below 1 KiB: "512 B", "1.5 KiB". */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = value < 10 ? 1 : 0
  return `${numberFormat(locale, digits).format(value)} ${units[unit]}`
}

/** Milliseconds since the epoch as a decimal string (as the contract sends them). */
export function epochMs(value: string): number {
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}

export function formatLocalTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms)
}

export function formatIso(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

export function formatClock(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(ms)
}
