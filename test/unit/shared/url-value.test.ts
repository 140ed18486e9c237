import { describe, expect, it } from 'vitest'
import { isEncodedUrl, parseUrlValue } from '../../../shared/zk/url-value'

const PROVIDER =
  'dubbo%3A%2F%2F10.0.0.5%3A20880%2Forg.apache.dubbo.demo.DemoService%3Fanyhost%3Dtrue%26application%3Ddemo-provider%26methods%3DsayHello%2CsayHelloAsync%26timeout%3D3000'

describe('parseUrlValue', () => {
  it('decodes a Dubbo provider URL and splits the query on the first "="', () => {
    expect(isEncodedUrl(PROVIDER)).toBe(true)
    const url = parseUrlValue(PROVIDER)
    expect(url).toMatchObject({
      wasEncoded: true,
      protocol: 'dubbo',
      host: '10.0.0.5',
      port: '20880',
      path: '/org.apache.dubbo.demo.DemoService',
    })
    expect(url?.params).toEqual([
      ['anyhost', 'true'],
      ['application', 'demo-provider'],
      ['methods', 'sayHello,sayHelloAsync'],
      ['timeout', '3000'],
    ])
  })

  it('reads plain URLs and refuses text that is not one', () => {
    expect(parseUrlValue('override://0.0.0.0/com.foo.Bar?category=configurators&a=b=c')?.params).toEqual([
      ['category', 'configurators'],
      ['a', 'b=c'],
    ])
    expect(parseUrlValue('hello world')).toBeUndefined()
    expect(parseUrlValue('10.0.0.1')).toBeUndefined()
  })
})
