/**
 * The ways a znode's bytes can be shown. Each view says whether it applies to
 * some data; the data section offers the ones that do. Later views (JSON,
 * properties, gzip-decoded, an editor) register here.
 */
import type { ComponentType } from 'react'
import type { NodeData } from '../../../../shared/protocol/types'
import { TextView } from './TextView'
import { HexView } from './HexView'

export type DataViewId = 'text' | 'hex'

export interface DataViewDef {
  id: DataViewId
  /** Whether this view can show the data without changing it. */
  applies(data: NodeData): boolean
  Component: ComponentType<{ data: NodeData }>
}

export const DATA_VIEWS: readonly DataViewDef[] = [
  { id: 'text', applies: (data) => data.text !== undefined && data.encoding === 'utf8', Component: TextView },
  { id: 'hex', applies: (data) => data.size > 0, Component: HexView },
]

/** The first view that applies is the default: text when the bytes are text, hex otherwise. */
export function defaultView(data: NodeData): DataViewId | null {
  return DATA_VIEWS.find((view) => view.applies(data))?.id ?? null
}
