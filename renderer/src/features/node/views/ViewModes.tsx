import { useTranslation } from 'react-i18next'
import type { SubMode } from '../../../stores/view-prefs-store'
import { Segmented } from '../Segmented'

/** The presentation switch a data view shows above its content (tree or source, formatted or as stored…). */
export function ViewModes<T extends SubMode>({ modes, value, onChange }: { modes: readonly T[]; value: T; onChange(mode: T): void }) {
  const { t } = useTranslation()
  return (
    <Segmented
      label={t('inspector.modeLabel')}
      value={value}
      options={modes.map((mode) => ({ value: mode, label: t(`inspector.modes.${mode}`) }))}
      onChange={onChange}
    />
  )
}
