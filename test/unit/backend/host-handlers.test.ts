import { afterEach, describe, expect, it } from 'vitest'
import type { FilePickRequest } from '../../../shared/protocol/host-api'
import { ZkError } from '../../../shared/protocol/errors'
import { startBackendServer, type BackendServer } from '../../helpers/backend-server'

const servers: BackendServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

async function clientOf(options: Parameters<typeof startBackendServer>[0]) {
  const server = await startBackendServer({ serveRenderer: false, ...options })
  servers.push(server)
  return (await server.connectClient()).api
}

describe('pickFile over the real WebSocket host', () => {
  it('asks the host for a file and passes the request through unchanged', async () => {
    const asked: FilePickRequest[] = []
    const api = await clientOf({ host: 'desktop', pickFile: async (request) => (asked.push(request), '/home/ops/orders.json') })
    await expect(api.pickFile({ mode: 'save', defaultName: 'orders.json', extensions: ['json'] })).resolves.toEqual({ path: '/home/ops/orders.json' })
    expect(asked).toEqual([{ mode: 'save', defaultName: 'orders.json', extensions: ['json'] }])
  })

  it('says null when the user cancels the dialog', async () => {
    const api = await clientOf({ host: 'desktop', pickFile: async () => null })
    await expect(api.pickFile({ mode: 'open' })).resolves.toEqual({ path: null })
  })

  it('refuses in web mode, where there is no dialog, with a sentence', async () => {
    const api = await clientOf({})
    const error = await api.pickFile({ mode: 'open' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ZkError)
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', message: expect.stringMatching(/no file dialog in web mode/) })
  })

  it('rejects a filter that is not a plain extension before the dialog opens', async () => {
    let opened = false
    const api = await clientOf({ host: 'desktop', pickFile: async () => ((opened = true), null) })
    await expect(api.pickFile({ mode: 'save', extensions: ['*.json; rm'] })).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    expect(opened).toBe(false)
  })
})
