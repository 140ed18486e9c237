import type { ImageType } from '../../../../../shared/zk/format-detect'
import type { SubMode } from '../../../stores/view-prefs-store'

/** What every data view gets: the bytes (decompressed when gzip), their text in the chosen charset, and its own sub-mode. */
export interface ViewProps {
  path: string
  bytes: Uint8Array
  /** The bytes decoded in the chosen charset; '' for views that show bytes (hex, base64, image). */
  text: string
  /** The remembered sub-mode (tree/source…), undefined for the view's default. */
  mode: SubMode | undefined
  setMode(mode: SubMode): void
  image?: ImageType
}
