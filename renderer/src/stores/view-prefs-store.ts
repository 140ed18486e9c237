/**
 * How the user chose to view a node's data (format, charset, sub-mode),
 * remembered per connection (profile, or connect string when unsaved) and
 * path, in localStorage. Only explicit choices are stored: an untouched node
 * follows detection, so a better detector helps it later.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ConnectionInfo } from '../../../shared/protocol/types'
import { isCharset, type Charset } from '../../../shared/zk/charsets'
import { isDataFormat, type DataFormat } from '../../../shared/zk/format-detect'

export const SUB_MODES = ['tree', 'source', 'pretty', 'original', 'table'] as const
export type SubMode = (typeof SUB_MODES)[number]

export interface ViewPrefs {
  format?: DataFormat
  charset?: Charset
  /** JSON: tree or source; XML: pretty or original; properties: table or source. */
  mode?: SubMode
  /** For gzip data: show the compressed bytes instead of what they decompress to. */
  compressed?: boolean
}

interface StoredPrefs extends ViewPrefs {
  /** Last change, wall-clock ms, to forget the oldest when there are too many. */
  at: number
}

/** Enough for every node anyone reads by hand; bounded so localStorage does not grow forever. */
export const MAX_REMEMBERED = 500

export interface ViewPrefsState {
  prefs: Readonly<Record<string, StoredPrefs>>
  setPrefs(scope: string, path: string, patch: ViewPrefs): void
  resetPrefs(scope: string, path: string): void
}

/** What the choice is remembered under: the saved profile, or the connect string of an unsaved connection. */
export function prefsScope(info: Pick<ConnectionInfo, 'profileId' | 'connectString'>): string {
  return info.profileId ? `profile:${info.profileId}` : `connect:${info.connectString}`
}

export const prefsKey = (scope: string, path: string) => `${scope}\u0000${path}`

function clean(value: unknown): StoredPrefs | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const out: StoredPrefs = { at: typeof v.at === 'number' ? v.at : 0 }
  if (isDataFormat(v.format)) out.format = v.format
  if (isCharset(v.charset)) out.charset = v.charset
  if (typeof v.mode === 'string' && (SUB_MODES as readonly string[]).includes(v.mode)) out.mode = v.mode as SubMode
  if (v.compressed === true) out.compressed = true
  return out
}

function bounded(prefs: Record<string, StoredPrefs>): Record<string, StoredPrefs> {
  const keys = Object.keys(prefs)
  if (keys.length <= MAX_REMEMBERED) return prefs
  const keep = keys.sort((a, b) => (prefs[b]?.at ?? 0) - (prefs[a]?.at ?? 0)).slice(0, MAX_REMEMBERED)
  return Object.fromEntries(keep.map((key) => [key, prefs[key] as StoredPrefs]))
}

export const useViewPrefsStore = create<ViewPrefsState>()(
  persist(
    (set) => ({
      prefs: {},
      setPrefs: (scope, path, patch) =>
        set((s) => {
          const key = prefsKey(scope, path)
          // A choice set back to undefined (follow detection) is dropped by clean(), not stored.
          const next = clean({ ...s.prefs[key], ...patch, at: Date.now() })
          return next ? { prefs: bounded({ ...s.prefs, [key]: next }) } : s
        }),
      resetPrefs: (scope, path) =>
        set((s) => {
          const key = prefsKey(scope, path)
          if (!s.prefs[key]) return s
          const { [key]: _removed, ...rest } = s.prefs
          return { prefs: rest }
        }),
    }),
    {
      name: 'zk-console.view-prefs',
      version: 1,
      partialize: (s) => ({ prefs: s.prefs }),
      // Hand-edited or older entries must not break the inspector: keep what is valid.
      merge: (persisted, current) => {
        const raw = (persisted as { prefs?: unknown } | undefined)?.prefs
        const prefs: Record<string, StoredPrefs> = {}
        if (typeof raw === 'object' && raw !== null) {
          for (const [key, value] of Object.entries(raw)) {
            const entry = clean(value)
            if (entry) prefs[key] = entry
          }
        }
        return { ...current, prefs: bounded(prefs) }
      },
    },
  ),
)

export const selectPrefs =
  (scope: string, path: string) =>
  (s: ViewPrefsState): ViewPrefs | undefined =>
    s.prefs[prefsKey(scope, path)]
