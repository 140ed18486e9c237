import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive, useConnectionsStore } from '../../stores/connections-store'

/** The open, live connections, to pick the other side of a copy, move or diff. */
export function ConnectionSelect({ id, value, onChange }: { id: string; value: string; onChange(connectionId: string): void }) {
  const { t } = useTranslation()
  // The infos are the store's own objects, so a shallow compare keeps renders to real changes.
  const options = useConnectionsStore(
    useShallow((s) => s.order.map((cid) => s.connections[cid]).filter((c): c is ConnectionInfo => c !== undefined && isLive(c.state))),
  )
  return (
    <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((c) => (
        <option key={c.connectionId} value={c.connectionId}>
          {c.name}
        </option>
      ))}
      {options.length === 0 && <option value="">{t('edit.noConnections')}</option>}
    </select>
  )
}
