/**
 * Entry point. Picks the transport once (the desktop preload's bridge when
 * present, otherwise a WebSocket to the web host), creates the RPC client,
 * starts the event bridge and provides the client to the UI through context.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '../../shared/rpc/client'
import type { Transport } from '../../shared/rpc/transport'
import { createIpcTransport } from './backend/ipc-transport'
import { createClosedTransport, createWsTransport } from './backend/ws-transport'
import { rpcUrl, takeWebToken } from './backend/web-token'
import { ClientContext } from './backend/client-context'
import { startEventBridge } from './backend/event-bridge'
import { bootstrap } from './backend/bootstrap'
import { useAppStore } from './stores/app-store'
import { App } from './shell/App'
import { AppProviders } from './shell/AppProviders'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/workspace.css'

function pickTransport(): Transport {
  if (window.zkBridge) return createIpcTransport(window.zkBridge)
  const token = takeWebToken()
  if (!token) {
    useAppStore.getState().setMissingToken(true)
    return createClosedTransport()
  }
  return createWsTransport(rpcUrl(token))
}

const client = createClient(pickTransport())
startEventBridge(client)
void bootstrap(client)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')

createRoot(container).render(
  <StrictMode>
    <ClientContext value={client}>
      <AppProviders>
        <App />
      </AppProviders>
    </ClientContext>
  </StrictMode>,
)
