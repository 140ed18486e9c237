/** Fans backend events out to every connected peer (window or socket). */
import type { ZkEventName, ZkEvents } from '../../shared/protocol/api'
import type { EventSource } from '../../shared/rpc/server'
import { toDisposable } from '../../shared/util/disposable'

type AnyListener = <E extends ZkEventName>(event: E, payload: ZkEvents[E]) => void

export class EventHub implements EventSource {
  private readonly listeners = new Set<AnyListener>()

  emit<E extends ZkEventName>(event: E, payload: ZkEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload)
      } catch (error) {
        console.error(`event listener for ${event} failed`, error)
      }
    }
  }

  onEvent(listener: AnyListener) {
    this.listeners.add(listener)
    return toDisposable(() => this.listeners.delete(listener))
  }

  get size(): number {
    return this.listeners.size
  }
}
