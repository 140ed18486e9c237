import { parseAllDocuments } from 'yaml'

export interface YamlProblem {
  message: string
  line: number
  column: number
}

/**
 * Past this the parser does not run on the UI thread: the `yaml` package needs
 * seconds for a megabyte on a slow machine (6.5 s measured here). The inspector
 * checks larger text in a worker (use-yaml-check.ts); the text is shown,
 * highlighted, meanwhile (CodeMirror parses it incrementally).
 */
export const YAML_CHECK_LIMIT = 64 * 1024

export interface YamlCheck {
  /** True when the text was too large to check. */
  skipped?: boolean
  documents: number
  error?: YamlProblem
  warning?: YamlProblem
}

function problem(p: { message: string; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }): YamlProblem {
  const first = p.message.split('\n', 1)[0] ?? p.message
  return { message: first.replace(/ at line \d+, column \d+:?$/, ''), line: p.linePos?.[0].line ?? 1, column: p.linePos?.[0].col ?? 1 }
}

/** Like checkYamlFully, but skips text past YAML_CHECK_LIMIT: for callers on the UI thread. */
export function checkYaml(text: string): YamlCheck {
  if (text.length > YAML_CHECK_LIMIT) return { skipped: true, documents: 0 }
  return checkYamlFully(text)
}

/** Parses every document of a YAML stream and reports the first error and warning, with their place. */
export function checkYamlFully(text: string): YamlCheck {
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : []
  const error = list.flatMap((d) => d.errors)[0]
  const warning = list.flatMap((d) => d.warnings)[0]
  return { documents: list.length, ...(error ? { error: problem(error) } : {}), ...(warning ? { warning: problem(warning) } : {}) }
}
