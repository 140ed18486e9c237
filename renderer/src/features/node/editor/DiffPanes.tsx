import { useEffect, useRef } from 'react'
import { EditorState } from '@codemirror/state'
import { EditorView, lineNumbers } from '@codemirror/view'
import { MergeView } from '@codemirror/merge'
import { codeHighlight, codeTheme } from '../code-theme'
import { languageExtension, type CodeLanguage } from '../code-languages'

interface DiffPanesProps {
  theirs: string
  yours: string
  language: CodeLanguage
  label: string
  theirsLabel: string
  yoursLabel: string
}

/** Theirs (left) and yours (right), read-only, with changed lines and characters marked; long unchanged stretches fold away. */
export function DiffPanes({ theirs, yours, language, label, theirsLabel, yoursLabel }: DiffPanesProps) {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const parent = host.current
    if (!parent) return
    const side = (doc: string, name: string) => ({
      doc,
      extensions: [
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        lineNumbers(),
        codeTheme,
        codeHighlight,
        languageExtension(language),
        EditorView.contentAttributes.of({ 'aria-label': name, 'aria-readonly': 'true' }),
      ],
    })
    const merge = new MergeView({ parent, a: side(theirs, theirsLabel), b: side(yours, yoursLabel), collapseUnchanged: { margin: 3, minSize: 6 } })
    return () => merge.destroy()
  }, [theirs, yours, language, theirsLabel, yoursLabel])

  return (
    <div className="diff-panes" role="group" aria-label={label}>
      <div className="diff-pane-titles">
        <span>{theirsLabel}</span>
        <span>{yoursLabel}</span>
      </div>
      <div ref={host} className="diff-panes-body" />
    </div>
  )
}
