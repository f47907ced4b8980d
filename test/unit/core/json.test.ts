import { expect, test } from '@jest/globals'
import { asObject, isPlainObject } from '../../../src/core/json.js'

test.each<[unknown, boolean]>([
  [{}, true],
  [{ a: 1 }, true],
  [Object.create(null), true],
  [null, false],
  [undefined, false],
  [[], false],
  [[{ a: 1 }], false],
  ['{}', false],
  [42, false]
])('isPlainObject(%j) is %s; asObject keeps only objects', (value, ok) => {
  expect(isPlainObject(value)).toBe(ok)
  expect(asObject(value)).toEqual(ok ? value : {})
})

test('a registry token body of the wrong shape reads as empty, not as its array items', () => {
  expect(asObject(['token']).token).toBeUndefined()
  expect(asObject({ token: 't' }).token).toBe('t')
})
