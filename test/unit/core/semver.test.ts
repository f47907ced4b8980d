import { describe, expect, test } from '@jest/globals'
import {
  compareSemVer,
  newestRelease,
  parseBaseVersion,
  parseSemVer
} from '../../../src/core/semver.js'

describe('parseSemVer', () => {
  test.each([
    ['1.2.3', [1, 2, 3, [], []]],
    ['v1.2.3', [1, 2, 3, [], []]],
    ['1.2.3-rc.1', [1, 2, 3, ['rc', '1'], []]],
    ['v2.0.0-alpha+build.5', [2, 0, 0, ['alpha'], ['build', '5']]]
  ])('%s', (text, [major, minor, patch, prerelease, build]) => {
    expect(parseSemVer(text)).toEqual({ major, minor, patch, prerelease, build })
  })
  test.each(['1.2', '01.2.3', '1.2.3-', '1.2.3-01', 'x1.2.3', '1.2.3.4', ''])(
    'rejects %j',
    (text) => {
      expect(parseSemVer(text)).toBeUndefined()
    }
  )
})

describe('parseBaseVersion', () => {
  test.each([
    ['1.4', { major: 1, minor: 4 }],
    ['v0.1', { major: 0, minor: 1 }],
    ['v1.4.9', { major: 1, minor: 4 }]
  ])('%s', (text, expected) => expect(parseBaseVersion(text)).toEqual(expected))
  // 9999999999999999999999 is 1e+22 as a JS number: unsafe integers are refused, not rounded.
  test.each([
    '1',
    'one.two',
    '1.4.0-rc.1',
    '1.4.x',
    '9999999999999999999999.1',
    '1.9007199254740992',
    'v9999999999999999999999.1.0'
  ])('rejects %j', (text) => expect(parseBaseVersion(text)).toBeUndefined())
})

test('precedence follows semver.org §11', () => {
  const ordered = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '2.0.0'
  ]
  const parsed = ordered.map((t) => parseSemVer(t)!)
  const shuffled = [...parsed].reverse().sort(compareSemVer)
  expect(shuffled).toEqual(parsed)
})

test('newestRelease picks the highest stable tag, not the last listed', () => {
  expect(newestRelease(['v1.10.0', 'v1.9.3', 'v2.0.0-rc.1', 'nightly', 'v1.2.0'])).toMatchObject({
    major: 1,
    minor: 10,
    patch: 0
  })
  expect(newestRelease(['nightly', 'v2.0.0-rc.1'])).toBeUndefined()
})
