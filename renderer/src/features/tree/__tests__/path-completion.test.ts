import { describe, expect, it } from 'vitest'
import { rankCompletions, splitForCompletion } from '../path-completion'

describe('go-to-path completion', () => {
  it('splits what is typed into the parent to list and the prefix to match', () => {
    expect(splitForCompletion('/')).toEqual({ parent: '/', prefix: '' })
    expect(splitForCompletion('/ui/ap')).toEqual({ parent: '/ui', prefix: 'ap' })
    expect(splitForCompletion('/ui/')).toEqual({ parent: '/ui', prefix: '' })
    expect(splitForCompletion('ui')).toBeNull()
    expect(splitForCompletion('/a//b')).toBeNull()
  })

  it('ranks names that start with the prefix before names that contain it', () => {
    expect(rankCompletions(['config', 'app', 'myapp', 'Apps'], 'ap')).toEqual(['app', 'Apps', 'myapp'])
    expect(rankCompletions(['a', 'b', 'c'], '', 2)).toEqual(['a', 'b'])
  })
})
