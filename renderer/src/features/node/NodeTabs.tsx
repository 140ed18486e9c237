import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { baseName } from '../../../../shared/zk/path'
import type { NodeTab } from '../../stores/node-tabs-store'
import { useNodeTabsStore } from '../../stores/node-tabs-store'
import { Close } from '../../ui/icons'
import { activateTab, closeTab } from './tab-actions'

/** The id of a tab and of its panel, from the connection and the path (paths may hold any character). */
export function tabIds(connectionId: string, index: number): { tab: string; panel: string } {
  return { tab: `node-tab-${connectionId}-${index}`, panel: `node-tabpanel-${connectionId}-${index}` }
}

/**
 * The open nodes as WAI-ARIA tabs: arrows, Home and End move and activate,
 * Delete closes; a middle click closes, a double click keeps a preview tab.
 * The close buttons sit outside the tab elements (a tab may not contain a
 * button) and are skipped by Tab: Delete is their keyboard equivalent.
 */
export function NodeTabs({ connectionId, tabs, active }: { connectionId: string; tabs: readonly NodeTab[]; active: string | null }) {
  const { t } = useTranslation()
  const listRef = useRef<HTMLDivElement>(null)
  const focusTab = (index: number) => requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus())

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const target =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null
    if (target !== null) {
      event.preventDefault()
      const tab = tabs[target]
      if (tab) activateTab(connectionId, tab.path)
      focusTab(target)
    } else if (event.key === 'Delete') {
      event.preventDefault()
      const tab = tabs[index]
      if (tab) closeTab(connectionId, tab.path)
      focusTab(Math.min(index, tabs.length - 2))
    }
  }

  return (
    <div ref={listRef} className="node-tabs" role="tablist" aria-label={t('inspector.tabs.label')}>
      {tabs.map((tab, index) => {
        const ids = tabIds(connectionId, index)
        const selected = tab.path === active
        return (
          <div key={tab.path} className="node-tab-wrap" role="presentation" data-selected={selected || undefined} data-preview={tab.preview || undefined}>
            <div
              id={ids.tab}
              role="tab"
              className="node-tab"
              aria-selected={selected}
              aria-controls={selected ? ids.panel : undefined}
              aria-description={tab.preview ? t('inspector.tabs.preview') : undefined}
              tabIndex={selected ? 0 : -1}
              title={tab.path}
              data-path={tab.path}
              onClick={() => activateTab(connectionId, tab.path)}
              onDoubleClick={() => useNodeTabsStore.getState().pin(connectionId, tab.path)}
              onMouseDown={(event) => event.button === 1 && event.preventDefault()}
              onAuxClick={(event) => event.button === 1 && closeTab(connectionId, tab.path)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.path === '/' ? '/' : baseName(tab.path)}
            </div>
            <button
              type="button"
              className="node-tab-close"
              tabIndex={-1}
              aria-label={t('inspector.tabs.close', { path: tab.path })}
              title={t('inspector.tabs.close', { path: tab.path })}
              onClick={() => closeTab(connectionId, tab.path)}
            >
              <Close size={12} />
            </button>
          </div>
        )
      })}
    </div>
  )
}
