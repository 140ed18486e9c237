import { useTranslation } from 'react-i18next'
import type { AclEntry } from '../../../../shared/protocol/types'
import { permLetters, permWords } from './acl-format'

/** The node's ACL: scheme, id, and permissions as `cdrwa` letters and in words. */
export function AclTable({ acl }: { acl: readonly AclEntry[] }) {
  const { t } = useTranslation()
  return (
    <section className="node-section" aria-labelledby="node-acl-title">
      <div className="section-header">
        <h3 id="node-acl-title">{t('node.acl')}</h3>
      </div>
      {acl.length === 0 ? (
        <p className="data-empty">{t('node.aclEmpty')}</p>
      ) : (
        <table className="grid-table">
          <thead>
            <tr>
              <th scope="col">{t('node.aclColumns.scheme')}</th>
              <th scope="col">{t('node.aclColumns.id')}</th>
              <th scope="col">{t('node.aclColumns.perms')}</th>
            </tr>
          </thead>
          <tbody>
            {acl.map((entry, index) => {
              const words = permWords(entry.perms)
              return (
                <tr key={`${entry.scheme}:${entry.id}:${index}`}>
                  <td className="mono">{entry.scheme}</td>
                  <td className="mono acl-id">{entry.id}</td>
                  <td>
                    <span className="mono perm-letters">{permLetters(entry.perms)}</span>{' '}
                    <span className="muted">
                      {words.length > 0 ? words.map((word) => t(`node.perms.${word}`)).join(t('node.permSeparator')) : t('node.perms.none')}
                    </span>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
