import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { EncodeProblem } from '../../../../../shared/zk/text-encode'
import { isPlainUtf8, type EditForm } from './edit-form'

/** How a save will write the text, when that is anything but plain UTF-8: the user sees the bytes will keep their form. */
export function EncodingNote({ form }: { form: EditForm }) {
  const { t } = useTranslation()
  if (isPlainUtf8(form)) return null
  const charset = t(`inspector.charsets.${form.charset}`)
  const parts = [charset]
  if (form.bom) parts.push(t('editor.encoding.bom'))
  if (form.gzip) parts.push(t('editor.encoding.gzip'))
  return (
    <span className="muted editor-encoding" role="note">
      {t('editor.encoding.note', { parts: parts.join(t('editor.encoding.separator')) })}
    </span>
  )
}

/** The message for text the node's charset cannot hold: which character, where, and that nothing was written. */
export function encodeProblemText(t: TFunction, problem: EncodeProblem): string {
  const code = `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, '0')}`
  const lone = problem.codePoint >= 0xd800 && problem.codePoint <= 0xdfff
  return t(lone ? 'editor.encoding.loneSurrogate' : 'editor.encoding.cannot', {
    char: lone ? '' : String.fromCodePoint(problem.codePoint),
    code,
    line: problem.line,
    column: problem.column,
    charset: t(`inspector.charsets.${problem.charset}`),
  })
}
