/** "3 minutes ago", "in 2 hours", in the UI's language (Intl.RelativeTimeFormat). */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
]

const formats = new Map<string, Intl.RelativeTimeFormat>()

export function formatRelative(ms: number, now: number, locale: string): string {
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    formats.set(locale, format)
  }
  const delta = ms - now
  const abs = Math.abs(delta)
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return format.format(Math.round(delta / size), unit)
  }
  return ''
}
