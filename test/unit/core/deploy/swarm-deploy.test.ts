/**
 * deployHost with `target: swarm` (src/io/deploy.ts) against a scripted manager: each remote
 * step is answered with what the real one printed on the sandbox (fixtures/swarm/), and time is a
 * fake clock, so the order of steps, the timeout and the outcomes are checked without SSH or
 * sleeping. The same flows run for real in test/integration/ssh-deploy-swarm.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  readStackRecordsStep,
  stackStatusStep,
  swarmInspectStep,
  unlockStep
} from '../../../../src/core/deploy/remote.js'
import { deployHost, type DeployMode, type HostDeployRequest } from '../../../../src/io/deploy.js'
import type { RemoteShell } from '../../../../src/io/ssh.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'swarm')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const layout = { dir: '~/gantry/cap', project: 'cap' }
const CURRENT = '20261122T162000Z-v1-aaaa'
const PREVIOUS = '20261122T161000Z-v2-bbbb'

interface Script {
  inspect?: string
  /** Outputs of the stack status step, in order; the last one repeats. */
  statuses: string[]
  records?: string
}

/** A manager that answers each step as the sandbox did, and records what ran. */
function manager(script: Script) {
  const ran: { name: string; script: string; stdin?: string }[] = []
  const statuses = [...script.statuses]
  const answer = (cmd: string): string => {
    if (cmd === swarmInspectStep(layout).script)
      return (
        script.inspect ??
        `${fixture('inspect-manager.txt')}current=${CURRENT}\nrelease=${PREVIOUS}\nrelease=${CURRENT}\n`
      )
    if (cmd.includes('if mkdir')) return 'acquired\n'
    if (cmd === stackStatusStep('cap').script)
      return (statuses.length > 1 ? statuses.shift() : statuses[0]) ?? ''
    if (cmd === readStackRecordsStep(layout).script) return script.records ?? ''
    if (cmd.includes('release.json'))
      return `{"version":"${cmd.includes(PREVIOUS) ? 'v2' : 'v1'}"}\n`
    return ''
  }
  const shell: RemoteShell = {
    exec: async (cmd, options = {}) => {
      ran.push({ name: stepName(cmd), script: cmd, stdin: options.stdin })
      return { code: 0, stdout: answer(cmd), stderr: '' }
    },
    close: async () => undefined
  }
  return { shell, ran }
}

function stepName(cmd: string): string {
  if (cmd.startsWith('echo "swarm=')) return 'inspect swarm'
  if (cmd.includes('if mkdir')) return 'lock'
  if (cmd === unlockStep(layout, 'tok0').script) return 'unlock'
  if (cmd.startsWith('set -e')) return 'status'
  if (cmd.includes('docker stack deploy')) return 'stack deploy'
  if (cmd.includes('docker service rollback')) return 'service rollback'
  if (cmd.startsWith('ln -sfn')) return 'switch'
  if (cmd.includes('docker image prune')) return 'prune'
  if (cmd.includes('stack.json'))
    return cmd.startsWith('for d') ? 'read records' : 'upload stack.json'
  if (cmd.includes('cat >')) return `upload ${/\/([^/]+)$/.exec(cmd)?.[1] ?? '?'}`
  return cmd.split(' ')[0] ?? cmd
}

function request(mode: DeployMode, shell: RemoteShell, timeoutMs = 30_000) {
  let now = 1_795_000_000_000
  const slept: number[] = []
  const log: string[] = []
  const req: HostDeployRequest = {
    name: 'gantrys1@127.0.0.200',
    target: { host: '127.0.0.200', port: 22, user: 'gantrys1', privateKey: 'k', trust: 'insecure' },
    layout,
    swarm: { stack: 'cap' },
    mode,
    healthTimeoutMs: timeoutMs,
    rollback: true,
    keepReleases: 5,
    lockTimeoutMs: 1000,
    lockStaleSeconds: 60,
    owner: {},
    token: 'tok0',
    pollMs: 1000,
    clock: {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms)
        now += ms
      }
    },
    log: (line) => log.push(line),
    connect: async () => shell
  }
  return { req, slept, log }
}

const deployMode = (image: string, version: string): DeployMode => ({
  kind: 'deploy',
  version,
  composeFile: 'services: {}\n',
  env: `IMAGE=${image}\nSECRETISH=$(touch /tmp/x)\n`
})

describe('deployHost, target swarm', () => {
  test('v1 → v2: upload, stack deploy with env on stdin, follow until completed, record, switch', async () => {
    const { shell, ran } = manager({
      statuses: [
        fixture('update-0-before.txt'),
        fixture('update-1-updating_1_1.txt'),
        fixture('update-2-updating_0_1.txt'),
        fixture('update-4-completed_1_1.txt')
      ]
    })
    const { req, log } = request(deployMode('127.0.0.1:5000/demo-app:v2', 'v2'), shell)
    const outcome = await deployHost(req)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    expect(outcome.services?.map((s) => [s.name, s.state, s.before, s.image])).toEqual([
      ['cap_web', 'completed', '127.0.0.1:5000/demo-app:v1', '127.0.0.1:5000/demo-app:v2']
    ])
    expect(ran.map((r) => r.name)).toEqual([
      'inspect swarm',
      'lock',
      'cat',
      'upload compose.yml',
      'upload .env',
      'upload release.json',
      'status',
      'stack deploy',
      'status',
      'status',
      'status',
      'upload stack.json',
      'switch',
      'prune',
      'unlock'
    ])
    const deploy = ran.find((r) => r.name === 'stack deploy')
    expect(deploy?.stdin).toBe(req.mode.kind === 'deploy' ? req.mode.env : '')
    expect(deploy?.script).not.toContain('touch')
    expect(ran.find((r) => r.name === 'upload stack.json')?.stdin).toBe(
      '{"services":{"cap_web":"127.0.0.1:5000/demo-app:v2"}}\n'
    )
    expect(log).toContain(
      '  cap_web updating 0/1 (127.0.0.1:5000/demo-app:v1 → 127.0.0.1:5000/demo-app:v2)'
    )
  })

  test('broken: the swarm rolls back; rolled-back outcome, current untouched', async () => {
    const { shell, ran } = manager({
      statuses: [
        fixture('broken-0-before.txt'),
        fixture('broken-1-updating_1_1.txt'),
        fixture('broken-3-rollback_started_0_1.txt'),
        fixture('broken-5-rollback_completed_1_1.txt')
      ]
    })
    const { req } = request(deployMode('127.0.0.1:5000/demo-app:broken', 'broken'), shell)
    const outcome = await deployHost(req)
    expect(outcome).toMatchObject({
      status: 'rolled-back',
      before: 'v1',
      after: 'v1',
      attempted: 'broken',
      message: expect.stringMatching(
        /^broken failed and the swarm rolled it back: cap_web rolled back by swarm 1\/1 \(.*demo-app:v2 → .*demo-app:broken ↩ .*demo-app:v2\): update rolled back due to failure or early termination of task ixv5o4wouk9wts2wwpest94s4; rollback completed, task cap_web\.1 /
      )
    })
    expect(ran.map((r) => r.name)).not.toContain('switch')
    expect(ran.at(-1)?.name).toBe('unlock')
  })

  test('a rollout still going at the deadline fails, says so, and leaves the swarm to it', async () => {
    const { shell, ran } = manager({
      statuses: [fixture('update-0-before.txt'), fixture('update-1-updating_1_1.txt')]
    })
    const { req, slept } = request(deployMode('127.0.0.1:5000/demo-app:v2', 'v2'), shell, 5000)
    const outcome = await deployHost(req)
    expect(outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /^the rollout did not settle within 5s \(the swarm carries on with it\): cap_web updating 1\/1 /
      )
    })
    expect(slept).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(ran.filter((r) => r.name === 'service rollback' || r.name === 'switch')).toEqual([])
  })

  test('a host that is not a manager is refused before the lock', async () => {
    const { shell, ran } = manager({
      inspect: fixture('inspect-not-in-swarm.txt'),
      statuses: []
    })
    const outcome = await deployHost(request(deployMode('x', 'v2'), shell).req)
    expect(outcome).toMatchObject({
      status: 'failed',
      message:
        'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.'
    })
    expect(ran.map((r) => r.name)).toEqual(['inspect swarm'])
    expect(ran[0]?.script).toBe(swarmInspectStep(layout).script)
  })

  test('rollback-to previous: docker service rollback, followed; current moves to the release running now', async () => {
    const { shell, ran } = manager({
      statuses: [
        fixture('rollback-0-before.txt'),
        fixture('rollback-1-rollback_started_1_1.txt'),
        fixture('rollback-4-rollback_completed_1_1.txt')
      ],
      records:
        `${PREVIOUS}\t{"services":{"cap_web":"127.0.0.1:5000/demo-app:v2"}}\n` +
        `${CURRENT}\t{"services":{"cap_web":"127.0.0.1:5000/demo-app:v1"}}\n`
    })
    const outcome = await deployHost(request({ kind: 'rollback', to: 'previous' }, shell).req)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    expect(ran.map((r) => r.name)).toEqual([
      'inspect swarm',
      'lock',
      'cat',
      'status',
      'service rollback',
      'status',
      'status',
      'read records',
      'switch',
      'cat',
      'unlock'
    ])
    expect(ran.find((r) => r.name === 'service rollback')?.script).toBe(
      'docker service rollback --detach --quiet cap_web'
    )
    expect(ran.find((r) => r.name === 'switch')?.script).toContain(`releases/${PREVIOUS}`)
  })

  test('rollback-to previous without a previous spec is refused before touching the swarm', async () => {
    const { shell, ran } = manager({ statuses: [fixture('broken-5-rollback_completed_1_1.txt')] })
    const outcome = await deployHost(request({ kind: 'rollback', to: 'previous' }, shell).req)
    expect(outcome).toMatchObject({
      status: 'failed',
      message:
        'Cannot roll back: the swarm has no previous spec for cap_web (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with `rollback-to: <version>`.'
    })
    expect(ran.map((r) => r.name)).not.toContain('service rollback')
  })
})
