import { createServer, type Server } from 'node:net'

function listenOnFreePort(host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ port: 0, host, exclusive: true }, () => resolve(server))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}

/**
 * Picks `count` distinct free TCP ports on `host` by binding port 0. All sockets stay open
 * until every port is chosen, so the kernel cannot hand out the same port twice.
 */
export async function allocateFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnFreePort(host))
    return servers.map((server) => {
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error('expected a TCP address')
      return address.port
    })
  } finally {
    await Promise.all(servers.map(close))
  }
}
