import { toDisposable, type Disposable } from './disposable'

/** A typed event emitter: one listener list per event name. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>()

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): Disposable {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    const entry = listener as (payload: never) => void
    set.add(entry)
    return toDisposable(() => set.delete(entry))
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of [...set]) {
      try {
        ;(listener as (p: Events[K]) => void)(payload)
      } catch (error) {
        console.error(`listener for ${String(event)} failed`, error)
      }
    }
  }

  listenerCount(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }
}
