/**
 * The connect dialog's fields as plain data, their validation, and the
 * contract params they turn into. Kept apart from the component so the rules
 * are in one readable place.
 */
import type { ParamsOf, ProfileInput } from '../../../../shared/protocol/api'
import type { ConnectionProfile, Environment } from '../../../../shared/protocol/types'
import { parseConnectString, type ConnectStringResult } from '../../../../shared/zk/connect-string'

export interface CredentialRow {
  user: string
  password: string
}

export interface ConnectForm {
  id?: string
  name: string
  connectString: string
  sessionTimeoutMs: string
  credentials: CredentialRow[]
  /** Editing: forget the stored credentials even though no new ones were typed. */
  clearStored: boolean
  remember: boolean
  environment: Environment
  readOnly: boolean
}

export const MIN_TIMEOUT_MS = 1000
export const MAX_TIMEOUT_MS = 600_000
export const DEFAULT_TIMEOUT_MS = 30_000

export function emptyForm(): ConnectForm {
  return {
    name: '',
    connectString: '',
    sessionTimeoutMs: String(DEFAULT_TIMEOUT_MS),
    credentials: [],
    clearStored: false,
    remember: false,
    environment: 'none',
    readOnly: false,
  }
}

export function formFromProfile(profile: ConnectionProfile): ConnectForm {
  return {
    id: profile.id,
    name: profile.name,
    connectString: profile.connectString,
    sessionTimeoutMs: String(profile.sessionTimeoutMs),
    credentials: [],
    clearStored: false,
    remember: profile.credentialStorage === 'encrypted' || profile.credentialStorage === 'plain-file',
    environment: profile.environment,
    readOnly: profile.readOnly,
  }
}

export interface FormCheck {
  connectString: ConnectStringResult
  timeoutOk: boolean
  /** Per credential row: true when it is a usable `user:password`; blank rows are ignored. */
  credentialOk: boolean[]
  nameOk: boolean
  /** Enough to connect without saving. */
  canConnect: boolean
  /** Enough to save a profile. */
  canSave: boolean
}

function isBlank(row: CredentialRow): boolean {
  return row.user.trim() === '' && row.password === ''
}

export function checkForm(form: ConnectForm): FormCheck {
  const connectString = parseConnectString(form.connectString)
  const timeout = Number(form.sessionTimeoutMs)
  const timeoutOk = /^\d+$/.test(form.sessionTimeoutMs.trim()) && timeout >= MIN_TIMEOUT_MS && timeout <= MAX_TIMEOUT_MS
  const credentialOk = form.credentials.map((row) => isBlank(row) || (row.user.trim() !== '' && !row.user.includes(':')))
  const nameOk = form.name.trim() !== ''
  const canConnect = connectString.ok && timeoutOk && credentialOk.every(Boolean)
  return { connectString, timeoutOk, credentialOk, nameOk, canConnect, canSave: canConnect && nameOk }
}

function credentialStrings(form: ConnectForm): string[] {
  return form.credentials.filter((row) => !isBlank(row)).map((row) => `${row.user.trim()}:${row.password}`)
}

export function toProfileInput(form: ConnectForm): ProfileInput {
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    connectString: form.connectString.trim(),
    sessionTimeoutMs: Number(form.sessionTimeoutMs),
    environment: form.environment,
    readOnly: form.readOnly,
  }
}

export function toSaveParams(form: ConnectForm): ParamsOf<'saveProfile'> {
  const typed = credentialStrings(form)
  // Omitted credentials keep what is stored; an empty list replaces it with nothing.
  const credentials = typed.length > 0 ? typed : form.clearStored ? [] : undefined
  return {
    profile: toProfileInput(form),
    ...(credentials ? { credentials } : {}),
    rememberCredentials: form.remember,
  }
}

export function toAdHocParams(form: ConnectForm): ParamsOf<'connectAdHoc'> {
  const typed = credentialStrings(form)
  const name = form.name.trim()
  return {
    ...(name ? { name } : {}),
    connectString: form.connectString.trim(),
    sessionTimeoutMs: Number(form.sessionTimeoutMs),
    ...(typed.length > 0 ? { credentials: typed } : {}),
    readOnly: form.readOnly,
    environment: form.environment,
  }
}
