import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NodeData } from '../../../../shared/protocol/types'
import { formatBytes } from '../../i18n/format'
import { DATA_VIEWS, defaultView, type DataViewId } from './data-views'

/** The node's data: size and encoding, a choice of views, and the chosen view. */
export function DataSection({ data }: { data: NodeData }) {
  const { t, i18n } = useTranslation()
  const [chosen, setChosen] = useState<DataViewId | null>(null)
  const views = DATA_VIEWS.filter((view) => view.applies(data))
  const active = views.find((view) => view.id === chosen) ?? views.find((view) => view.id === defaultView(data))

  return (
    <section className="node-section node-data" aria-labelledby="node-data-title">
      <div className="section-header">
        <h3 id="node-data-title">{t('node.data')}</h3>
        <span className="badge">{formatBytes(data.size, i18n.language)}</span>
        <span className="badge">{t(`node.encoding.${data.encoding}`)}</span>
        {data.gzip && <span className="badge badge-warning">{t('node.gzip')}</span>}
        <span className="section-spacer" />
        {views.length > 1 && (
          <div className="segmented" role="radiogroup" aria-label={t('node.view')}>
            {views.map((view) => (
              <button
                key={view.id}
                type="button"
                role="radio"
                aria-checked={view.id === active?.id}
                className="segmented-item"
                onClick={() => setChosen(view.id)}
              >
                {t(`node.views.${view.id}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {data.encoding === 'binary' && <p className="data-note">{t('node.notText')}</p>}
      {active ? <active.Component data={data} /> : <p className="data-empty">{t('node.emptyData')}</p>}
    </section>
  )
}
