/**
 * Recovery after an agent stopped mid-run: the decisions (pure), then the whole pass over a
 * state directory against a scripted host: the lock released only when the run's token holds
 * it, the job marked failed, the release before brought back when it is not the one serving.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig } from '../../../src/agent/contract.js'
import { createDeployer, runFilePath } from '../../../src/agent/deployer.js'
import { decideRecovery, INTERRUPTED, recoverInterrupted } from '../../../src/agent/recovery.js'
import { endGroup, identify, type ProcessIdentity } from '../../../src/agent/processes.js'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { scriptedRunner, type Answers } from '../../../src/deploy/runners/scripted.js'
import { instantClock } from '../../../src/lib/clock.js'

const T0 = 1_795_000_000_000
const NOW = Math.floor(T0 / 1000)
const V1 = '20261122T162000Z-v1-aaaa'
const V2 = '20261122T163000Z-v2-cccc'

describe('decideRecovery', () => {
  test.each([
    [{ before: 'v1', current: 'v1', healthy: true }, false, 'v1 is current and healthy'],
    [
      { before: 'v1', current: 'v2', healthy: true },
      true,
      'current is v2, not v1 as before the run: rolling back to v1'
    ],
    [
      {
        before: 'v1',
        current: 'v1',
        healthy: false,
        healthDetail: 'service web is exited (exit code 1)'
      },
      true,
      'v1 is current but not healthy (service web is exited (exit code 1)): bringing it back up'
    ],
    [
      { before: 'v1', current: undefined, healthy: false },
      true,
      'current is none, not v1 as before the run: rolling back to v1'
    ],
    [
      { before: undefined, current: 'v2', healthy: true },
      false,
      'no release ran before the interrupted run; v2 is current and healthy'
    ]
  ])('%j → rollback %s', (facts, rollback, message) => {
    expect(decideRecovery(facts)).toEqual({ rollback, message })
  })
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-recovery-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const app: AppConfig = {
  name: 'shop',
  target: 'compose',
  strategy: 'recreate',
  inputs: { path: '/srv/gantry/shop' },
  image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
  tags: ['v*'],
  stepTimeoutMs: 600_000,
  triggers: { token: { secret: 's' } },
  notify: []
}

async function leaveRunFile(token: string, before?: string, groups?: ProcessIdentity[]) {
  await mkdir(join(dir, 'runs'), { recursive: true })
  await writeFile(
    runFilePath(dir, 'shop'),
    JSON.stringify({
      job: 'aaaabbbbccccdddd',
      token,
      before,
      startedAt: new Date(T0).toISOString(),
      pid: 1,
      groups
    })
  )
}

/** Running, not a zombie (this machine's PID 1 reaps orphans late). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

function recover(answers: Answers) {
  const host = scriptedRunner(answers)
  const deployer = createDeployer({
    stateDir: dir,
    configDir: dir,
    clock: instantClock(T0),
    connect: async () => host
  })
  const failed: [string, string][] = []
  const jobs: string[] = []
  const run = recoverInterrupted({
    stateDir: dir,
    apps: [app],
    deployer,
    markFailed: async (id, message) => {
      failed.push([id, message])
    },
    onJob: (job) =>
      jobs.push(`${job.request.kind === 'rollback' ? job.request.to : ''} ${job.state}`),
    log: () => {},
    clock: instantClock(T0),
    healthLooks: 2,
    pollMs: 10
  })
  return { host, run, failed, jobs }
}

const hostWith = (current: string, extra: Answers = {}): Answers => ({
  inspect: `compose=docker compose\nnow=${NOW}\ncurrent=${current}\nrelease=${V1}\nrelease=${V2}\n`,
  'read current release': `{"version":"${current === V1 ? 'v1' : 'v2'}"}\n`,
  'read release': '{"version":"v1"}\n',
  status: 'web running healthy 0\n',
  lock: 'acquired\n',
  '*': '',
  ...extra
})

describe('recoverInterrupted', () => {
  test('current is the release before and healthy: the lock of that run released, the job failed, nothing rolled back', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run, failed, jobs } = recover(
      hostWith(V1, { 'read lock': '{"token":"tok-of-the-run","actor":"gantry agent"}\n' })
    )
    const [done] = await run
    expect(done).toMatchObject({
      app: 'shop',
      job: 'aaaabbbbccccdddd',
      lockReleased: true,
      message: 'v1 is current and healthy'
    })
    expect(failed).toEqual([['aaaabbbbccccdddd', INTERRUPTED]])
    const unlock = host.ran.find((s) => s.name === 'unlock')
    expect(unlock?.script).toContain('tok-of-the-run')
    expect(jobs).toEqual([])
    expect(existsSync(runFilePath(dir, 'shop'))).toBe(false)
  })

  test("another deploy's lock is left alone", async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run } = recover(
      hostWith(V1, { 'read lock': '{"token":"someone-else","actor":"octocat"}\n' })
    )
    const [done] = await run
    expect(done?.lockReleased).toBe(false)
    // The unlock step removes the lock only when it holds this token (the session's own step).
    expect(host.ran.find((s) => s.name === 'unlock')?.script).toMatch(
      /grep -q .*tok-of-the-run.*then rm -rf/
    )
  })

  test('the interrupted run had switched current: rolled back to the release before', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run, jobs } = recover(hostWith(V2))
    const [done] = await run
    expect(done?.message).toContain('current is v2, not v1 as before the run: rolling back to v1')
    expect(done?.rollback?.result).toMatchObject({ state: 'succeeded', after: 'v1' })
    expect(jobs).toEqual(['v1 running', 'v1 succeeded'])
    expect(host.ran.filter((s) => s.name === 'up').at(-1)?.script).toContain(`releases/${V1}`)
  })

  test('current is the release before but its container exited: brought back up', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { run } = recover(
      hostWith(V1, {
        status: ['web exited unhealthy 1\n', 'web exited unhealthy 1\n', 'web running healthy 0\n']
      })
    )
    const [done] = await run
    expect(done?.message).toContain('v1 is current but not healthy (service web is unhealthy)')
    expect(done?.rollback?.result.state).toBe('succeeded')
  })

  test('a step the killed agent left running is stopped, its whole process group', async () => {
    // What an agent killed outright leaves: a step's shell in its own group, with a child.
    const orphan = spawn('sh', ['-c', 'sleep 100 & echo $!; sleep 100'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const child = Number(
      await new Promise<string>((resolve) =>
        orphan.stdout.once('data', (d: Buffer) => resolve(d.toString()))
      )
    )
    const id = identify(orphan.pid as number)
    expect(id).toBeDefined()
    await leaveRunFile('tok-of-the-run', 'v1', [id as ProcessIdentity])
    const { run } = recover(hostWith(V1))
    await run
    await new Promise((r) => setTimeout(r, 200))
    expect(alive(orphan.pid as number)).toBe(false)
    expect(alive(child)).toBe(false)
  })

  test('a recorded group whose pid now belongs to another process is left alone', async () => {
    const me = identify(process.pid) as ProcessIdentity
    expect(await endGroup({ ...me, start: '1' }, instantClock(T0))).toBe(false)
    expect(alive(process.pid)).toBe(true)
  })
})
