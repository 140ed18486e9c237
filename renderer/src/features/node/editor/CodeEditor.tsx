import { useEffect, useLayoutEffect, useRef } from 'react'
import { EditorState, Prec } from '@codemirror/state'
import { EditorView, drawSelection, highlightActiveLine, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view'
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language'
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { codeHighlight, codeTheme } from '../code-theme'
import { languageExtension, type CodeLanguage } from '../code-languages'

interface CodeEditorProps {
  /** The text the editor starts with; later changes of this prop are ignored (the editor owns its text). */
  initial: string
  language: CodeLanguage
  label: string
  onChange(text: string): void
  onSave(): void
  onCancel(): void
}

/**
 * Editable CodeMirror. Created once per edit session: re-creating it on each
 * keystroke would lose the cursor and the undo history. The callbacks are
 * read through a ref so the keymap always calls the latest ones.
 */
export function CodeEditor({ initial, language, label, onChange, onSave, onCancel }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const callbacks = useRef({ onChange, onSave, onCancel })
  useLayoutEffect(() => {
    callbacks.current = { onChange, onSave, onCancel }
  })
  const start = useRef({ initial, language, label })

  useEffect(() => {
    const parent = host.current
    if (!parent) return
    const { initial: doc, language: lang, label: name } = start.current
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          // Before the default keymap, so Mod-s never reaches the browser's "save page".
          Prec.highest(
            keymap.of([
              { key: 'Mod-s', preventDefault: true, run: () => (callbacks.current.onSave(), true) },
              { key: 'Escape', run: () => (callbacks.current.onCancel(), true) },
            ]),
          ),
          lineNumbers(),
          foldGutter(),
          history(),
          highlightSpecialChars(),
          drawSelection(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          bracketMatching(),
          indentOnInput(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
          codeTheme,
          codeHighlight,
          languageExtension(lang),
          EditorView.contentAttributes.of({ 'aria-label': name, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString())
          }),
        ],
      }),
    })
    editor.focus()
    return () => editor.destroy()
  }, [])

  return <div ref={host} className="code-view code-editor" data-language={language} />
}
