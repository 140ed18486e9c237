import { useEffect, useRef } from 'react'
import { Compartment, EditorState } from '@codemirror/state'
import { Decoration, EditorView, drawSelection, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view'
import { foldGutter, foldKeymap } from '@codemirror/language'
import { searchKeymap } from '@codemirror/search'
import { defaultKeymap } from '@codemirror/commands'
import { codeHighlight, codeTheme } from './code-theme'
import { languageExtension, type CodeLanguage } from './code-languages'

interface CodeViewProps {
  text: string
  language: CodeLanguage
  /** The accessible name of the text area. */
  label: string
  wrap?: boolean
  /** Where a parser stopped (1-based): the line is tinted, the character underlined and scrolled into view. */
  mark?: { line: number; column: number }
}

function markExtension(view: EditorView, mark: { line: number; column: number }) {
  const doc = view.state.doc
  const line = doc.line(Math.min(Math.max(mark.line, 1), doc.lines))
  const at = Math.min(line.from + Math.max(mark.column - 1, 0), line.to)
  const ranges = [Decoration.line({ class: 'cm-error-line' }).range(line.from)]
  if (at < line.to) ranges.push(Decoration.mark({ class: 'cm-error-mark' }).range(at, at + 1))
  return { extension: EditorView.decorations.of(Decoration.set(ranges)), at }
}

/**
 * Read-only CodeMirror: it renders only the lines on screen, so a 1 MiB
 * value opens at once. Selectable, searchable (Ctrl+F), foldable where the
 * language has structure; special characters are drawn visibly, never
 * silently dropped. New text replaces the document in place, keeping the
 * editor (and its scroll position where it still fits).
 */
export function CodeView({ text, language, label, wrap = false, mark }: CodeViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const compartments = useRef({ language: new Compartment(), wrap: new Compartment(), label: new Compartment(), mark: new Compartment() })

  useEffect(() => {
    const parent = host.current
    if (!parent) return
    const c = compartments.current
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          EditorState.readOnly.of(true),
          lineNumbers(),
          foldGutter(),
          highlightSpecialChars(),
          drawSelection(),
          keymap.of([...defaultKeymap, ...searchKeymap, ...foldKeymap]),
          codeTheme,
          codeHighlight,
          c.language.of([]),
          c.wrap.of([]),
          c.label.of([]),
          c.mark.of([]),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === text) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } })
  }, [text])

  const markLine = mark?.line
  const markColumn = mark?.column
  useEffect(() => {
    const editor = view.current
    if (!editor) return
    if (markLine === undefined || markColumn === undefined) {
      editor.dispatch({ effects: compartments.current.mark.reconfigure([]) })
      return
    }
    const { extension, at } = markExtension(editor, { line: markLine, column: markColumn })
    editor.dispatch({ effects: [compartments.current.mark.reconfigure(extension), EditorView.scrollIntoView(at, { y: 'center' })] })
  }, [text, markLine, markColumn])

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.language.reconfigure(languageExtension(language)) })
  }, [language])

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.wrap.reconfigure(wrap ? EditorView.lineWrapping : []) })
  }, [wrap])

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.label.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' })),
    })
  }, [label])

  return <div ref={host} className="code-view" data-language={language} />
}
