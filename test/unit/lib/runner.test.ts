import { expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileCommandEntry, githubRunner, workflowCommand } from '../../../src/lib/runner.js'
import { parseAnnotations, parseFileCommands } from '../../harness/run-action.js'

test('workflow commands escape what the runner decodes', () => {
  expect(
    workflowCommand('error', 'line 1\nline 2 100%', { title: 'a:b,c', line: 3, file: undefined })
  ).toBe('::error title=a%3Ab%2Cc,line=3::line 1%0Aline 2 100%25')
  const [annotation] = parseAnnotations(workflowCommand('warning', 'x\ny%', { title: 'a:b,c' }))
  expect(annotation).toEqual({ level: 'warning', message: 'x\ny%', properties: { title: 'a:b,c' } })
})

test('outputs survive any value, multi-line and delimiter-like text included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'))
  const output = join(dir, 'out')
  writeFileSync(output, '')
  const lines: string[] = []
  const runner = githubRunner({ GITHUB_OUTPUT: output }, (l) => lines.push(l))
  runner.setOutput('tags', 'a\nb\n')
  runner.setOutput('json', '{"x":"<<EOF"}')
  runner.setOutput('empty', '')
  expect(parseFileCommands(readFileSync(output, 'utf8'))).toEqual({
    tags: 'a\nb\n',
    json: '{"x":"<<EOF"}',
    empty: ''
  })
  expect(lines).toEqual([])
})

test('a missing output file is an error, not a silent loss', () => {
  const runner = githubRunner({ GITHUB_OUTPUT: '/nonexistent/out' }, () => {})
  expect(() => runner.setOutput('a', 'b')).toThrow(
    'GITHUB_OUTPUT points to a missing file: /nonexistent/out'
  )
})

test('inputs follow the runner’s name mangling and are trimmed', () => {
  const runner = githubRunner({ 'INPUT_BASE-VERSION': ' 1.2 ', INPUT_MY_INPUT: 'x' }, () => {})
  expect(runner.getInput('base-version')).toBe('1.2')
  expect(runner.getInput('my input')).toBe('x')
  expect(runner.getInput('absent')).toBe('')
})

test('the delimiter cannot be forged', () => {
  expect(fileCommandEntry('a', 'b')).toMatch(
    /^a<<ghadelimiter_[0-9a-f-]{36}\nb\nghadelimiter_[0-9a-f-]{36}\n$/
  )
})
