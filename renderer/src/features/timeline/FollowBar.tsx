import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidPath } from '../../../../shared/zk/path'
import { useTreeStore } from '../../stores/tree-store'
import { describeError } from '../../i18n/describe-error'
import { DEFAULT_FOLLOW_NODES, startFollow, stopFollow } from '../live/follow'
import { selectFollow, useLiveStore } from '../live/live-store'
import { MAX_WATCH_BUDGET } from '../live/live-settings'

/**
 * "Follow a subtree: [path] [max nodes] Follow/Stop". The path starts as the
 * node selected in the tree and follows the selection until the user types.
 * Following another root replaces the current follow.
 */
export function FollowBar({ connectionId, live }: { connectionId: string; live: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const selected = useTreeStore((s) => s.trees[connectionId]?.focused ?? '/')
  const follow = useLiveStore(selectFollow(connectionId))
  const [typedRoot, setTypedRoot] = useState<string | null>(null)
  const [maxNodes, setMaxNodes] = useState(String(DEFAULT_FOLLOW_NODES))
  // While a subtree is followed, its root is what the field shows until the user types.
  const root = typedRoot ?? follow?.root ?? selected
  const limit = Number(maxNodes)
  const rootOk = isValidPath(root)
  const limitOk = Number.isInteger(limit) && limit >= 1 && limit <= MAX_WATCH_BUDGET

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (rootOk && limitOk) void startFollow(connectionId, root, limit)
  }

  let state = ''
  if (follow?.phase === 'starting') state = t('timeline.follow.starting', { root: follow.root })
  else if (follow?.phase === 'on') state = t('timeline.follow.on', { root: follow.root, count: follow.watched ?? 0 })
  else if (follow?.phase === 'failed') state = t('timeline.follow.failed', { root: follow.root, reason: describeError(t, follow.error) })

  return (
    <form className="follow-bar" aria-labelledby={`${id}-title`} onSubmit={onSubmit}>
      <span id={`${id}-title`} className="follow-title" title={t('timeline.follow.hint')}>
        {t('timeline.follow.title')}
      </span>
      <input
        className="input mono follow-root"
        aria-label={t('timeline.follow.root')}
        aria-invalid={!rootOk}
        aria-describedby={rootOk ? undefined : `${id}-problem`}
        spellCheck={false}
        value={root}
        onChange={(event) => setTypedRoot(event.target.value)}
      />
      <label className="follow-limit">
        <span>{t('timeline.follow.maxNodes')}</span>
        <input
          className="input"
          type="number"
          min={1}
          max={MAX_WATCH_BUDGET}
          aria-invalid={!limitOk}
          value={maxNodes}
          onChange={(event) => setMaxNodes(event.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-small btn-primary" disabled={!live || !rootOk || !limitOk || follow?.phase === 'starting'}>
        {t('timeline.follow.start')}
      </button>
      <button type="button" className="btn btn-small" disabled={!follow} onClick={() => void stopFollow(connectionId)}>
        {t('timeline.follow.stop')}
      </button>
      {!rootOk && (
        <span id={`${id}-problem`} className="field-error">
          {t('timeline.follow.invalidPath')}
        </span>
      )}
      {state && (
        <span className="follow-state" role="status" data-phase={follow?.phase}>
          {state}
        </span>
      )}
      {follow?.phase === 'on' && follow.truncated && <span className="badge badge-warning">{t('timeline.follow.truncated')}</span>}
    </form>
  )
}
