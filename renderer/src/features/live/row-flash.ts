/**
 * Changed rows (and the data of an open node) flash briefly. The flash is a
 * class on the element the tree or the panel already rendered, added after
 * React has drawn the change: the components stay unaware of it, and a row
 * that scrolled away simply is not flashed. The colour and the animation are
 * in live.css, which turns the animation off for prefers-reduced-motion.
 */
import type { FlashTarget } from './tree-apply'

export const FLASH_CLASS = 'live-flash'
const FLASH_MS = 1_200
/** A row may appear a frame or two after the store changed; give up after this. */
const FIND_MS = 500

interface Pending extends FlashTarget {
  until: number
}

const pending = new Map<string, Pending>()
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>()
let frame: number | null = null

function find(target: FlashTarget): Element | null {
  const page = document.getElementById(`panel-${target.connectionId}`)
  if (!page || page.hidden) return null
  if (target.target === 'data') return page.querySelector('.node-panel .node-data')
  return page.querySelector(`[role="tree"] [data-path="${CSS.escape(target.path)}"]`)
}

function flash(element: Element): void {
  const timer = timers.get(element)
  if (timer !== undefined) clearTimeout(timer)
  // Removing and re-adding restarts the animation for a second change in a row.
  element.classList.remove(FLASH_CLASS)
  void (element as HTMLElement).offsetWidth
  element.classList.add(FLASH_CLASS)
  timers.set(
    element,
    setTimeout(() => element.classList.remove(FLASH_CLASS), FLASH_MS),
  )
}

function run(): void {
  frame = null
  const now = performance.now()
  for (const [key, item] of pending) {
    const element = find(item)
    if (element) flash(element)
    if (element || now > item.until) pending.delete(key)
  }
  if (pending.size > 0) frame = requestAnimationFrame(run)
}

export function requestFlash(targets: readonly FlashTarget[]): void {
  if (targets.length === 0) return
  const until = performance.now() + FIND_MS
  for (const target of targets) pending.set(`${target.connectionId}\u0000${target.target}\u0000${target.path}`, { ...target, until })
  if (frame === null) frame = requestAnimationFrame(run)
}
