/**
 * How the tree shows names, remembered on this machine. A view preference,
 * not tree data: it applies to every connection and never changes a path.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export interface TreePrefsState {
  /** Show URL-encoded names (Dubbo providers) decoded. */
  decodeNames: boolean
  setDecodeNames(decode: boolean): void
}

export const useTreePrefs = create<TreePrefsState>()(
  persist(
    (set) => ({
      decodeNames: true,
      setDecodeNames: (decodeNames) => set({ decodeNames }),
    }),
    {
      name: 'zk-console.tree-prefs',
      version: 1,
      partialize: (s) => ({ decodeNames: s.decodeNames }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<TreePrefsState>
        return { ...current, decodeNames: typeof p.decodeNames === 'boolean' ? p.decodeNames : current.decodeNames }
      },
    },
  ),
)
