import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Environment } from '../../../shared/protocol/types'

/** The environment tag as a coloured chip; the colour is the same everywhere the connection appears. */
export function EnvChip({ environment }: { environment: Environment }) {
  const { t } = useTranslation()
  return (
    <span className="chip" data-env={environment} style={envColor(environment)}>
      {t(`env.${environment}`)}
    </span>
  )
}

/** The CSS custom property that colours chips, tab stripes and dots for an environment. */
export function envColor(environment: Environment): CSSProperties {
  return { '--chip-color': `var(--env-${environment})` } as CSSProperties
}
