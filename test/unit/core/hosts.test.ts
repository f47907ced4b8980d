import { expect, test } from '@jest/globals'
import { formatHostSpec, parseHostSpec } from '../../../src/core/hosts.js'

test.each([
  ['deploy@10.0.1.5', { user: 'deploy', host: '10.0.1.5', port: 22 }],
  ['ec2-user@app.example.com:2222', { user: 'ec2-user', host: 'app.example.com', port: 2222 }],
  ['root@[::1]:22', { user: 'root', host: '::1', port: 22 }]
])('%s', (text, spec) => {
  expect(parseHostSpec(text)).toEqual(spec)
  expect(parseHostSpec(formatHostSpec(spec))).toEqual(spec)
})

test.each([
  '10.0.1.5',
  'deploy@',
  '@host',
  'deploy@host:0',
  'deploy@host:70000',
  'de ploy@host',
  'deploy@host;rm',
  'deploy@$(id)',
  'a@b@c'
])('rejects %j', (text) => expect(parseHostSpec(text)).toBeUndefined())
