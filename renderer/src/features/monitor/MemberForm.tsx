import { useTranslation } from 'react-i18next'
import type { AdminVerify, MemberSpec, TransportPreference } from '../../../../shared/protocol/monitor-api'
import { AdminTlsFields, type AdminTlsValue } from './AdminTlsFields'

export interface MemberFormValue extends AdminTlsValue {
  host: string
  port: string
  adminHost: string
  /** Empty: the monitor's default AdminServer port. */
  adminPort: string
  transport: TransportPreference
}

const HOST = /^(\[[0-9A-Fa-f:.%]+\]|[A-Za-z0-9._:%-]+)$/
const portOf = (text: string): number | null => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : null)
const hostOf = (text: string): string => text.trim().replace(/^\[(.*)\]$/, '$1')

/** The spec to send, or null while the form is not valid. */
export function specFromForm(value: MemberFormValue): MemberSpec | null {
  const host = hostOf(value.host)
  const port = portOf(value.port)
  if (!HOST.test(host) || port === null) return null
  const adminPort = portOf(value.adminPort)
  if (value.adminPort !== '' && adminPort === null) return null
  const adminHost = hostOf(value.adminHost)
  if (adminHost !== '' && !HOST.test(adminHost)) return null
  // The default AdminServer port is assumed to speak http: https needs its port given.
  if (value.adminScheme === 'https' && adminPort === null) return null
  if (value.adminScheme === 'https' && value.adminCheck === 'ca' && value.caPem === '') return null
  const verify: AdminVerify | null = value.adminScheme !== 'https' ? null : value.adminCheck === 'ca' ? { caPem: value.caPem } : value.adminCheck === 'insecure' ? { insecure: true } : null
  // Without a port the monitor's default AdminServer port applies.
  return {
    host,
    port,
    transport: value.transport,
    ...(adminPort !== null ? { adminPort, adminScheme: value.adminScheme } : {}),
    ...(adminHost ? { adminHost } : {}),
    ...(verify ? { adminVerify: verify } : {}),
  }
}

interface MemberFormProps {
  value: MemberFormValue
  isNew: boolean
  onChange(value: MemberFormValue): void
  onSubmit(): void
  onCancel(): void
}

/** Address, client port, AdminServer host, port, scheme and certificate check, and transport of one member. */
export function MemberForm({ value, isNew, onChange, onSubmit, onCancel }: MemberFormProps) {
  const { t } = useTranslation()
  const valid = specFromForm(value) !== null
  const field = (key: 'host' | 'port' | 'adminHost' | 'adminPort', label: string, placeholder?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input mono" value={value[key]} placeholder={placeholder} onChange={(e) => onChange({ ...value, [key]: e.target.value })} spellCheck={false} />
    </label>
  )
  return (
    <form
      className="member-form"
      aria-label={isNew ? t('monitor.members.add') : t('monitor.members.correct')}
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) onSubmit()
      }}
    >
      {field('host', t('monitor.members.host'), '10.0.0.1')}
      {field('port', t('monitor.members.port'))}
      {field('adminHost', t('monitor.members.adminHost'), t('monitor.members.sameHost'))}
      {field('adminPort', t('monitor.members.adminPort'), t('monitor.members.noAdmin'))}
      <AdminTlsFields value={value} onChange={(tls) => onChange({ ...value, ...tls })} />
      {value.adminScheme === 'https' && value.adminPort === '' && <p className="field-hint member-form-wide">{t('monitor.members.httpsNeedsPort')}</p>}
      <label className="field">
        <span className="field-label">{t('monitor.settings.transport')}</span>
        <select className="select" value={value.transport} onChange={(e) => onChange({ ...value, transport: e.target.value === 'admin' ? 'admin' : e.target.value === 'four-letter' ? 'four-letter' : 'auto' })}>
          {(['auto', 'four-letter', 'admin'] as const).map((v) => (
            <option key={v} value={v}>
              {t(`monitor.settings.transports.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="member-form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!valid}>
          {isNew ? t('monitor.members.addSubmit') : t('monitor.members.save')}
        </button>
      </div>
    </form>
  )
}
