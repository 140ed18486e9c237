/** Command-line flags shared by `npm run web` and `npm start`. */
import { parseArgs } from 'node:util'
import { parseConnectString } from '../../shared/zk/connect-string'

export interface ConsoleFlags {
  port?: number
  host: string
  token?: string
  connect?: string
  sandbox: boolean
}

export class FlagError extends Error {}

export function parseConsoleFlags(argv: string[]): ConsoleFlags {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      connect: { type: 'string' },
      sandbox: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const flags: ConsoleFlags = { host: values.host ?? '127.0.0.1', sandbox: values.sandbox ?? false }
  if (values.port !== undefined) {
    const port = /^[0-9]{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FlagError(`--port: "${values.port}" is not a port`)
    flags.port = port
  }
  if (values.token !== undefined) {
    if (values.token.length < 8) throw new FlagError('--token: use at least 8 characters')
    flags.token = values.token
  }
  if (values.connect !== undefined) {
    const parsed = parseConnectString(values.connect)
    if (!parsed.ok) throw new FlagError(`--connect: "${values.connect}" is not a connect string (${parsed.error})`)
    flags.connect = values.connect
  }
  if (flags.connect && flags.sandbox) throw new FlagError('--connect and --sandbox: choose one')
  return flags
}

