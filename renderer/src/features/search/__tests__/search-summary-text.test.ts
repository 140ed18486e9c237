import { describe, expect, it } from 'vitest'
import type { SearchSummary } from '../../../../../shared/protocol/tree-api'
import { createI18n } from '../../../i18n/i18n'
import type { SearchRun } from '../../../stores/search-store'
import { searchSummaryText } from '../search-summary-text'

const en = createI18n('en').t
const zh = createI18n('zh-CN').t

function run(status: SearchRun['status'], summary?: Partial<SearchSummary>): SearchRun {
  return {
    root: '/', maxDepth: 2, maxNodes: 100, maxResults: 10, searchId: 's', status, visited: 40, matched: 3, rate: 0,
    results: [], resultsRev: 0,
    ...(summary ? { summary: { searchId: 's', visited: 40, matched: 3, unreadable: 0, elapsedMs: 1234, ...summary } } : {}),
  }
}

describe('searchSummaryText', () => {
  it('says where the depth limit stopped a finished search, and how much it left out', () => {
    const text = searchSummaryText(en, run('done', { belowMaxDepth: 7 }), 'en')
    expect(text.text).toBe('Stopped at depth 2: 40 visited, 3 matched in 1.2 s.')
    expect(text.notes).toEqual(['At least 7 nodes below that depth were not searched: raise the depth limit to include them.'])
    expect(text.depthLimited).toBe(true)
    expect(searchSummaryText(zh, run('done', { belowMaxDepth: 7 }), 'zh-CN').text).toBe('在深度 2 处停止：1.2 秒内访问 40 个，匹配 3 个。')
  })

  it('leaves depth out when another limit or a cancel ended the walk first', () => {
    const capped = searchSummaryText(en, run('done', { belowMaxDepth: 7, stoppedBy: 'max-nodes' }), 'en')
    expect(capped.text).toMatch(/^Stopped at the node limit \(100\)/)
    expect(capped.depthLimited).toBe(false)
    expect(capped.notes).toEqual([])
    expect(searchSummaryText(en, run('done', {}), 'en').text).toBe('Done: 40 nodes visited, 3 matched in 1.2 s.')
  })

  it('keeps the counts and the time of a cancelled search', () => {
    const cancelled = searchSummaryText(en, run('cancelled', { stoppedBy: 'cancelled', elapsedMs: 640, unreadable: 2 }), 'en')
    expect(cancelled.text).toBe('Cancelled after 640 ms: 40 nodes visited, 3 matched.')
    expect(cancelled.notes).toEqual(['2 nodes could not be read.'])
    expect(searchSummaryText(zh, run('cancelled', { stoppedBy: 'cancelled', elapsedMs: 640 }), 'zh-CN').text).toBe(
      '已取消：640 毫秒内访问 40 个节点，匹配 3 个。',
    )
  })
})
