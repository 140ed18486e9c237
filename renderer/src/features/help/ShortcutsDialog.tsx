import { useTranslation } from 'react-i18next'
import { InfoDialog } from '../../ui/InfoDialog'
import { SHORTCUTS, platformKeys } from './shortcuts'
import '../../styles/help.css'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Every keyboard shortcut, grouped by where it works. Opened with "?" or F1, or from the top bar. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  return (
    <InfoDialog title={t('help.title')} width={780} onClose={onClose}>
      <div className="shortcuts">
        {SHORTCUTS.map(({ group, shortcuts }) => (
          <section key={group} className="shortcuts-group" aria-labelledby={`shortcuts-${group}`}>
            <h2 id={`shortcuts-${group}`}>{t(`help.group.${group}`)}</h2>
            <table className="shortcuts-table">
              <tbody>
                {shortcuts.map(({ keys, action }) => (
                  <tr key={`${group}-${action}`}>
                    <th scope="row">{t(`help.action.${action}`)}</th>
                    <td>
                      {keys.map((chord, i) => (
                        <span key={chord}>
                          {i > 0 && <span className="muted"> / </span>}
                          <kbd>{platformKeys(chord, isMac).replace(/click$/, t('help.click'))}</kbd>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </InfoDialog>
  )
}
