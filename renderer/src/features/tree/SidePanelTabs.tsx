import { useTranslation } from 'react-i18next'
import { useSearchStore, type SidePanel } from '../../stores/search-store'

const PANELS: SidePanel[] = ['nodes', 'search']

/** "Nodes" and "Search" at the top of the left panel, as WAI-ARIA tabs (arrows move between them). */
export function SidePanelTabs({ connectionId, value }: { connectionId: string; value: SidePanel }) {
  const { t } = useTranslation()
  const select = (panel: SidePanel) => useSearchStore.getState().setPanel(connectionId, panel)
  const tabId = (panel: SidePanel) => `side-tab-${connectionId}-${panel}`
  return (
    <div
      role="tablist"
      aria-label={t('treeNav.sidePanels')}
      className="side-tabs"
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
        const next = value === 'nodes' ? 'search' : 'nodes'
        select(next)
        document.getElementById(tabId(next))?.focus()
      }}
    >
      {PANELS.map((panel) => (
        <button
          key={panel}
          id={tabId(panel)}
          type="button"
          role="tab"
          aria-selected={value === panel}
          aria-controls={`side-${connectionId}-${panel}`}
          tabIndex={value === panel ? 0 : -1}
          className="side-tab"
          onClick={() => select(panel)}
        >
          {t(`treeNav.panel.${panel}`)}
        </button>
      ))}
    </div>
  )
}
