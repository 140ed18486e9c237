import { useTranslation } from 'react-i18next'

export type WorkspaceView = 'browse' | 'events' | 'monitor'

const VIEWS: WorkspaceView[] = ['browse', 'events', 'monitor']

/** Switches what a connection's workspace shows; arrow keys move between views as in the ARIA tabs pattern. */
export function WorkspaceViewTabs(props: { value: WorkspaceView; onChange: (view: WorkspaceView) => void; connectionId: string }) {
  const { t } = useTranslation()
  const move = (delta: number) => {
    const next = VIEWS[(VIEWS.indexOf(props.value) + delta + VIEWS.length) % VIEWS.length] ?? 'browse'
    props.onChange(next)
    document.getElementById(`tab-${props.connectionId}-${next}`)?.focus()
  }
  return (
    <div
      className="workspace-views"
      role="tablist"
      aria-label={t('workspace.views')}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') move(1)
        else if (e.key === 'ArrowLeft') move(-1)
      }}
    >
      {VIEWS.map((view) => (
        <button
          key={view}
          id={`tab-${props.connectionId}-${view}`}
          type="button"
          role="tab"
          aria-selected={props.value === view}
          aria-controls={`view-${props.connectionId}-${view}`}
          tabIndex={props.value === view ? 0 : -1}
          className={props.value === view ? 'workspace-view-tab active' : 'workspace-view-tab'}
          onClick={() => props.onChange(view)}
        >
          {t(`workspace.view.${view}`)}
        </button>
      ))}
    </div>
  )
}
