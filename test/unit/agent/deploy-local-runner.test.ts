/**
 * The local runner's step timeout, with real processes: a step past its limit is killed with its
 * whole process group (what it started in the background too), reported as timed out, and the
 * compose target rolls the release back for it.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { localRunner } from '../../../src/deploy/runners/local.js'
import { isTimeout, stepFailure } from '../../../src/deploy/step.js'

/**
 * The live members of a process group: a killed process may linger as a zombie until its new
 * parent reaps it (this machine's PID 1 is no init), which runs nothing and holds nothing.
 */
function groupMembers(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,stat=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/\sZ/.test(l))
  } catch {
    return [] // ps exits 1 when nothing matches
  }
}

/** Running (not a zombie). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

describe('local runner step timeout', () => {
  test('a hung step is killed with its process group, both sleeps gone, reported as timed out', async () => {
    const runner = localRunner({ stepTimeoutMs: 400, killGraceMs: 300 })
    const step = {
      name: 'pre-deploy',
      script: `echo "pgid=$$"; sleep 100 & echo "bg=$!"; sleep 100`
    }
    const started = Date.now()
    const [result] = await runner.run([step])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result?.code).toBeNull()
    expect(result?.timedOutAfterMs).toBe(400)
    const pgid = Number(/pgid=(\d+)/.exec(result?.stdout ?? '')?.[1])
    const bg = Number(/bg=(\d+)/.exec(result?.stdout ?? '')?.[1])
    expect(pgid).toBeGreaterThan(0)
    expect(alive(bg)).toBe(false)
    expect(groupMembers(pgid)).toEqual([])
    expect(stepFailure(step, result!).message).toBe(
      'pre-deploy timed out after 0.4s (killed with its process group)'
    )
    expect(isTimeout(stepFailure(step, result!))).toBe(true)
  })

  test('a process ignoring SIGTERM is killed after the grace', async () => {
    const runner = localRunner({ stepTimeoutMs: 300, killGraceMs: 300 })
    const [result] = await runner.run([
      { name: 'stubborn', script: `trap '' TERM; echo "pgid=$$"; sleep 100 & wait; sleep 100` }
    ])
    expect(result?.timedOutAfterMs).toBe(300)
    expect(groupMembers(Number(/pgid=(\d+)/.exec(result?.stdout ?? '')?.[1]))).toEqual([])
  })

  test('in a batch, the step that hung is the one reported; the ones before it kept their results', async () => {
    const runner = localRunner({ stepTimeoutMs: 500, killGraceMs: 200 })
    const results = await runner.run([
      { name: 'upload', script: 'echo uploaded' },
      { name: 'pull', script: 'sleep 100' },
      { name: 'up', script: 'echo never' }
    ])
    expect(results).toHaveLength(2)
    expect(results[0]).toMatchObject({ code: 0, stdout: 'uploaded\n' })
    expect(results[0]?.timedOutAfterMs).toBeUndefined()
    expect(results[1]).toMatchObject({ code: null, timedOutAfterMs: 500 })
  })

  test('a step within its limit is untouched', async () => {
    const runner = localRunner({ stepTimeoutMs: 5000 })
    const [result] = await runner.run([{ name: 'quick', script: 'echo ok; exit 3' }])
    expect(result).toEqual({ code: 3, stdout: 'ok\n', stderr: '' })
  })
})
