import { expect, test } from '@jest/globals'
import { cliRunner } from '../../src/cli/runner.js'
import { actedOn, HOSTILE_LINES } from '../harness/runner-commands.js'

function runner(env: Record<string, string>) {
  let err = ''
  const r = cliRunner({
    flags: {},
    defaults: {},
    env,
    write: { out: () => undefined, err: (t) => void (err += t) }
  })
  return { r, err: () => err }
}

test('on CircleCI untrusted lines are printed as they are, each behind the prefix, secrets redacted', () => {
  const { r, err } = runner({ CIRCLECI: 'true' })
  r.setSecret('s3cret')
  r.untrusted('a\rb s3cret\r\nc', '[h] ')
  r.info('done')
  expect(err()).toBe('[h] a\n[h] b ***\n[h] c\ndone\n')
})

test('inside a GitHub Actions run: step (stderr is read for commands too) they are fenced', () => {
  const { r, err } = runner({ GITHUB_ACTIONS: 'true' })
  r.setSecret('s3cret')
  r.untrusted(HOSTILE_LINES.join('\n') + '\ns3cret', '[h] ')
  r.error('deploy failed')
  expect(err()).toContain('[h] ***')
  expect(err()).not.toContain('s3cret')
  const { commands, stopped } = actedOn(err())
  expect(commands).toEqual([])
  expect(stopped).toBe(false)
  expect(err().trimEnd().endsWith('error: deploy failed')).toBe(true)
})
