/** How the dashboard writes durations, latencies, counts and member names. */
import type { TFunction } from 'i18next'
import type { MemberInfo } from '../../../../shared/protocol/monitor-api'
import { formatNumber } from '../../i18n/format'

/** "850 ms", "12 s", "3 min 4 s", "2 h 5 min". */
export function formatDuration(t: TFunction, ms: number): string {
  const value = Math.max(0, ms)
  if (value < 1_000) return t('monitor.units.ms', { n: Math.round(value) })
  if (value < 10_000) return t('monitor.units.s', { n: (value / 1000).toFixed(1) })
  const s = Math.round(value / 1000)
  if (s < 60) return t('monitor.units.s', { n: s })
  if (s < 3600) {
    const rest = s % 60
    return rest === 0 ? t('monitor.units.min', { n: Math.floor(s / 60) }) : t('monitor.units.minS', { m: Math.floor(s / 60), s: rest })
  }
  const minutes = Math.floor((s % 3600) / 60)
  return minutes === 0 ? t('monitor.units.h', { n: Math.floor(s / 3600) }) : t('monitor.units.hMin', { h: Math.floor(s / 3600), m: minutes })
}

// Intl formatters are costly to create and charts format hundreds of ticks: one per locale and shape.
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n|${locale}|${key}`
  let format = formats.get(id) as Intl.NumberFormat | undefined
  if (!format) formats.set(id, (format = new Intl.NumberFormat(locale, options)))
  return format
}

function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d|${locale}|${key}`
  let format = formats.get(id) as Intl.DateTimeFormat | undefined
  if (!format) formats.set(id, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

/** A measured value with sensible precision: 0.42, 3.1, 17, 12,345. */
export function formatValue(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  const digits = abs === 0 || abs >= 100 ? 0 : abs >= 10 ? 1 : 2
  return numberFormat(locale, `v${digits}`, { maximumFractionDigits: digits }).format(value)
}

export function formatCount(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatNumber(value, locale)
}

/** Axis labels: 1.2k, 3.4M. */
export function formatCompact(value: number, locale: string): string {
  return numberFormat(locale, 'compact', { notation: 'compact', maximumFractionDigits: 2 }).format(value)
}

/** `server 2 (127.0.0.1:2182)`, or the address alone before the member said who it is. */
export function memberName(t: TFunction, info: Pick<MemberInfo, 'serverId' | 'label'> | undefined, memberId: string | null): string {
  if (!info) return memberId ?? ''
  return info.serverId !== null ? t('monitor.member.named', { id: info.serverId, label: info.label }) : info.label
}

/** Short form for legends and lanes: `server 2`, or the address. */
export function memberShort(t: TFunction, info: Pick<MemberInfo, 'serverId' | 'label'> | undefined, memberId: string): string {
  if (!info) return memberId
  return info.serverId !== null ? t('monitor.member.short', { id: info.serverId }) : info.label
}

/** A time on an axis or in a list: seconds for short windows, the date for long ones. */
export function formatAt(ms: number, locale: string, withDate: boolean): string {
  return dateFormat(locale, withDate ? 'at-date' : 'at', {
    ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms)
}

/** Axis ticks: seconds only for windows up to 10 min, the date for windows over 12 h. */
export function formatTick(ms: number, locale: string, spanMs: number): string {
  const withDate = spanMs > 12 * 3_600_000
  const withSeconds = spanMs <= 600_000
  return dateFormat(locale, `tick${withDate ? 'd' : ''}${withSeconds ? 's' : ''}`, {
    ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(ms)
}
