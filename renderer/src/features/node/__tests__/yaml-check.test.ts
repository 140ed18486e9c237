import { describe, expect, it } from 'vitest'
import { YAML_CHECK_LIMIT, checkYaml, checkYamlFully } from '../views/yaml-check'

describe('checkYaml', () => {
  it('accepts YAML with Chinese text and counts documents', () => {
    expect(checkYaml('name: 订单服务\n---\nb: [1, 2]\n')).toEqual({ documents: 2 })
  })

  it('reports the first error with its line and column', () => {
    const check = checkYaml('a: 1\nb: [1, 2\nc: 3\n')
    expect(check.error).toMatchObject({ line: 3, column: 1 })
    expect(check.error?.message).not.toMatch(/at line/)
  })

  it('does not parse text past the limit', () => {
    expect(checkYaml(`a: ${'x'.repeat(YAML_CHECK_LIMIT)}`)).toEqual({ skipped: true, documents: 0 })
  })

  it('parses text past the limit when asked to check fully (the worker does)', () => {
    const check = checkYamlFully(`a: ${'x'.repeat(YAML_CHECK_LIMIT)}\nb: [1\nc: 2\n`)
    expect(check.skipped).toBeUndefined()
    expect(check.error).toMatchObject({ line: 3 })
  })
})
