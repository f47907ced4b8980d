/**
 * The local runner's step timeout, with real processes: a step past its limit is killed with its
 * whole process group (what it started in the background too), reported as timed out, and the
 * compose target rolls the release back for it.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import {
  endStepsOnSignal,
  localRunner,
  MAX_LINE,
  OUTPUT_KEPT,
  StepGroups
} from '../../../src/deploy/runners/local.js'
import { LINE_CUT, LINE_END_KEPT } from '../../../src/io/ssh.js'
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

describe('the environment a step gets', () => {
  test('PATH, HOME, the user, the locale, TZ and the Docker engine: none of the agent’s secrets or overrides', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      REGISTRY_PASSWORD: 'agent-secret-value',
      IMAGE: 'evil/image:latest',
      COMPOSE_PROJECT_NAME: 'other',
      DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'Europe/Paris',
      HTTPS_PROXY: 'http://proxy.internal:3128'
    })
    try {
      const [result] = await localRunner().run([{ name: 'env', script: 'env' }])
      const names = (result?.stdout ?? '')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, l.indexOf('=')))
      expect(result?.stdout).not.toContain('agent-secret-value')
      expect(names).not.toContain('IMAGE')
      expect(names).not.toContain('COMPOSE_PROJECT_NAME')
      expect(result?.stdout).toContain(`PATH=${process.env.PATH}\n`)
      expect(result?.stdout).toContain(`HOME=${process.env.HOME}\n`)
      expect(result?.stdout).toContain('TZ=Europe/Paris\n')
      expect(result?.stdout).toContain('LC_ALL=C.UTF-8\n')
      // A host behind a proxy: a build's git or npm ci needs it.
      expect(result?.stdout).toContain('HTTPS_PROXY=http://proxy.internal:3128\n')
      // The engine the agent deploys to, for every step alike.
      expect(result?.stdout).toContain('DOCKER_HOST=unix:///run/user/1000/docker.sock\n')
      // sh itself adds PWD (and may add SHLVL, OLDPWD, _): nothing else.
      const allowed =
        /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TZ|DOCKER_[A-Z_]+|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|PWD|OLDPWD|SHLVL|_)$/
      expect(names.filter((n) => !allowed.test(n))).toEqual([])
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
    }
  })
})

describe('bounded output', () => {
  test('20 MB of short lines: the result keeps its tail and counts the rest', async () => {
    let lines = 0
    const [result] = await localRunner().run(
      [{ name: 'yes', script: 'yes | head -c 20000000; echo done' }],
      { onLine: () => void lines++ }
    )
    expect(result?.code).toBe(0)
    expect(lines).toBe(10_000_001)
    expect(result?.stdout.length).toBeLessThanOrEqual(OUTPUT_KEPT)
    expect(result?.stdout.endsWith('y\ny\ndone\n')).toBe(true)
    expect((result?.dropped?.stdout ?? 0) + (result?.stdout.length ?? 0)).toBe(20_000_005)
  }, 60_000)

  test('one 50 MB line: the callback gets it cut, the result stays small, memory stays bounded', async () => {
    const before = process.memoryUsage().rss
    let longest = 0
    const [result] = await localRunner().run(
      [{ name: 'one line', script: "head -c 50000000 /dev/zero | tr '\\0' y; echo; echo after" }],
      { onLine: (_step, line) => void (longest = Math.max(longest, line.length)) }
    )
    expect(result?.code).toBe(0)
    expect(longest).toBe(MAX_LINE + LINE_CUT.length + LINE_END_KEPT)
    expect(result?.stdout.length).toBeLessThanOrEqual(OUTPUT_KEPT)
    expect(result?.stdout).toContain(`y${LINE_CUT}y`)
    expect(result?.stdout.endsWith('y\nafter\n')).toBe(true)
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
  }, 60_000)
})

test('in a batch, a step printing a cut line with no newline still ends where its marker says', async () => {
  const results = await localRunner().run([
    { name: 'long', script: "head -c 200000 /dev/zero | tr '\\0' x" },
    { name: 'next', script: 'echo next; exit 4' }
  ])
  expect(results.map((r) => r.code)).toEqual([0, 4])
  const [head, end] = results[0]?.stdout.split(LINE_CUT) ?? []
  expect(head).toBe('x'.repeat(MAX_LINE))
  // The line's end, without the marker that came glued to it.
  expect(end).toMatch(/^x{900,1024}\n$/)
  expect(results[1]?.stdout).toBe('next\n')
})

describe('a step that leaves a daemon behind', () => {
  const daemons: number[] = []
  afterEach(() => {
    for (const pid of daemons.splice(0))
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone
      }
  })

  test('ends when its shell exits, though the daemon holds its stdout; the daemon lives on', async () => {
    const runner = localRunner({ stepTimeoutMs: 20_000 })
    const started = Date.now()
    const [result] = await runner.run([
      { name: 'restart', script: 'echo starting; sleep 30 & echo "bg=$!"; exit 0' }
    ])
    const bg = Number(/bg=(\d+)/.exec(result?.stdout ?? '')?.[1])
    daemons.push(bg)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(result).toMatchObject({ code: 0, stdout: `starting\nbg=${bg}\n` })
    expect(result?.timedOutAfterMs).toBeUndefined()
    expect(alive(bg)).toBe(true)
  })

  test('the time limit ends with the step: a daemon left behind is not killed when it passes', async () => {
    const runner = localRunner({ stepTimeoutMs: 150, killGraceMs: 50 })
    const [result] = await runner.run([
      { name: 'restart', script: 'sleep 30 & echo "bg=$!"; sleep 0.1; exit 0' }
    ])
    const bg = Number(/bg=(\d+)/.exec(result?.stdout ?? '')?.[1])
    daemons.push(bg)
    expect(result?.code).toBe(0)
    expect(result?.timedOutAfterMs).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(alive(bg)).toBe(true)
  })
})

describe('stopping the agent: the step groups it runs', () => {
  const startedGroups = () => {
    const pgids: number[] = []
    const onGroup = (pgid: number, event: 'started' | 'ended') => {
      if (event === 'started') pgids.push(pgid)
    }
    return { pgids, onGroup }
  }
  const firstStarted = async (pgids: number[]) => {
    for (let i = 0; i < 200 && pgids.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10))
    return pgids[0] as number
  }

  test('a step that ignores SIGTERM is killed after the grace, with all it started; no later step starts', async () => {
    const groups = new StepGroups()
    const { pgids, onGroup } = startedGroups()
    const runner = localRunner({ groups, onGroup })
    const running = runner.run([
      { name: 'stubborn', script: `trap '' TERM; sleep 100 & sleep 100 & echo started; wait` }
    ])
    const pgid = await firstStarted(pgids)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    expect(await groups.end({ graceMs: 300 })).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    const [result] = await running
    expect(result?.code).toBeNull()
    expect(groupMembers(pgid)).toEqual([])
    // The run goes on to its next step (a rollback, the unlock): it is not started, so the run
    // is left for recovery at the next start.
    void runner.run([{ name: 'after', script: 'echo never' }])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pgids).toEqual([pgid])
    expect(groups.size).toBe(0)
  })

  test('a step that ends on SIGTERM does not wait out the grace', async () => {
    const groups = new StepGroups()
    const { pgids, onGroup } = startedGroups()
    const running = localRunner({ groups, onGroup }).run([
      { name: 'pull', script: 'sleep 100 & sleep 100' }
    ])
    const pgid = await firstStarted(pgids)
    const started = Date.now()
    await groups.end({ graceMs: 5000 })
    expect(Date.now() - started).toBeLessThan(2000)
    expect((await running)[0]?.code).toBeNull()
    expect(groupMembers(pgid)).toEqual([])
  })
})

describe('a second signal while the agent stops', () => {
  test('ends the running step groups at once, then exits 130 after SIGINT', async () => {
    const groups = new StepGroups()
    const pgids: number[] = []
    const running = localRunner({
      groups,
      onGroup: (pgid, event) => void (event === 'started' && pgids.push(pgid))
    }).run([{ name: 'stubborn', script: `trap '' TERM INT; sleep 100 & echo started; wait` }])
    for (let i = 0; i < 200 && pgids.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10))
    const listening = process.listenerCount('SIGINT')
    const terms = process.listenerCount('SIGTERM')
    const exited = new Promise<number>((resolve) => endStepsOnSignal(groups, resolve))
    expect(process.listenerCount('SIGINT')).toBe(listening + 1)
    const started = Date.now()
    // Our handlers run as on a real signal (jest's own SIGINT handling is not what is tested).
    process.emit('SIGINT', 'SIGINT')
    expect(await exited).toBe(130)
    expect(Date.now() - started).toBeLessThan(2000)
    expect((await running)[0]?.code).toBeNull()
    expect(groupMembers(pgids[0] as number)).toEqual([])
    expect(process.listenerCount('SIGINT')).toBe(listening)
    expect(process.listenerCount('SIGTERM')).toBe(terms)
  })
})
