import { connect } from 'node:net'

/**
 * Sends one four-letter word and reads the answer to EOF. Deliberately minimal: the launcher
 * only needs to know whether a member serves; the full 4lw client lives in backend/stats.
 */
export function sendFourLetterWord(host: string, port: number, word: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ host, port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`${word} to ${host}:${port} timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('connect', () => socket.end(word))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('close', (hadError) => {
      clearTimeout(timer)
      if (!hadError) resolve(Buffer.concat(chunks).toString('utf8'))
    })
  })
}

export type ServerMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'read-only'

/** The `Mode:` line of a `srvr` answer; undefined while the member is not serving yet. */
export function parseServerMode(srvr: string): ServerMode | undefined {
  const match = /^Mode: (\S+)/m.exec(srvr)
  const mode = match?.[1]
  if (mode === 'leader' || mode === 'follower' || mode === 'observer' || mode === 'standalone' || mode === 'read-only') {
    return mode
  }
  return undefined
}

/** Asks one member for its mode; undefined when it is down or not serving yet. */
export async function probeMode(host: string, port: number, timeoutMs = 2_000): Promise<ServerMode | undefined> {
  try {
    return parseServerMode(await sendFourLetterWord(host, port, 'srvr', timeoutMs))
  } catch {
    // Refused or reset while the member boots or after it stopped: that is the answer "not serving".
    return undefined
  }
}

/** Whether something accepts TCP connections on host:port. */
export function canConnect(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (ok: boolean): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(ok)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
