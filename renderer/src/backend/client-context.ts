/**
 * The RPC client reaches components through context, never through a module
 * singleton, so tests and future multi-window hosts can provide their own.
 */
import { createContext, useContext } from 'react'
import type { RpcClient } from '../../../shared/rpc/client'
import type { ZkApi } from '../../../shared/protocol/api'

export const ClientContext = createContext<RpcClient | null>(null)

export function useClient(): RpcClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient outside <ClientContext>')
  return client
}

export function useApi(): ZkApi {
  return useClient().api
}
