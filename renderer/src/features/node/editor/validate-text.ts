/** Checks edited text in the format it is edited as; a problem warns, it never blocks a save. */
import type { DataFormat } from '../../../../../shared/zk/format-detect'
import { lineColumn, parseJson } from '../../../../../shared/zk/json-text'
import { parseXml } from '../../../../../shared/zk/xml-text'
import { parseJavaProperties } from '../../../../../shared/zk/java-properties'
import { checkYaml } from '../views/yaml-check'
import type { CodeLanguage } from '../code-languages'

export interface TextProblem {
  message: string
  /** 1-based. */
  line: number
  column: number
}

/** The highlighting an edited format gets; formats without a grammar edit as plain text. */
export function editLanguage(format: DataFormat): CodeLanguage {
  return format === 'json' || format === 'yaml' || format === 'xml' || format === 'properties' ? format : 'plain'
}

export function validateText(language: CodeLanguage, text: string): TextProblem | undefined {
  // An empty value is a common "unset" marker, not a broken document.
  if (text.trim() === '') return undefined
  switch (language) {
    case 'json': {
      const parsed = parseJson(text)
      if (parsed.ok) return undefined
      const { error } = parsed
      const place = error.line !== undefined ? { line: error.line, column: error.column ?? 1 } : lineColumn(text, error.position ?? 0)
      return { message: error.message, ...place }
    }
    case 'xml': {
      const parsed = parseXml(text)
      return parsed.ok ? undefined : { message: parsed.error.message, line: parsed.error.line, column: parsed.error.column }
    }
    case 'yaml':
      return checkYaml(text).error
    case 'properties': {
      const issue = parseJavaProperties(text).issues[0]
      return issue ? { message: issue.message, line: issue.line, column: 1 } : undefined
    }
    default:
      return undefined
  }
}
