/**
 * `target: swarm` through the engine against a scripted manager: each step is answered by name
 * with what the real one printed on the sandbox (../core/deploy/fixtures/swarm/), time is an
 * instant clock, so the order of steps, their round trips, the timeout and the outcomes are
 * checked without SSH or sleeping. The same flows run for real in
 * test/integration/ssh-deploy-swarm.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { swarmInspectStep } from '../../../src/core/deploy/remote.js'
import { deployHost } from '../../../src/deploy/engine.js'
import type { Answers } from '../../../src/deploy/runners/scripted.js'
import type { DeployMode } from '../../../src/deploy/target.js'
import { swarmTarget } from '../../../src/deploy/targets/swarm.js'
import { scriptedJob } from './host.js'

const FIXTURES = join(import.meta.dirname, '..', 'core', 'deploy', 'fixtures', 'swarm')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const CURRENT = '20261122T162000Z-v1-aaaa'
const PREVIOUS = '20261122T161000Z-v2-bbbb'
const target = swarmTarget('cap')

function manager(statuses: string[], extra: Answers = {}): Answers {
  return {
    'inspect swarm': `${fixture('inspect-manager.txt')}current=${CURRENT}\nrelease=${PREVIOUS}\nrelease=${CURRENT}\n`,
    'read current release': '{"version":"v1"}\n',
    lock: 'acquired\n',
    'stack status': statuses,
    '*': '',
    ...extra
  }
}

const deployMode = (image: string, version: string): DeployMode => ({
  kind: 'deploy',
  version,
  composeFile: 'services: {}\n',
  env: `IMAGE=${image}\nSECRETISH=$(touch /tmp/x)\n`
})

describe('target swarm', () => {
  test('v1 → v2: upload with the baseline, stack deploy with env on stdin, follow until completed, record, switch', async () => {
    const mode = deployMode('127.0.0.1:5000/demo-app:v2', 'v2')
    const { job, host, log, trips } = scriptedJob(
      mode,
      manager([
        fixture('update-0-before.txt'),
        fixture('update-1-updating_1_1.txt'),
        fixture('update-2-updating_0_1.txt'),
        fixture('update-4-completed_1_1.txt')
      ])
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    expect(outcome.details).toContain(
      '| <code>cap_web</code> | 1/1 | 127.0.0.1:5000/demo-app:v1 → 127.0.0.1:5000/demo-app:v2 | completed |'
    )
    expect(trips()).toEqual([
      'inspect swarm + read current release',
      'lock + upload compose.yml, .env, release.json + stack status',
      'stack deploy',
      'stack status',
      'stack status',
      'stack status',
      'upload stack.json + switch current + prune 0 old release(s) + unlock'
    ])
    const deploy = host.ran.find((r) => r.name === 'stack deploy')
    expect(deploy?.stdin).toBe(mode.kind === 'deploy' ? mode.env : '')
    expect(deploy?.script).not.toContain('touch')
    expect(host.ran.find((r) => r.name === 'upload stack.json')?.stdin).toBe(
      '{"services":{"cap_web":"127.0.0.1:5000/demo-app:v2"}}\n'
    )
    expect(log).toContain(
      '  cap_web updating 0/1 (127.0.0.1:5000/demo-app:v1 → 127.0.0.1:5000/demo-app:v2)'
    )
    expect(log.at(-1)).toBe('▸ unlocked')
  })

  test('broken: the swarm rolls back; rolled-back outcome, current untouched', async () => {
    const { job, host } = scriptedJob(
      deployMode('127.0.0.1:5000/demo-app:broken', 'broken'),
      manager([
        fixture('broken-0-before.txt'),
        fixture('broken-1-updating_1_1.txt'),
        fixture('broken-3-rollback_started_0_1.txt'),
        fixture('broken-5-rollback_completed_1_1.txt')
      ])
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({
      status: 'rolled-back',
      before: 'v1',
      after: 'v1',
      attempted: 'broken',
      message: expect.stringMatching(
        /^broken failed and the swarm rolled it back: cap_web rolled back by swarm 1\/1 \(.*demo-app:v2 → .*demo-app:broken ↩ .*demo-app:v2\): update rolled back due to failure or early termination of task ixv5o4wouk9wts2wwpest94s4; rollback completed, task cap_web\.1 /
      )
    })
    expect(host.ran.map((r) => r.name)).not.toContain('switch current')
    expect(host.ran.at(-1)?.name).toBe('unlock')
  })

  test('a rollout still going at the deadline fails, says so, and leaves the swarm to it', async () => {
    const { job, host, clock } = scriptedJob(
      deployMode('127.0.0.1:5000/demo-app:v2', 'v2'),
      manager([fixture('update-0-before.txt'), fixture('update-1-updating_1_1.txt')]),
      { healthTimeoutMs: 5000 }
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /^the rollout did not settle within 5s \(the swarm carries on with it\): cap_web updating 1\/1 /
      )
    })
    // Quick looks first, then once a second, never past the deadline.
    expect(clock.slept).toEqual([100, 200, 400, 800, 1000, 1000, 1000, 500])
    expect(
      host.ran.filter((r) => r.name.startsWith('service rollback') || r.name === 'switch current')
    ).toEqual([])
  })

  test('a host that is not a manager is refused before the lock', async () => {
    const { job, host } = scriptedJob(
      deployMode('x', 'v2'),
      manager([], { 'inspect swarm': fixture('inspect-not-in-swarm.txt') })
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message:
        'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.'
    })
    expect(host.ran.map((r) => r.name)).toEqual(['inspect swarm', 'read current release'])
    expect(host.ran[0]?.script).toBe(swarmInspectStep(job.plan.layout).script)
  })

  test('rollback-to previous: docker service rollback, followed; current moves to the release running now', async () => {
    const { job, host, trips } = scriptedJob(
      { kind: 'rollback', to: 'previous' },
      manager(
        [
          fixture('rollback-0-before.txt'),
          fixture('rollback-1-rollback_started_1_1.txt'),
          fixture('rollback-4-rollback_completed_1_1.txt')
        ],
        {
          'read stack records':
            `${PREVIOUS}\t{"services":{"cap_web":"127.0.0.1:5000/demo-app:v2"}}\n` +
            `${CURRENT}\t{"services":{"cap_web":"127.0.0.1:5000/demo-app:v1"}}\n`,
          'read release': '{"version":"v2"}\n'
        }
      )
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    expect(trips()).toEqual([
      'inspect swarm + read current release',
      'lock + stack status',
      'service rollback cap_web',
      'stack status',
      'stack status',
      'read stack records',
      'switch current',
      'read release',
      'unlock'
    ])
    expect(host.ran.find((r) => r.name === 'service rollback cap_web')?.script).toBe(
      'docker service rollback --detach --quiet cap_web'
    )
    expect(host.ran.find((r) => r.name === 'switch current')?.script).toContain(
      `releases/${PREVIOUS}`
    )
  })

  test('rollback-to previous without a previous spec is refused before touching the swarm', async () => {
    const { job, host } = scriptedJob(
      { kind: 'rollback', to: 'previous' },
      manager([fixture('broken-5-rollback_completed_1_1.txt')])
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message:
        'Cannot roll back: the swarm has no previous spec for cap_web (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with `rollback-to: <version>`.'
    })
    expect(host.ran.map((r) => r.name)).not.toContain('service rollback cap_web')
  })
})
