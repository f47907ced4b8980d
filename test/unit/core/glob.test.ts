import { expect, test } from '@jest/globals'
import { matchesGlob } from '../../../src/core/glob.js'

test.each([
  ['develop', 'develop', true],
  ['develop', 'develop2', false],
  ['release/*', 'release/1.2', true],
  ['release/*', 'release/1.2/hotfix', false],
  ['hotfix/**', 'hotfix/a/b/c', true],
  ['feature-?', 'feature-a', true],
  ['feature-?', 'feature-ab', false],
  ['v1.(x)+', 'v1.(x)+', true],
  ['v1.(x)+', 'v12(x)', false]
])('%s matches %s: %s', (pattern, value, expected) => {
  expect(matchesGlob(pattern, value)).toBe(expected)
})
