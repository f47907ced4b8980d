/**
 * The swarm rollout decisions on real outputs: every fixture in fixtures/swarm/ is what
 * stackStatusStep / swarmInspectStep printed on the sandbox's swarm manager (Docker 20.10 engine,
 * CLI 28.2.2) during a create, a v1 → v2 update, a broken image rolled back by the swarm, a no-op
 * redeploy, `docker service rollback`, and a crashing update paused by the swarm.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  describeProblems,
  describeService,
  emptyMemory,
  evaluateRollout,
  imageChange,
  observeRollout,
  parseStackRecords,
  parseStackStatus,
  parseSwarmInspect,
  releaseRunning,
  stackRecord,
  stateLabel,
  swarmProblem,
  type RolloutKind,
  type StackStatus
} from '../../../../src/core/deploy/swarm.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'swarm')
const raw = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const status = (name: string) => parseStackStatus(raw(name))
const V1 = '127.0.0.1:5000/demo-app:v1'
const V2 = '127.0.0.1:5000/demo-app:v2'
const BROKEN = '127.0.0.1:5000/demo-app:broken'

/** Follows a sequence of polls as the io layer does; returns the last verdict. */
function follow(baseline: string, polls: string[], kind: RolloutKind = 'deploy') {
  const before = status(baseline)
  let memory = emptyMemory()
  return polls.map((poll) => {
    const now = status(poll)
    memory = observeRollout(memory, before, now)
    return evaluateRollout(before, now, kind, memory)
  })
}

describe('the host', () => {
  test('a manager, with a CLI whose stack deploy can detach', () => {
    const state = parseSwarmInspect(raw('inspect-manager.txt'))
    expect(state).toMatchObject({ role: 'manager', swarmInfo: 'active true', detach: true })
    expect(state.now).toBeGreaterThan(1_700_000_000)
    expect(swarmProblem(state)).toBeUndefined()
  })

  test.each([
    [
      'not in a swarm',
      'inspect-not-in-swarm.txt',
      'inactive',
      'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.'
    ],
    [
      'a worker',
      'swarm=active false\nnow=1',
      'worker',
      'The host is a swarm worker: `target: swarm` deploys through a manager (`docker node ls` on a manager lists them).'
    ],
    [
      'no access to the engine',
      'swarm=permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\nnow=1',
      'unknown',
      "Cannot read the host's swarm state with `docker info`: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock"
    ],
    [
      'no docker at all',
      'swarm=\nnow=1',
      'unknown',
      "Cannot read the host's swarm state with `docker info`: no output"
    ]
  ])('%s is refused', (_what, output, role, problem) => {
    const text = output.endsWith('.txt') ? raw(output) : output
    const state = parseSwarmInspect(text)
    expect(state.role).toBe(role)
    expect(swarmProblem(state)).toBe(problem)
  })

  test('current release and kept releases come from the same lines as for compose', () => {
    const state = parseSwarmInspect(
      'swarm=active true\nnow=5\ncurrent=20261122T153000Z-v2-ab12\nrelease=20261122T153000Z-v2-ab12\nrelease=20261122T150000Z-v1-cd34\n'
    )
    expect(state).toMatchObject({
      detach: false,
      current: '20261122T153000Z-v2-ab12',
      releases: ['20261122T150000Z-v1-cd34', '20261122T153000Z-v2-ab12']
    })
  })
})

describe('parseStackStatus', () => {
  test('services from inspect, replicas from service ls, tasks from stack ps', () => {
    const s = status('update-1-updating_1_1.txt')
    expect(s.services).toEqual([
      {
        name: 'cap_web',
        image: V2,
        specImage: expect.stringMatching(/^127\.0\.0\.1:5000\/demo-app:v2@sha256:[0-9a-f]{64}$/),
        hasPreviousSpec: true,
        update: {
          state: 'updating',
          startedAt: expect.stringMatching(/^2026-/),
          message: 'update in progress'
        },
        running: 1,
        desired: 1
      }
    ])
    expect(s.tasks[0]).toMatchObject({
      name: 'cap_web.1',
      service: 'cap_web',
      node: 'vm',
      desired: expect.any(String),
      current: expect.any(String)
    })
  })

  test('an empty stack, and a new service with no UpdateStatus and no previous spec', () => {
    expect(status('create-0-before.txt')).toEqual({ services: [], tasks: [] })
    const [web] = status('create-1-none_0_1.txt').services
    expect(web).toMatchObject({ image: V1, hasPreviousSpec: false, running: 0, desired: 1 })
    expect(web?.update).toBeUndefined()
  })

  test("a task's error loses the quotes `service ps` puts around it", () => {
    const failed = status('paused-3-paused_0_1.txt').tasks.find((t) => t.error)
    expect(failed).toMatchObject({
      id: '60qu7e9lzelgppgrhzg1kf2q0',
      current: expect.stringMatching(/^Failed /),
      error: 'task: non-zero exit (3)'
    })
  })

  test('unreadable lines are skipped, not fatal', () => {
    const s = parseStackStatus(
      '#services\nweb 1/1\n#inspect\n{"Spec":{"Name":"web"\n#tasks\nnot json\n'
    )
    expect(s).toEqual({ services: [], tasks: [] })
  })
})

describe('evaluateRollout', () => {
  test('a created service waits until its replica runs', () => {
    const [starting, running] = follow('create-0-before.txt', [
      'create-1-none_0_1.txt',
      'create-2-none_1_1.txt'
    ])
    expect(starting).toMatchObject({ phase: 'waiting', detail: `cap_web converging 0/1 (${V1})` })
    expect(running).toMatchObject({ phase: 'completed', detail: `cap_web created 1/1 (${V1})` })
  })

  test('v1 → v2: updating until the swarm says completed and the replica runs v2', () => {
    const verdicts = follow('update-0-before.txt', [
      'update-1-updating_1_1.txt',
      'update-2-updating_0_1.txt',
      'update-4-completed_1_1.txt'
    ])
    expect(verdicts.map((v) => v.phase)).toEqual(['waiting', 'waiting', 'completed'])
    expect(verdicts.map((v) => v.detail)).toEqual([
      `cap_web updating 1/1 (${V1} → ${V2})`,
      `cap_web updating 0/1 (${V1} → ${V2})`,
      `cap_web completed 1/1 (${V1} → ${V2})`
    ])
    const [web] = verdicts[2]!.services
    expect(web).toMatchObject({ before: V1, image: V2, failed: false, failedTasks: [] })
  })

  test('right after the deploy, before the update starts (UpdateStatus reset), the old replica does not count', () => {
    // The deploy wrote the v2 spec and cleared UpdateStatus; the only running task is still v1's.
    const before = status('update-0-before.txt')
    const spec = status('update-1-updating_1_1.txt').services[0]!
    const window: StackStatus = {
      services: [{ ...spec, update: undefined }],
      tasks: before.tasks
    }
    expect(evaluateRollout(before, window, 'deploy')).toMatchObject({
      phase: 'waiting',
      detail: `cap_web converging 1/1 (${V1} → ${V2})`
    })
  })

  test('a stale UpdateStatus from an earlier deploy is not this one: a no-op redeploy completes', () => {
    const before = status('same-0-before.txt')
    expect(before.services[0]?.update?.state).toBe('rollback_completed')
    expect(evaluateRollout(before, before, 'deploy')).toMatchObject({
      phase: 'completed',
      detail: `cap_web unchanged 1/1 (${V2})`
    })
    const after = status('same-1-none_1_1.txt')
    expect(after.services[0]?.update).toBeUndefined() // the deploy reset it
    expect(evaluateRollout(before, after, 'deploy').phase).toBe('completed')
  })

  test('broken: the swarm rolls back; the verdict names the image, the reason and the task', () => {
    const verdicts = follow('broken-0-before.txt', [
      'broken-1-updating_1_1.txt',
      'broken-3-rollback_started_0_1.txt',
      'broken-5-rollback_completed_1_1.txt'
    ])
    expect(verdicts.map((v) => v.phase)).toEqual(['waiting', 'waiting', 'rolled-back'])
    expect(verdicts[1]!.detail).toBe(`cap_web rolling back 0/1 (${V2})`)
    const web = verdicts[2]!.services[0]!
    expect(web).toMatchObject({
      state: 'rolled back',
      failed: true,
      before: V2,
      attempted: BROKEN,
      image: V2,
      message:
        'update rolled back due to failure or early termination of task ixv5o4wouk9wts2wwpest94s4; rollback completed'
    })
    expect(stateLabel(web)).toBe('rolled back by swarm')
    expect(imageChange(web)).toBe(`${V2} → ${BROKEN} ↩ ${V2}`)
    expect(web.failedTasks.map((t) => [t.id, t.current.split(' ')[0]])).toEqual([
      ['lyodxqbf9x5zmrgckin6vt3za', 'Shutdown'],
      ['ixv5o4wouk9wts2wwpest94s4', 'Complete']
    ])
    expect(describeService(web)).toMatch(
      new RegExp(
        `^cap_web rolled back by swarm 1/1 \\(${V2} → ${BROKEN} ↩ ${V2}\\): update rolled back due to failure or early termination of task ixv5o4wouk9wts2wwpest94s4; rollback completed, ` +
          `task cap_web.1 lyodxqbf9x5z \\(${BROKEN}\\) Shutdown \\d+ seconds ago, task cap_web.1 ixv5o4wouk9w \\(${BROKEN}\\) Complete \\d+ seconds ago$`
      )
    )
  })

  test('a rollback the polls never saw start is still reported from the tasks', () => {
    const [verdict] = follow('broken-0-before.txt', ['broken-5-rollback_completed_1_1.txt'])
    const web = verdict!.services[0]!
    expect([verdict!.phase, web.attempted, web.message]).toEqual([
      'rolled-back',
      BROKEN,
      'rollback completed'
    ])
    expect(web.failedTasks.map((t) => t.id)).toEqual(['ixv5o4wouk9wts2wwpest94s4'])
  })

  test('rollback_completed is not settled until the previous spec runs again', () => {
    const before = status('broken-0-before.txt')
    const done = status('broken-5-rollback_completed_1_1.txt')
    const notYet: StackStatus = {
      services: done.services.map((s) => ({ ...s, running: 0 })),
      tasks: done.tasks.filter((t) => t.desired !== 'Running')
    }
    expect(evaluateRollout(before, notYet, 'deploy')).toMatchObject({
      phase: 'waiting',
      detail: `cap_web rolling back 0/1 (${V2})`
    })
  })

  test('tasks an earlier deploy left behind are not blamed on this one', () => {
    const done = status('broken-5-rollback_completed_1_1.txt')
    const old = done.tasks.find((t) => t.id === 'ixv5o4wouk9wts2wwpest94s4')!
    const before = status('broken-0-before.txt')
    const verdict = evaluateRollout({ ...before, tasks: [...before.tasks, old] }, done, 'deploy', {
      attempted: { cap_web: BROKEN },
      reasons: {}
    })
    expect(verdict.services[0]!.failedTasks.map((t) => t.id)).toEqual(['lyodxqbf9x5zmrgckin6vt3za'])
  })

  test('rollback-to previous: rolling back is the goal, rollback_completed is success', () => {
    const verdicts = follow(
      'rollback-0-before.txt',
      ['rollback-1-rollback_started_1_1.txt', 'rollback-4-rollback_completed_1_1.txt'],
      'rollback'
    )
    expect(verdicts.map((v) => v.phase)).toEqual(['waiting', 'completed'])
    expect(verdicts[1]!.services[0]).toMatchObject({
      state: 'rolled back',
      failed: false,
      before: V1,
      image: V2,
      failedTasks: []
    })
    expect(verdicts[1]!.detail).toBe(`cap_web rolled back 1/1 (${V1} → ${V2})`)
  })

  test('paused by the swarm (failure_action: pause): failed, with the crashed task and its error', () => {
    const [verdict] = follow('paused-0-before.txt', ['paused-3-paused_0_1.txt'])
    expect(verdict!.phase).toBe('failed')
    expect(describeProblems(verdict!)).toMatch(
      new RegExp(
        `^cap_web paused 0/1 \\(${V2} → ${V1}\\): update paused due to failure or early termination of task 60qu7e9lzelgppgrhzg1kf2q0, ` +
          `task cap_web.1 60qu7e9lzelg \\(${V1}\\) Failed less than a second ago: task: non-zero exit \\(3\\)$`
      )
    )
  })

  test('a timeout describes the services still moving, with their failed tasks', () => {
    const [verdict] = follow('paused-0-before.txt', ['broken-1-updating_1_1.txt'])
    expect(verdict!.phase).toBe('waiting')
    expect(describeProblems(verdict!)).toMatch(/^cap_web updating 1\/1 /)
  })

  test('no services yet is waiting, not done', () => {
    expect(
      evaluateRollout({ services: [], tasks: [] }, { services: [], tasks: [] }, 'deploy')
    ).toEqual({ phase: 'waiting', services: [], detail: 'no services in the stack yet' })
  })
})

describe('stack records: which kept release the services run', () => {
  const web = { name: 'shop_web', image: 'r/shop:2' }
  const worker = { name: 'shop_worker', image: 'r/worker:2' }

  test('stack.json holds each service image; parsed back per release', () => {
    const json = stackRecord([web, worker])
    expect(json).toBe('{"services":{"shop_web":"r/shop:2","shop_worker":"r/worker:2"}}\n')
    const records = parseStackRecords(
      `20261122T150000Z-1-aaaa\t{"services":{"shop_web":"r/shop:1","shop_worker":"r/worker:1"}}\n` +
        `20261122T160000Z-2-bbbb\t${json.trim()}\n` +
        `20261122T170000Z-2-cccc\t${json.trim()}\n` +
        `20261122T180000Z-3-dddd\tnot json\n`
    )
    expect(records.map((r) => r.release)).toEqual([
      '20261122T150000Z-1-aaaa',
      '20261122T160000Z-2-bbbb',
      '20261122T170000Z-2-cccc'
    ])
    expect(releaseRunning(records, [web, worker])).toBe('20261122T170000Z-2-cccc')
    expect(
      releaseRunning(records, [
        { name: 'shop_web', image: 'r/shop:1' },
        { name: 'shop_worker', image: 'r/worker:1' }
      ])
    ).toBe('20261122T150000Z-1-aaaa')
    expect(releaseRunning(records, [web])).toBeUndefined() // a service fewer: another release
    expect(releaseRunning(records, [{ ...web, image: 'r/shop:9' }, worker])).toBeUndefined()
  })
})
