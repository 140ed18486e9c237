import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnectionsStore } from '../stores/connections-store'
import { selectIsWeb, useAppStore } from '../stores/app-store'
import { useApi } from '../backend/client-context'
import { closeConnection } from '../features/connections/connect-actions'
import { SessionDot } from '../features/workspace/SessionDot'
import { envColor } from '../ui/EnvChip'
import { Close, Gear, Keyboard, Logo, Server } from '../ui/icons'

/**
 * The title, the tabs (the start screen, then one per open connection,
 * striped with the environment colour and showing the session state) and the
 * settings button. Tabs follow the WAI-ARIA tabs pattern: arrow keys move
 * between them; the close buttons sit beside the tabs, not inside them.
 */
export function TopBar({ onOpenSettings, onOpenShortcuts }: { onOpenSettings(): void; onOpenShortcuts(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const order = useConnectionsStore((s) => s.order)
  const connections = useConnectionsStore((s) => s.connections)
  const activeId = useConnectionsStore((s) => s.activeId)
  const activate = useConnectionsStore((s) => s.activate)
  const isWeb = useAppStore(selectIsWeb)
  const listRef = useRef<HTMLDivElement>(null)

  const ids: (string | null)[] = [null, ...order]
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = ids.indexOf(activeId)
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % ids.length,
      ArrowLeft: (index - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    }
    const next = targets[event.key]
    if (next === undefined) return
    event.preventDefault()
    const id = ids[next] ?? null
    activate(id)
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id === null ? 'tab-home' : `tab-${id}`)}`)?.focus()
  }

  return (
    <header className="topbar">
      <div className="topbar-brand">
        <Logo size={18} />
        <span>{t('app.title')}</span>
      </div>
      <div className="topbar-tabs" role="tablist" aria-label={t('tabs.label')} ref={listRef} onKeyDown={onKeyDown}>
        <button
          type="button"
          role="tab"
          id="tab-home"
          aria-controls="panel-home"
          aria-selected={activeId === null}
          tabIndex={activeId === null ? 0 : -1}
          className="tab tab-home"
          onClick={() => activate(null)}
        >
          <Server size={14} />
          <span>{t('tabs.home')}</span>
        </button>
        {order.map((id) => {
          const info = connections[id]
          if (!info) return null
          const selected = activeId === id
          return (
            <div key={id} className="tab-wrap" data-selected={selected} style={envColor(info.environment)}>
              <button
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-controls={`panel-${id}`}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                className="tab"
                title={`${info.name} — ${info.connectString}`}
                aria-description={t(`session.${info.state}`)}
                onClick={() => activate(id)}
              >
                <SessionDot state={info.state} />
                <span className="tab-name">{info.name}</span>
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={t('tabs.close', { name: info.name })}
                title={t('tabs.close', { name: info.name })}
                onClick={() => closeConnection(api, id)}
              >
                <Close size={12} />
              </button>
            </div>
          )
        })}
      </div>
      <div className="topbar-end">
        {isWeb && <span className="badge">{t('app.webMode')}</span>}
        <button type="button" className="btn btn-ghost btn-icon" aria-label={t('help.title')} title={t('help.open')} onClick={onOpenShortcuts}>
          <Keyboard />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={t('app.settings')}
          title={t('app.settings')}
          onClick={onOpenSettings}
        >
          <Gear />
        </button>
      </div>
    </header>
  )
}
