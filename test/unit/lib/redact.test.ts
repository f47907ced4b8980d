import { expect, test } from '@jest/globals'
import { lineSecrets, redact, redactor } from '../../../src/lib/redact.js'

test.each<[string, string[], string]>([
  ['token hunter2 here', ['hunter2'], 'token *** here'],
  ['hunter2 and hunter2', ['hunter2'], '*** and ***'],
  // a secret inside another is masked whole, whichever order they were registered in
  ['pw hunter2-admin', ['hunter2', 'hunter2-admin'], 'pw ***'],
  ['pw hunter2-admin', ['hunter2-admin', 'hunter2'], 'pw ***'],
  ['nothing to hide', ['hunter2'], 'nothing to hide'],
  // an empty secret would match between every character
  ['abc', [''], 'abc'],
  ['a$(id)b', ['$(id)'], 'a***b'],
  ['line1\nsecret\nline3', ['secret'], 'line1\n***\nline3']
])('redact(%j, %j) is %j', (text, secrets, expected) => {
  expect(redact(text, secrets)).toBe(expected)
  expect(redact(text, new Set(secrets))).toBe(expected)
})

test('a multi-line secret (a private key) is masked line by line too, short lines left alone', () => {
  const key = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
    'QyNTUxOQ',
    'abc=',
    '-----END OPENSSH PRIVATE KEY-----',
    ''
  ].join('\n')
  const mask = redactor(lineSecrets([key, 'pw-1234567']))
  expect(
    mask('fetch: b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW')
  ).toBe('fetch: ***')
  expect(mask('QyNTUxOQ at line 3')).toBe('*** at line 3')
  expect(mask('abc= stays')).toBe('abc= stays')
  expect(mask(`whole:\n${key}`)).toBe('whole:\n***')
  expect(mask('login pw-1234567')).toBe('login ***')
})
