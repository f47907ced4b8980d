import { expect, test } from '@jest/globals'
import { redact } from '../../../src/lib/redact.js'

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
