import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AclEntry } from '../../../../shared/protocol/types'
import { PERM, aclEntryProblem } from '../../../../shared/zk/acl-spec'
import { Close, Plus } from '../../ui/icons'
import { DigestHelper } from './DigestHelper'

const SCHEMES = ['world', 'digest', 'ip', 'auth'] as const
const PERM_BITS = [
  ['c', PERM.CREATE],
  ['d', PERM.DELETE],
  ['r', PERM.READ],
  ['w', PERM.WRITE],
  ['a', PERM.ADMIN],
] as const
const DEFAULT_ID: Record<string, string> = { world: 'anyone', digest: '', ip: '127.0.0.1', auth: '' }

/** The catalogue key of what is wrong with an entry, or undefined. */
export function aclProblemKey(entry: AclEntry) {
  if (!aclEntryProblem(entry)) return undefined
  if (entry.perms < 1) return 'edit.acl.problem.perms' as const
  if (entry.scheme === 'world') return 'edit.acl.problem.world' as const
  if (entry.scheme === 'digest') return 'edit.acl.problem.digest' as const
  if (entry.scheme === 'ip') return 'edit.acl.problem.ip' as const
  return 'edit.acl.problem.other' as const
}

export function aclValid(acl: readonly AclEntry[]): boolean {
  return acl.length > 0 && acl.every((entry) => !aclProblemKey(entry))
}

/** An ACL as editable rows: scheme, id and cdrwa toggles, with the digest helper below. */
export function AclEditor({ value, onChange }: { value: AclEntry[]; onChange(acl: AclEntry[]): void }) {
  const { t } = useTranslation()
  const id = useId()
  const update = (index: number, entry: AclEntry) => onChange(value.map((e, i) => (i === index ? entry : e)))
  return (
    <fieldset className="fieldset edit-acl">
      <legend className="field-label">{t('edit.acl.legend')}</legend>
      {value.map((entry, index) => {
        const n = index + 1
        const problem = aclProblemKey(entry)
        return (
          <div key={index} className="edit-acl-row">
            <select
              className="select"
              aria-label={t('edit.acl.scheme', { n })}
              value={entry.scheme}
              onChange={(e) => update(index, { ...entry, scheme: e.target.value, id: DEFAULT_ID[e.target.value] ?? '' })}
            >
              {SCHEMES.map((scheme) => (
                <option key={scheme} value={scheme}>
                  {scheme}
                </option>
              ))}
            </select>
            <input
              className="input mono"
              aria-label={t('edit.acl.id', { n })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-p${index}` : undefined}
              value={entry.id}
              disabled={entry.scheme === 'world' || entry.scheme === 'auth'}
              placeholder={t(`edit.acl.idPlaceholder.${entry.scheme === 'digest' || entry.scheme === 'ip' ? entry.scheme : 'other'}`)}
              onChange={(e) => update(index, { ...entry, id: e.target.value })}
            />
            <span className="edit-perms" role="group" aria-label={t('edit.acl.perms', { n })}>
              {PERM_BITS.map(([letter, bit]) => (
                <button
                  key={letter}
                  type="button"
                  className="btn btn-small edit-perm"
                  aria-pressed={(entry.perms & bit) !== 0}
                  aria-label={t(`edit.acl.perm.${letter}`)}
                  title={t(`edit.acl.perm.${letter}`)}
                  onClick={() => update(index, { ...entry, perms: entry.perms ^ bit })}
                >
                  {letter}
                </button>
              ))}
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-icon btn-small"
              aria-label={t('edit.acl.remove', { n })}
              title={t('edit.acl.remove', { n })}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <Close size={14} />
            </button>
            {problem && (
              <span id={`${id}-p${index}`} className="field-error edit-acl-problem">
                {t(problem)}
              </span>
            )}
          </div>
        )
      })}
      <div className="edit-acl-actions">
        <button type="button" className="btn btn-small" onClick={() => onChange([...value, { scheme: 'world', id: 'anyone', perms: PERM.READ }])}>
          <Plus size={14} /> {t('edit.acl.add')}
        </button>
      </div>
      <DigestHelper onDigest={(entry) => onChange([...value, entry])} />
    </fieldset>
  )
}
