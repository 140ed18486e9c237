import type { NodeData } from '../../../../shared/protocol/types'

/** The bytes decoded as UTF-8 (only offered when they decode cleanly). */
export function TextView({ data }: { data: NodeData }) {
  return <pre className="data-text" tabIndex={0}>{data.text}</pre>
}
