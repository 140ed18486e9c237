import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AclEntry } from '../../../../shared/protocol/types'
import { PERM } from '../../../../shared/zk/acl-spec'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'

/**
 * Computes a digest ACL id, user:base64(sha1(user:password)), in the console's
 * backend (the browser's SubtleCrypto is not available on plain http pages);
 * the password goes nowhere else and is cleared once used.
 */
export function DigestHelper({ onDigest }: { onDigest(entry: AclEntry): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const badUser = user.includes(':')
  const add = () => {
    setError(null)
    api.computeDigest({ user, password }).then(
      ({ id }) => {
        setResult(id)
        setPassword('')
        onDigest({ scheme: 'digest', id, perms: PERM.ALL })
      },
      (e: unknown) => setError(describeError(t, e)),
    )
  }
  return (
    <div className="edit-digest" role="group" aria-label={t('edit.acl.digestHelper')}>
      <span className="field-label">{t('edit.acl.digestHelper')}</span>
      <input className="input" aria-label={t('edit.acl.digestUser')} placeholder={t('edit.acl.digestUser')} value={user} aria-invalid={badUser || undefined} onChange={(e) => setUser(e.target.value)} />
      <input
        className="input"
        type="password"
        autoComplete="off"
        aria-label={t('edit.acl.digestPassword')}
        placeholder={t('edit.acl.digestPassword')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="button" className="btn btn-small" disabled={user === '' || badUser} onClick={add}>
        {t('edit.acl.digestAdd')}
      </button>
      {badUser && <span className="field-error">{t('edit.acl.digestColon')}</span>}
      {result && (
        <span className="field-hint edit-digest-result">
          {t('edit.acl.digestResult')} <span className="mono">{result}</span>
        </span>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  )
}
