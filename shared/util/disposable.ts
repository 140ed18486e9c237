/** Something that holds a resource until it is disposed. */
export interface Disposable {
  dispose(): void
}

/** Wraps a cleanup function as a Disposable that runs at most once. */
export function toDisposable(fn: () => void): Disposable {
  let done = false
  return {
    dispose() {
      if (done) return
      done = true
      fn()
    },
  }
}

/**
 * Owns a set of disposables and disposes them together, last added first,
 * so that later resources that depend on earlier ones go away before them.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = []
  private disposed = false

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose()
      return item
    }
    this.items.push(item)
    return item
  }

  get isDisposed(): boolean {
    return this.disposed
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    while (this.items.length > 0) {
      const item = this.items.pop()
      try {
        item?.dispose()
      } catch (error) {
        console.error('dispose failed', error)
      }
    }
  }
}
