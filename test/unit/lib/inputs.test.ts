import { describe, expect, test } from '@jest/globals'
import { InputReader, isHttpUrl } from '../../../src/lib/inputs.js'

const reader = (values: Record<string, string>, secrets: string[] = []) =>
  new InputReader(
    (name) => values[name] ?? '',
    (s) => secrets.push(s)
  )

describe('InputReader', () => {
  test('booleans are the YAML 1.2 core schema, and anything else names input, value and expectation', () => {
    expect(reader({ a: 'True' }).boolean('a', false)).toBe(true)
    expect(reader({ a: 'FALSE' }).boolean('a', true)).toBe(false)
    expect(reader({}).boolean('a', true)).toBe(true)
    expect(() => reader({ 'dry-run': 'yes' }).boolean('dry-run', false)).toThrow(
      'Input \'dry-run\' is "yes": expected `true` or `false`.'
    )
  })

  test('integers', () => {
    expect(reader({ n: ' 42 ' }).integer('n')).toBe(42)
    expect(reader({}).integer('n')).toBeUndefined()
    expect(() => reader({ n: '-1' }).integer('n')).toThrow(
      'Input \'n\' is "-1": expected a whole number from 0 to'
    )
    expect(() => reader({ n: '7' }).integer('n', { min: 1, max: 5 })).toThrow(
      'expected a whole number from 1 to 5.'
    )
    expect(() => reader({ n: '1e3' }).integer('n')).toThrow('"1e3"')
  })

  test('choices', () => {
    expect(reader({ m: 'stop' }).choice('m', ['continue', 'stop'], 'continue')).toBe('stop')
    expect(() => reader({ m: 'halt' }).choice('m', ['continue', 'stop'], 'continue')).toThrow(
      'Input \'m\' is "halt": expected one of `continue`, `stop`.'
    )
  })

  test('lists split on newlines and commas, drop blanks and comments', () => {
    expect(reader({ l: 'a, b\n# note\n\n c ,d,' }).list('l')).toEqual(['a', 'b', 'c', 'd'])
  })

  test('durations', () => {
    expect(reader({ t: '90' }).duration('t', 0)).toBe(90_000)
    expect(reader({ t: '1m30s' }).duration('t', 0)).toBe(90_000)
    expect(reader({ t: '250ms' }).duration('t', 0)).toBe(250)
    expect(reader({}).duration('t', 5000)).toBe(5000)
    expect(() => reader({ 'health-timeout': '5 minutes' }).duration('health-timeout', 0)).toThrow(
      'Input \'health-timeout\' is "5 minutes": expected a duration such as `90s`, `5m` or `1h` (a bare number is seconds).'
    )
  })

  test('required', () => {
    expect(() => reader({}).required('images', 'an image name')).toThrow(
      'Input \'images\' is "": expected an image name.'
    )
  })

  test('secrets are masked, whole and line by line, and kept untrimmed', () => {
    const masked: string[] = []
    const key = '-----BEGIN KEY-----\nabcdefgh\n-----END KEY-----\n'
    expect(reader({ key }, masked).secret('key')).toBe(key)
    expect(masked).toEqual([key, '-----BEGIN KEY-----', 'abcdefgh', '-----END KEY-----'])
  })
})

describe('url', () => {
  test.each<[string, boolean]>([
    ['https://shop.example.com/health', true],
    ['http://127.0.0.1:8080/health', true],
    ['http://[::1]:8080/', true],
    ['https://example.com', true],
    ['https://example.com/a?b=c#d', true],
    ['ftp://example.com/', false],
    ['example.com/health', false],
    ['https://', false],
    ['https:///path', false],
    ['https://?x', false],
    ['https://exa mple.com/', false],
    ['https://example.com/a b', false],
    ['https://example.com:99999/', false],
    ['https://example.com/\n; rm -rf /', false],
    ['javascript:alert(1)', false]
  ])('%j is an http(s) URL: %s', (text, ok) => {
    expect(isHttpUrl(text)).toBe(ok)
    const reader = new InputReader(() => text)
    if (ok) expect(reader.url('health-url')).toBe(text)
    else
      expect(() => reader.url('health-url', 'an http(s) URL, checked from the host')).toThrow(
        `Input 'health-url' is ${JSON.stringify(text.trim())}: expected an http(s) URL, checked from the host.`
      )
  })

  test('empty is not given', () => expect(new InputReader(() => ' ').url('x')).toBeUndefined())
})
