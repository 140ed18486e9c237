/**
 * Completion for the go-to-path bar: the children of the typed parent,
 * filtered by the typed prefix. Lists come from the tree when it has them,
 * else from one getChildren per parent, debounced while typing and cached
 * for a short while (a user typing /a/b/c asks for /, /a and /a/b once each).
 */
import { useEffect, useState } from 'react'
import type { ZkApi } from '../../../../shared/protocol/api'
import { checkPath } from '../../../../shared/zk/path'
import { sortChildNames } from './sort-children'
import { useTreeStore } from '../../stores/tree-store'

const DEBOUNCE_MS = 150
const TTL_MS = 30_000
export const MAX_COMPLETIONS = 100

/** The parent to list and the prefix to match for what is typed, or null when there is nothing to complete. */
export function splitForCompletion(text: string): { parent: string; prefix: string } | null {
  if (!text.startsWith('/')) return null
  const slash = text.lastIndexOf('/')
  const parent = slash === 0 ? '/' : text.slice(0, slash)
  if (!checkPath(parent).ok) return null
  return { parent, prefix: text.slice(slash + 1) }
}

/** Names starting with the prefix first, then names containing it; case does not matter. */
export function rankCompletions(names: readonly string[], prefix: string, limit = MAX_COMPLETIONS): string[] {
  if (prefix === '') return names.slice(0, limit)
  const needle = prefix.toLowerCase()
  const starts: string[] = []
  const contains: string[] = []
  for (const name of names) {
    const lower = name.toLowerCase()
    if (lower.startsWith(needle)) starts.push(name)
    else if (lower.includes(needle)) contains.push(name)
    if (starts.length >= limit) break
  }
  return starts.concat(contains).slice(0, limit)
}

const cache = new Map<string, { names: string[]; at: number }>()

async function childrenOf(api: ZkApi, connectionId: string, parent: string): Promise<readonly string[]> {
  const loaded = useTreeStore.getState().trees[connectionId]?.children[parent]
  if (loaded) return loaded
  const key = `${connectionId}\n${parent}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.names
  const { children } = await api.getChildren({ connectionId, path: parent })
  const names = sortChildNames(children)
  cache.set(key, { names, at: Date.now() })
  return names
}

export interface Completions {
  parent: string
  items: string[]
  /** The parent could not be listed (it does not exist, or no permission). */
  failed: boolean
}

interface Listing {
  parent: string
  names: readonly string[]
  failed: boolean
}

/** Completions for `text`; the listing of its parent arrives after a pause in typing, the prefix is matched at once. */
export function useCompletions(api: ZkApi, connectionId: string, text: string, enabled: boolean): Completions | null {
  const [listing, setListing] = useState<Listing | null>(null)
  const split = enabled ? splitForCompletion(text) : null
  const parent = split?.parent ?? null
  useEffect(() => {
    if (parent === null) return
    let stale = false
    const timer = setTimeout(() => {
      childrenOf(api, connectionId, parent).then(
        (names) => !stale && setListing({ parent, names, failed: false }),
        () => !stale && setListing({ parent, names: [], failed: true }),
      )
    }, DEBOUNCE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [api, connectionId, parent])
  if (!split || !listing || listing.parent !== split.parent) return null
  return { parent: split.parent, items: rankCompletions(listing.names, split.prefix), failed: listing.failed }
}
