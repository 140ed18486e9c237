/** The syntax each text view highlights with; loaded with the inspector, one parser per format. */
import type { Extension } from '@codemirror/state'
import { StreamLanguage } from '@codemirror/language'
import { json } from '@codemirror/lang-json'
import { yaml } from '@codemirror/lang-yaml'
import { xml } from '@codemirror/lang-xml'
import { properties } from '@codemirror/legacy-modes/mode/properties'

export type CodeLanguage = 'plain' | 'json' | 'yaml' | 'xml' | 'properties'

const propertiesLanguage = StreamLanguage.define(properties)

export function languageExtension(language: CodeLanguage): Extension {
  switch (language) {
    case 'json':
      return json()
    case 'yaml':
      return yaml()
    case 'xml':
      return xml()
    case 'properties':
      return propertiesLanguage
    default:
      return []
  }
}
