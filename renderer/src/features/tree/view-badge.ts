import type { TFunction } from 'i18next'
import type { ChildView } from '../../stores/child-view'
import { formatNumber } from '../../i18n/format'

/** What a parent row says about the sort or filter on its children: short text, and a sentence. */
export function viewBadge(view: ChildView, t: TFunction, locale: string): { text: string; description: string } {
  const arrow = view.direction === 'asc' ? '↑' : '↓'
  const sortText = view.sortKey === 'name' && view.direction === 'asc' ? '' : `${t(`treeNav.sortShort.${view.sortKey}`)}${arrow}`
  const parts: string[] = []
  const sentences: string[] = []
  if (view.filter) {
    const shown = formatNumber(view.names.length, locale)
    const total = formatNumber(view.source.length, locale)
    parts.push(`${shown}/${total}`)
    sentences.push(t('treeNav.filteredBadge', { shown, total, pattern: view.filter.pattern }))
  }
  if (sortText) {
    parts.push(sortText)
    sentences.push(t('treeNav.sortedBadge', { key: t(`treeNav.sortKey.${view.sortKey}`), direction: t(`treeNav.direction.${view.direction}`) }))
  }
  return { text: parts.join(' '), description: sentences.join('; ') }
}
