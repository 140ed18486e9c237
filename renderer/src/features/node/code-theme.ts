/**
 * CodeMirror's look for the inspector (and later the editor): colours come
 * from CSS variables (see styles/inspector.css), so one theme follows light
 * and dark without rebuilding the editor when the theme changes.
 */
import { EditorView } from '@codemirror/view'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags } from '@lezer/highlight'

export const codeTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--bg-sunken)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    fontSize: 'var(--font-size)',
    maxHeight: 'var(--code-max-height, 60vh)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-panel)', color: 'var(--text-faint)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--bg-hover)', color: 'var(--text-muted)', border: '1px solid var(--border)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--bg-selected) !important' },
  '.cm-specialChar': { color: 'var(--danger)' },
  '.cm-searchMatch': { backgroundColor: 'var(--warning-soft)', outline: '1px solid var(--warning)' },
  '.cm-panels': { backgroundColor: 'var(--bg-panel)', color: 'var(--text)' },
  '.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield': { backgroundColor: 'var(--bg-input)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--bg-elevated)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
  '.cm-error-line': { backgroundColor: 'var(--danger-soft)' },
  '.cm-error-mark': { textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', backgroundColor: 'color-mix(in srgb, var(--danger) 25%, transparent)' },
})

export const codeHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [tags.propertyName, tags.attributeName, tags.definition(tags.propertyName)], color: 'var(--syn-key)' },
    { tag: [tags.string, tags.special(tags.string), tags.attributeValue], color: 'var(--syn-string)' },
    { tag: [tags.number, tags.integer, tags.float], color: 'var(--syn-number)' },
    { tag: [tags.bool, tags.null, tags.atom, tags.keyword], color: 'var(--syn-keyword)' },
    { tag: [tags.tagName, tags.typeName], color: 'var(--syn-tag)' },
    { tag: [tags.comment, tags.lineComment, tags.blockComment, tags.meta, tags.processingInstruction], color: 'var(--syn-comment)', fontStyle: 'italic' },
    { tag: [tags.punctuation, tags.bracket, tags.separator, tags.angleBracket], color: 'var(--syn-punct)' },
    { tag: tags.invalid, color: 'var(--danger)' },
  ]),
)
