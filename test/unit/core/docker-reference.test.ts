import { describe, expect, test } from '@jest/globals'
import { isValidTag, parseImageName, sanitizeTag } from '../../../src/core/docker-reference.js'

describe('sanitizeTag', () => {
  test.each([
    ['develop', 'develop'],
    ['feature/login-page', 'feature-login-page'],
    ['Feature/ÜBER cool!!', 'Feature-BER-cool'],
    ['-leading.dots', 'leading.dots'],
    ['.hidden', 'hidden'],
    ['a'.repeat(200), 'a'.repeat(128)],
    ['$(rm -rf /)', 'rm--rf'],
    ['日本語', undefined],
    ['///', undefined]
  ])('%j -> %j', (branch, tag) => {
    const result = sanitizeTag(branch)
    expect(result).toBe(tag)
    if (result !== undefined) expect(isValidTag(result)).toBe(true)
  })
})

describe('parseImageName', () => {
  test.each([
    ['app', 'app'],
    ['ghcr.io/Acme/Shop', 'ghcr.io/acme/shop'],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app'
    ],
    ['127.0.0.1:5000/demo-app', '127.0.0.1:5000/demo-app'],
    ['localhost/app', 'localhost/app']
  ])('%s', (text, name) => expect(parseImageName(text)).toEqual({ name }))

  test.each([
    ['ghcr.io/acme/app:latest', /without a tag/],
    ['app@sha256:abc', /without a digest/],
    ['ghcr.io/acme/app name', /image name such as/],
    ['ghcr.io//app', /image name such as/],
    ['-app', /image name such as/]
  ])('rejects %j', (text, message) => {
    const result = parseImageName(text)
    expect('error' in result && result.error).toMatch(message)
  })
})
