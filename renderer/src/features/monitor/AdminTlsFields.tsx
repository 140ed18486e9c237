import { useTranslation } from 'react-i18next'

/** How an https AdminServer's certificate is checked, as the member form edits it. */
export interface AdminTlsValue {
  adminScheme: 'http' | 'https'
  adminCheck: 'system' | 'ca' | 'insecure'
  /** The CA certificate's PEM text; empty until a file was read. */
  caPem: string
  /** The file it was read from, or why that file was refused. */
  caFile: { name: string; refused: boolean } | null
}

export const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/

const CHECKS = ['system', 'ca', 'insecure'] as const

interface AdminTlsFieldsProps {
  value: AdminTlsValue
  onChange(value: AdminTlsValue): void
}

/**
 * The AdminServer's scheme and, for https, the certificate check: the
 * system's CAs, a CA certificate file (a self-signed AdminServer's own
 * certificate works too), or no check at all, with a warning that says what
 * that gives away. The file is read here, in the page, so this works in the
 * browser as well as in the desktop app.
 */
export function AdminTlsFields({ value, onChange }: AdminTlsFieldsProps) {
  const { t } = useTranslation()
  const readFile = (file: File | undefined) => {
    if (!file) return
    file.text().then(
      (text) => {
        const pem = PEM_CERTIFICATE.exec(text)?.[0]
        onChange({ ...value, caPem: pem ?? value.caPem, caFile: { name: file.name, refused: pem === undefined } })
      },
      () => onChange({ ...value, caFile: { name: file.name, refused: true } }),
    )
  }
  return (
    <>
      <label className="field">
        <span className="field-label">{t('monitor.members.adminScheme')}</span>
        <select className="select" value={value.adminScheme} onChange={(e) => onChange({ ...value, adminScheme: e.target.value === 'https' ? 'https' : 'http' })}>
          <option value="http">http</option>
          <option value="https">https</option>
        </select>
      </label>
      {value.adminScheme === 'https' && (
        <label className="field">
          <span className="field-label">{t('monitor.members.certCheck')}</span>
          <select
            className="select"
            value={value.adminCheck}
            onChange={(e) => onChange({ ...value, adminCheck: CHECKS.find((c) => c === e.target.value) ?? 'system' })}
          >
            {CHECKS.map((c) => (
              <option key={c} value={c}>
                {t(`monitor.members.checks.${c}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.adminScheme === 'https' && value.adminCheck === 'ca' && (
        <label className="field">
          <span className="field-label">{t('monitor.members.caFile')}</span>
          <input className="input" type="file" accept=".pem,.crt,.cer,text/plain" onChange={(e) => readFile(e.target.files?.[0])} />
          <span className={value.caFile?.refused ? 'field-error' : 'field-hint'} role={value.caFile?.refused ? 'alert' : undefined}>
            {value.caFile?.refused
              ? t('monitor.members.caNotPem', { name: value.caFile.name })
              : value.caFile
                ? t('monitor.members.caLoaded', { name: value.caFile.name })
                : value.caPem
                  ? t('monitor.members.caKept')
                  : t('monitor.members.caHint')}
          </span>
        </label>
      )}
      {value.adminScheme === 'https' && value.adminCheck === 'insecure' && (
        <p className="message message-warning member-form-wide" role="note">
          {t('monitor.members.insecureWarning')}
        </p>
      )}
    </>
  )
}
