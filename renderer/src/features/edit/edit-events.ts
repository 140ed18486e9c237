/**
 * Routes edit.progress and edit.done into the edit store. Progress is
 * coalesced per frame (only the newest of each operation matters); a done
 * event is applied at once because a cancelled call learns its report from it.
 */
import type { RpcClient } from '../../../../shared/rpc/client'
import type { EditProgress } from '../../../../shared/protocol/edit-api'
import { DisposableStore, type Disposable } from '../../../../shared/util/disposable'
import { createFrameBatcher } from '../../backend/frame-batcher'
import { useEditStore } from '../../stores/edit-store'

export function startEditEvents(client: RpcClient): Disposable {
  const store = new DisposableStore()
  const progress = store.add(createFrameBatcher<EditProgress>((items) => useEditStore.getState().applyProgress(items)))
  store.add(client.on('edit.progress', (item) => progress.push(item)))
  store.add(
    client.on('edit.done', (done) => {
      progress.flush()
      useEditStore.getState().applyDone(done)
    }),
  )
  return store
}
