import { expect, test } from '@jest/globals'
import { formatDuration } from '../../../src/lib/duration.js'

test.each([
  [0, '0s'],
  [499, '0s'],
  [500, '1s'],
  [42_400, '42s'],
  [59_600, '1m'],
  [185_000, '3m 5s'],
  [192_000, '3m 12s'],
  [180_000, '3m'],
  [3_599_000, '59m 59s'],
  [3_600_000, '1h'],
  [3_840_000, '1h 4m'],
  [3_845_000, '1h 4m'],
  [7_200_000, '2h'],
  [30 * 3_600_000, '30h'],
  [-5, '0s'],
  [-90_000, '0s']
])('formatDuration(%d) is %s', (ms, expected) => {
  expect(formatDuration(ms)).toBe(expected)
})
