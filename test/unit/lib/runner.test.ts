import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubRunner } from '../../../src/lib/runner.js'
import { runnerLines, untrustedChannel } from '../../../src/lib/untrusted.js'
import { parseFileCommands } from '../../harness/run-action.js'
import { actedOn, HOSTILE_LINES, runnerCommands } from '../../harness/runner-commands.js'

const HOSTILE = HOSTILE_LINES.join('\n')

/** What one channel prints for these calls, closed at the end. */
function fenced(calls: [string, string?][], newToken?: () => string): string {
  const out: string[] = []
  const channel = untrustedChannel((t) => out.push(t), newToken)
  for (const [text, prefix] of calls) channel.print(text, prefix)
  channel.close()
  return out.join('\n')
}

test('the runner model acts on every hostile line when it is printed raw, or behind a prefix', () => {
  // The control for every test below: without the fence these lines are commands.
  const raw = actedOn(HOSTILE).commands.map((c) => c.name)
  expect(raw).toEqual(
    expect.arrayContaining(['error', 'warning', 'set-output', 'notice', 'add-mask'])
  )
  const prefixed = HOSTILE_LINES.map((l) => `[deploy@10.0.1.5]   ${l}`).join('\n')
  const names = runnerCommands(prefixed).commands.map((c) => `${c.name}:${c.data}`)
  // The prefix stops `::` at the start of a line, but not the legacy form nor a lone CR.
  expect(names).toContain('error:FORGED legacy error mid-line')
  expect(names).toContain('set-output:FORGED output after a lone CR')
  expect(names).toContain('stop-commands:FORGED-stop-token')
})

test('untrusted text is fenced: the runner acts on none of it, and Gantry’s commands around it work', () => {
  const log = [
    '::add-mask::s3cret',
    '::group::Deploy',
    fenced([[HOSTILE, '[deploy@10.0.1.5]   '], ['one more\r##[error]FORGED\r\n']]),
    '::endgroup::',
    '::error title=ssh-deploy::deploy failed'
  ].join('\n')
  const { commands, stopped } = actedOn(log)
  expect(commands.map((c) => [c.name, c.data])).toEqual([
    ['add-mask', 's3cret'],
    ['group', 'Deploy'],
    ['endgroup', ''],
    ['error', 'deploy failed']
  ])
  expect(stopped).toBe(false)
})

test('every line of the untrusted text is printed, split as the runner splits it, after the prefix', () => {
  expect(runnerLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd'])
  expect(runnerLines('')).toEqual([''])
  const block = fenced([['a\rb\r\n\nc', '> '], ['d']], () => 'tok')
  // One region for consecutive prints: the runner echoes the fences.
  expect(block.split('\n')).toEqual([
    '::stop-commands::tok',
    '> a',
    '> b',
    '> ',
    '> c',
    'd',
    '::tok::'
  ])
})

test('a token that occurs in the text is never used', () => {
  const tokens = ['abc', 'ABC-2', 'fresh', 'next']
  const block = fenced(
    [['::abc:: and ##[abc-2]'], ['then ::FRESH:: too']],
    () => tokens.shift() as string
  )
  // The open region's token turns up in later text: that region ends, a new one starts.
  expect(block.split('\n')).toEqual([
    '::stop-commands::fresh',
    '::abc:: and ##[abc-2]',
    '::fresh::',
    '::stop-commands::next',
    'then ::FRESH:: too',
    '::next::'
  ])
  expect(actedOn(block).commands).toEqual([])
})

let dir: string
let saved: NodeJS.ProcessEnv
let printed: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-'))
  saved = { ...process.env }
  printed = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk)
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = saved
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

test('the GitHub adapter goes through @actions/core: inputs, outputs, state, masks, annotations, groups, summary', async () => {
  for (const f of ['output', 'state', 'summary']) writeFileSync(join(dir, f), '')
  Object.assign(process.env, {
    'INPUT_BASE-VERSION': ' 1.2 ',
    INPUT_MY_INPUT: 'x',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    STATE_registries: '["a"]'
  })
  const runner = githubRunner()
  expect(runner.getInput('base-version')).toBe('1.2')
  expect(runner.getInput('my input')).toBe('x')
  expect(runner.getInput('absent')).toBe('')
  runner.setOutput('tags', 'a\nb\n')
  runner.setOutput('json', '{"x":"<<EOF"}')
  runner.saveState('registries', '["b"]')
  expect(runner.getState('registries')).toBe('["a"]')
  runner.setSecret('s3cret')
  runner.setSecret('')
  await runner.group('Deploy', async () => runner.untrusted('::error::FORGED\rok', '[h] '))
  runner.warning('careful', { title: 'a:b,c' })
  runner.setFailed('it failed')
  runner.appendSummary('## Done')
  expect(process.exitCode).toBe(1)
  expect(parseFileCommands(readFileSync(join(dir, 'output'), 'utf8'))).toEqual({
    tags: 'a\nb\n',
    json: '{"x":"<<EOF"}'
  })
  expect(parseFileCommands(readFileSync(join(dir, 'state'), 'utf8'))).toEqual({
    registries: '["b"]'
  })
  expect(readFileSync(join(dir, 'summary'), 'utf8')).toBe('## Done\n')
  const { commands, stopped } = actedOn(printed)
  expect(commands.map((c) => [c.name, c.data, c.properties])).toEqual([
    ['add-mask', 's3cret', {}],
    ['group', 'Deploy', {}],
    ['endgroup', '', {}],
    ['warning', 'careful', { title: 'a:b,c' }],
    ['error', 'it failed', {}]
  ])
  expect(stopped).toBe(false)
  expect(printed).toContain('[h] ok')
})

test('without a summary file the summary is skipped, as on a runner that has none', () => {
  delete process.env.GITHUB_STEP_SUMMARY
  expect(() => githubRunner().appendSummary('x')).not.toThrow()
})
