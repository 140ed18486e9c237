import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZkApi } from '../../../../shared/protocol/api'
import { baseName, pathChain } from '../../../../shared/zk/path'
import { CopyButton } from '../../ui/CopyButton'
import { PathInput } from './PathInput'
import { revealPath } from './reveal'
import { decodeName } from './znode-name'

interface LocationBarProps {
  api: ZkApi
  connectionId: string
  /** The selected node. */
  path: string
  decode: boolean
  editing: boolean
  setEditing(editing: boolean): void
  focusTree(): void
}

/**
 * Breadcrumbs of the selected node, each segment a button that reveals it,
 * with a copy button; Ctrl/Cmd+L (or a click on the bar) turns it into the
 * go-to-path field.
 */
export function LocationBar({ api, connectionId, path, decode, editing, setEditing, focusTree }: LocationBarProps) {
  const { t } = useTranslation()
  const listRef = useRef<HTMLOListElement>(null)

  // Deep paths keep their last segments in view.
  useEffect(() => {
    const list = listRef.current
    if (list) list.scrollLeft = list.scrollWidth
  }, [path, editing])

  const finish = () => {
    setEditing(false)
    focusTree()
  }

  if (editing) {
    return (
      <div className="location-bar" data-editing>
        <PathInput api={api} connectionId={connectionId} initial={path} onDone={finish} onCancel={finish} />
      </div>
    )
  }

  const chain = pathChain(path)
  return (
    <div className="location-bar">
      <nav className="breadcrumbs" aria-label={t('treeNav.breadcrumbs')} onClick={(event) => event.target === event.currentTarget && setEditing(true)}>
        <ol ref={listRef} onClick={(event) => event.target === event.currentTarget && setEditing(true)}>
          {chain.map((segmentPath, index) => {
            const name = baseName(segmentPath)
            const decoded = decode ? decodeName(name) : null
            const last = index === chain.length - 1
            return (
              <li key={segmentPath}>
                {index > 1 && (
                  <span className="breadcrumb-sep" aria-hidden="true">
                    /
                  </span>
                )}
                <button
                  type="button"
                  className="breadcrumb"
                  aria-current={last ? 'location' : undefined}
                  title={segmentPath}
                  onClick={() => void revealPath(api, connectionId, segmentPath).then((result) => result.ok && focusTree())}
                >
                  {decoded ?? name}
                </button>
              </li>
            )
          })}
        </ol>
      </nav>
      <CopyButton text={path} label={t('treeNav.copySelectedPath')} />
      <button type="button" className="btn btn-ghost btn-small" title={t('treeNav.goToPathHint')} onClick={() => setEditing(true)}>
        {t('treeNav.goTo')}
      </button>
    </div>
  )
}
