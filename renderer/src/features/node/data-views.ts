/**
 * The ways a znode's bytes can be shown, one per DataFormat, with what
 * "copy as shown" copies for each. Views get the bytes and (for text
 * formats) their text in the chosen charset; none of them changes the bytes.
 */
import type { ComponentType } from 'react'
import type { TFunction } from 'i18next'
import { bytesToBase64 } from '../../../../shared/zk/base64'
import type { DataFormat } from '../../../../shared/zk/format-detect'
import { parseJson, prettyJson } from '../../../../shared/zk/json-text'
import { parseXml, prettyXml } from '../../../../shared/zk/xml-text'
import { parseUrlValue } from '../../../../shared/zk/url-value'
import { decodeLayout } from '../../../../shared/zk/binary-layouts'
import type { SubMode } from '../../stores/view-prefs-store'
import { hexDump } from './hex-dump'
import { layoutText } from './layout-text'
import type { ViewProps } from './views/view-props'
import { TextView } from './views/TextView'
import { JsonView } from './views/JsonView'
import { YamlView } from './views/YamlView'
import { XmlView } from './views/XmlView'
import { PropertiesView } from './views/PropertiesView'
import { UrlView } from './views/UrlView'
import { HexView } from './views/HexView'
import { Base64View } from './views/Base64View'
import { ImageView } from './views/ImageView'
import { LayoutView } from './views/LayoutView'

export interface ShownInput {
  bytes: Uint8Array
  text: string
  mode: SubMode | undefined
  /** The node's path (a binary layout can depend on it) and the translator (a decoded layout is copied in words). */
  path: string
  t: TFunction
}

export interface DataViewDef {
  Component: ComponentType<ViewProps>
  /** The text "copy as shown" puts on the clipboard. */
  shown(input: ShownInput): string
}

export const DATA_VIEWS: Readonly<Record<DataFormat, DataViewDef>> = {
  text: { Component: TextView, shown: ({ text }) => text },
  json: {
    Component: JsonView,
    shown: ({ text }) => {
      const parsed = parseJson(text)
      return parsed.ok ? prettyJson(parsed.value) : text
    },
  },
  yaml: { Component: YamlView, shown: ({ text }) => text },
  xml: {
    Component: XmlView,
    shown: ({ text, mode }) => {
      const parsed = mode === 'original' ? null : parseXml(text)
      return parsed?.ok ? prettyXml(parsed.tokens) : text
    },
  },
  properties: { Component: PropertiesView, shown: ({ text }) => text },
  url: { Component: UrlView, shown: ({ text }) => parseUrlValue(text)?.decoded ?? text },
  layout: {
    Component: LayoutView,
    shown: ({ bytes, path, t }) => {
      const layout = decodeLayout(bytes, path)
      return layout ? layoutText(layout, t) : hexDump(bytes)
    },
  },
  hex: { Component: HexView, shown: ({ bytes }) => hexDump(bytes) },
  base64: { Component: Base64View, shown: ({ bytes }) => bytesToBase64(bytes) },
  image: { Component: ImageView, shown: ({ bytes }) => bytesToBase64(bytes) },
}
