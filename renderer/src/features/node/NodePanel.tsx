import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { selectTabs, useNodeTabsStore } from '../../stores/node-tabs-store'
import { NodeTabs, tabIds } from './NodeTabs'
import { NodeTabPanel } from './NodeTabPanel'
import { useOpenInTabGestures, useTreeSync } from './use-tree-sync'
import '../../styles/inspector.css'

/**
 * The node inspector of a workspace: tabs of open nodes above the active
 * one. What the tree opens goes to the preview tab; middle click, Ctrl+Enter
 * or "Keep open" keep a node in a tab of its own.
 */
export function NodePanel({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const { connectionId } = info
  useTreeSync(connectionId)
  useOpenInTabGestures(connectionId)
  const { tabs, active } = useNodeTabsStore(selectTabs(connectionId))
  const index = tabs.findIndex((tab) => tab.path === active)
  const tab = tabs[index]

  if (!tab) {
    return (
      <section className="node-panel node-panel-empty" aria-label={t('node.panel')}>
        <p className="muted">{t('node.none')}</p>
        <p className="muted node-hint">{t('inspector.tabs.hint')}</p>
      </section>
    )
  }
  return (
    <section className="node-panel" aria-label={t('node.panel')}>
      <NodeTabs connectionId={connectionId} tabs={tabs} active={active} />
      <NodeTabPanel key={tab.path} info={info} tab={tab} ids={tabIds(connectionId, index)} />
    </section>
  )
}
