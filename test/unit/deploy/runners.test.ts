/**
 * The shell step runner with a real `sh` (the local runner, as an agent on a host uses it; the
 * SSH runner is the same code over an SSH session): several steps in one script, each reading
 * exactly its own stdin, each line told apart by step, a failure stopping the rest unless the
 * step may fail.
 */
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uploadStep } from '../../../src/core/deploy/remote.js'
import { describeStep, printingRunner } from '../../../src/deploy/runners/printing.js'
import { localRunner } from '../../../src/deploy/runners/local.js'
import { scriptedRunner } from '../../../src/deploy/runners/scripted.js'
import { ConnectionLostError, type Step } from '../../../src/deploy/step.js'

const step = (name: string, script: string, extra: Partial<Step> = {}): Step => ({
  name,
  script,
  ...extra
})

describe('local runner (sh)', () => {
  const runner = localRunner()

  test('one step: its output and exit code', async () => {
    const [r] = await runner.run([
      step('greet', 'read name; echo "hi $name"; echo oops >&2; exit 3', { stdin: 'mona\n' })
    ])
    expect(r).toEqual({ code: 3, stdout: 'hi mona\n', stderr: 'oops\n' })
  })

  test('a batch: each step its own stdin bytes (even one that reads none), its own lines, in order', async () => {
    const lines: string[] = []
    const results = await runner.run(
      [
        step('a', 'cat', { stdin: 'ünïcode\nno newline' }),
        step('ignores its stdin', 'echo ignored', { stdin: 'x'.repeat(70_000) }),
        step('b', 'cat; printf partial', { stdin: 'second\n' }),
        step('c', 'echo to-stderr >&2; echo c-out')
      ],
      { onLine: (s, line, stream) => lines.push(`${s.name}/${stream}: ${line}`) }
    )
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0])
    expect(results.map((r) => r.stdout)).toEqual([
      'ünïcode\nno newline\n',
      'ignored\n',
      'second\npartial\n',
      'c-out\n'
    ])
    expect(results[3]?.stderr).toBe('to-stderr\n')
    expect(lines.filter((l) => l.includes('stdout'))).toEqual([
      'a/stdout: ünïcode',
      'a/stdout: no newline',
      'ignores its stdin/stdout: ignored',
      'b/stdout: second',
      'b/stdout: partial',
      'c/stdout: c-out'
    ])
  })

  test('a failed step ends the batch; one that may fail does not', async () => {
    const results = await runner.run([
      step('probe', 'exit 7', { mayFail: true }),
      step('breaks', 'echo broken >&2; exit 2'),
      step('never', 'echo should not run')
    ])
    expect(results).toEqual([
      { code: 7, stdout: '', stderr: '' },
      { code: 2, stdout: '', stderr: 'broken\n' }
    ])
  })

  test("a release's files in one stream land byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-upload-'))
    const files = [
      { name: 'compose.yml', content: 'services:\n  web:\n    image: ${IMAGE}\n' },
      { name: '.env', content: 'A=$(touch /tmp/x) `id` "q" \'s\' ü\n' },
      { name: 'release.json', content: '{"version":"v2"}\n' }
    ]
    const upload = uploadStep({ dir, project: 'p' }, 'r1', files)
    const [r] = await runner.run([upload, step('after', 'echo next')])
    expect(r?.code).toBe(0)
    for (const f of files)
      expect(readFileSync(join(dir, 'releases', 'r1', f.name), 'utf8')).toBe(f.content)
  })
})

describe('scripted and printing runners', () => {
  test('answers by name (a key answers longer names), lists repeat their last, unknown steps fail loudly', async () => {
    const runner = scriptedRunner({ prune: 'pruned', status: ['one', 'two'] })
    const [a] = await runner.run([step('prune 2 old release(s)', 'rm -rf x')])
    expect(a?.stdout).toBe('pruned')
    const seen = []
    for (let i = 0; i < 3; i++) seen.push((await runner.run([step('status', 's')]))[0]?.stdout)
    expect(seen).toEqual(['one', 'two', 'two'])
    await expect(runner.run([step('pull', 'p')])).rejects.toThrow(
      'The scripted host has no answer for the step "pull"'
    )
  })

  test('a lost connection stays lost', async () => {
    const runner = scriptedRunner({ pull: { lost: true }, '*': '' })
    await expect(runner.run([step('pull', 'p')])).rejects.toBeInstanceOf(ConnectionLostError)
    await expect(runner.run([step('unlock', 'u')])).rejects.toBeInstanceOf(ConnectionLostError)
  })

  test('printing shows each step, its exact command, stdin only as a size or as secret', async () => {
    const printed: string[] = []
    const runner = printingRunner('h', { '*': '' }, (t) => printed.push(t))
    await runner.run([
      step('login', 'docker login --password-stdin r', { stdin: 'hunter2', secretStdin: true }),
      step('upload', 'cat > f', { stdin: 'ü' })
    ])
    await runner.run([step('up', 'docker compose up -d')])
    expect(printed).toEqual([
      '— round trip 1 —',
      '# login\ndocker login --password-stdin r  <<< (secret on stdin)',
      '# upload\ncat > f  <<< (2 bytes on stdin)',
      '— round trip 2 —',
      describeStep(step('up', 'docker compose up -d'))
    ])
  })
})
