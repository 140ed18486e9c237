import { useState } from 'react'
import { useConnectionsStore } from '../stores/connections-store'
import { useAppStore } from '../stores/app-store'
import { StartScreen } from '../features/connections/StartScreen'
import { Workspace } from '../features/workspace/Workspace'
import { SettingsDialog } from '../features/settings/SettingsDialog'
import { ShortcutsDialog } from '../features/help/ShortcutsDialog'
import { useShortcutsKey } from '../features/help/use-shortcuts-key'
import { TopBar } from './TopBar'
import { BackendBanner } from './BackendBanner'
import { Notices } from './Notices'

/**
 * The shell: top bar with the workspace tabs, the start screen or the
 * workspace in front, notices. Every open workspace stays mounted (hidden when
 * not in front) so its scroll position and panel state survive tab switches.
 */
export function App() {
  const order = useConnectionsStore((s) => s.order)
  const activeId = useConnectionsStore((s) => s.activeId)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useShortcutsKey(() => setShortcutsOpen(true))
  // Without a backend every control would fail; the banner says why, the rest stays visible but inert.
  const lost = useAppStore((s) => s.backendLost || s.missingToken)

  return (
    <div className="app">
      <BackendBanner />
      <TopBar onOpenSettings={() => setSettingsOpen(true)} onOpenShortcuts={() => setShortcutsOpen(true)} />
      <div className="app-main" inert={lost}>
        <div
          className="app-page"
          role="tabpanel"
          id="panel-home"
          aria-labelledby="tab-home"
          hidden={activeId !== null}
        >
          <StartScreen />
        </div>
        {order.map((connectionId) => (
          <div
            key={connectionId}
            className="app-page"
            role="tabpanel"
            id={`panel-${connectionId}`}
            aria-labelledby={`tab-${connectionId}`}
            hidden={activeId !== connectionId}
          >
            <Workspace connectionId={connectionId} />
          </div>
        ))}
      </div>
      <Notices />
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
    </div>
  )
}
