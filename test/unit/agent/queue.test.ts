/**
 * The job queue with a fake Deployer whose runs end when the test says: one run per app at a
 * time, deliveries during a run coalescing to the newest, rollbacks never folded into deploys,
 * apps in parallel, a full queue refused, and every state change in the store.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig, DeployRequest } from '../../../src/agent/contract.js'
import { JobQueue, LOG_LINE_CHARS, type AgentEvent } from '../../../src/agent/queue.js'
import { AgentStore } from '../../../src/agent/store.js'
import { instantClock, type Clock } from '../../../src/lib/clock.js'
import { FakeDeployer, composeApp, gitApp } from './fixtures.js'

let dir: string
let store: AgentStore
let deployer: FakeDeployer
let events: AgentEvent[]
const shop = composeApp()
const blog = gitApp()

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agent-queue-'))
  store = await AgentStore.open(join(dir, 'state'), { clock: instantClock() })
  deployer = new FakeDeployer()
  events = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function queue(maxPending = 32, apps: AppConfig[] = [shop, blog], clock: Clock = instantClock()) {
  return new JobQueue({
    deployer,
    store,
    clock,
    maxPending,
    apps,
    log: (e) => events.push(e)
  })
}

const tag = (t: string): DeployRequest => ({ kind: 'image', tag: t })

async function submit(q: JobQueue, app: AppConfig, request: DeployRequest) {
  const resolved = await deployer.resolve(app, request)
  const result = await q.submit(app, 'github', request, resolved)
  if (!result.ok) throw new Error(result.reason)
  return result.job
}

describe('one app', () => {
  test('runs one job at a time; deliveries during a run coalesce to the newest', async () => {
    const q = queue()
    const first = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    const second = await submit(q, shop, tag('v2'))
    const third = await submit(q, shop, tag('v3'))
    expect(q.state('shop')).toEqual({ running: first.id, waiting: [third.id] })
    expect(store.job(second.id)).toMatchObject({
      state: 'superseded',
      message: `superseded by job ${third.id} (v3@sha256:${third.version!.slice(-12)})`
    })
    expect(deployer.running()).toEqual([first.id])

    deployer.finish(first.id)
    await deployer.untilStarted(2)
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1'), tag('v3')])
    // The run gets the resolved digest to deploy, not the tag.
    expect(deployer.started[1]!.resolved?.ref).toMatch(/^sha256:[0-9a-f]{64}$/)
    deployer.finish(third.id, {
      state: 'rolled-back',
      before: 'v1',
      after: 'v1',
      message: 'health check failed'
    })
    await q.idle()
    expect(store.job(first.id)).toMatchObject({
      state: 'succeeded',
      log: ['deploying ' + first.version]
    })
    expect(store.job(third.id)).toMatchObject({
      state: 'rolled-back',
      before: 'v1',
      after: 'v1',
      message: 'health check failed'
    })
    expect(events.map((e) => `${e.event} ${e.job}`)).toContain(`superseded ${second.id}`)
  })

  test('a waiting rollback is replaced only by a newer rollback; a deploy queues behind it', async () => {
    const q = queue()
    const running = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    const rollback = await submit(q, shop, { kind: 'rollback', to: 'previous' })
    const deploy = await submit(q, shop, tag('v2'))
    expect(q.state('shop').waiting).toEqual([rollback.id, deploy.id])
    const newer = await submit(q, shop, { kind: 'rollback', to: 'v0@sha256:1b2c1b2c1b2c' })
    expect(store.job(rollback.id)?.state).toBe('superseded')
    expect(q.state('shop').waiting).toEqual([deploy.id, newer.id])

    deployer.finish(running.id)
    await deployer.untilStarted(2)
    deployer.finish(deploy.id)
    await deployer.untilStarted(3)
    expect(deployer.started[2]!.request).toEqual({ kind: 'rollback', to: 'v0@sha256:1b2c1b2c1b2c' })
    deployer.finish(newer.id)
    await q.idle()
  })

  test('a long log keeps its first and newest lines, and says how many are left out', async () => {
    const q = queue()
    deployer.run = async (_job, _app, log) => {
      for (let i = 1; i <= 2500; i++) log(`line ${i}`)
      return { state: 'succeeded' }
    }
    const job = await submit(q, shop, tag('v1'))
    await q.idle()
    const log = store.job(job.id)!.log
    expect(log).toHaveLength(2000)
    expect(log.slice(98, 102)).toEqual([
      'line 99',
      'line 100',
      '… 501 lines left out …',
      'line 602'
    ])
    expect(log[1999]).toBe('line 2500')
  })

  test('a long line is cut, and credentials in a URL never reach the log or the message', async () => {
    const q = queue()
    deployer.run = async (_job, _app, log) => {
      log('x'.repeat(5_000_000))
      log('fatal: could not read from https://deploy:ghp_t0ken@git.example.com/shop.git')
      return { state: 'failed', message: 'fetch https://deploy:ghp_t0ken@git.example.com failed' }
    }
    const job = await submit(q, shop, tag('v1'))
    await q.idle()
    const record = store.job(job.id)!
    expect(record.log[0]).toBe(
      `${'x'.repeat(LOG_LINE_CHARS)} … (${5_000_000 - LOG_LINE_CHARS} more characters left out)`
    )
    expect(record.log[1]).toBe('fatal: could not read from https://***@git.example.com/shop.git')
    expect(record.message).toBe('fetch https://***@git.example.com failed')
    expect(JSON.stringify(events)).not.toContain('ghp_t0ken')
  })

  test('a deployer that throws still ends the job, failed, and the next one runs', async () => {
    const q = queue()
    deployer.run = async () => {
      throw new Error('boom')
    }
    const job = await submit(q, shop, tag('v1'))
    await q.idle()
    expect(store.job(job.id)).toMatchObject({
      state: 'failed',
      message: 'the deployer failed: boom'
    })
  })
})

describe('several apps', () => {
  test('run in parallel', async () => {
    const q = queue()
    const a = await submit(q, shop, tag('v1'))
    const b = await submit(q, blog, { kind: 'git', ref: 'refs/heads/main' })
    await deployer.untilStarted(2)
    expect(deployer.running().sort()).toEqual([a.id, b.id].sort())
    deployer.finish(a.id)
    deployer.finish(b.id)
    await q.idle()
  })

  test('max-pending waiting jobs: one more is refused with a Retry-After; a superseding one is not', async () => {
    const other = composeApp({ name: 'admin' })
    const q = queue(1, [shop, other])
    const a = await submit(q, shop, tag('v1'))
    const b = await submit(q, other, tag('v1'))
    await deployer.untilStarted(2)
    await submit(q, shop, tag('v2')) // the one waiting job
    const refused = await q.submit(other, 'github', tag('v2'))
    expect(refused).toEqual({
      ok: false,
      retryAfterSeconds: 30,
      reason: '1 jobs are waiting (max-pending 1)'
    })
    // It replaces the waiting one: the count does not grow.
    expect((await q.submit(shop, 'github', tag('v3'))).ok).toBe(true)
    deployer.finish(a.id)
    deployer.finish(b.id)
    await deployer.untilStarted(3)
    deployer.finish(deployer.running()[0]!)
    await q.idle()
  })

  test('stop: nothing new starts, a running job gets the grace, a waiting one resumes at the next start', async () => {
    // A grace period that does not run out by itself.
    const q = queue(32, [shop, blog], { now: () => Date.now(), sleep: () => new Promise(() => {}) })
    const running = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    const waiting = await submit(q, shop, tag('v2'))
    const stopping = q.stop(60_000)
    deployer.finish(running.id)
    expect(await stopping).toBe(true)
    expect(deployer.started).toHaveLength(1)
    expect((await q.submit(shop, 'github', tag('v3'))).ok).toBe(false)
    expect(store.job(waiting.id)?.state).toBe('queued')

    // The next agent, over the same state directory.
    const restartedStore = await AgentStore.open(join(dir, 'state'), { clock: instantClock() })
    store = restartedStore
    const next = queue()
    await next.resume()
    await deployer.untilStarted(2)
    expect(deployer.started[1]).toMatchObject({ id: waiting.id, request: tag('v2') })
    // It deploys the digest accepted before the restart, without asking the registry again.
    expect(deployer.resolved).toEqual([tag('v1'), tag('v2')])
    expect(deployer.started[1]!.resolved?.version).toBe(waiting.version)
    deployer.finish(waiting.id)
    await next.idle()
  })

  test('resume: a job left running that recovery did not end is failed', async () => {
    await store.saveJob({
      id: 'abcdefabcdefabcd',
      app: 'shop',
      via: 'github',
      request: tag('v1'),
      state: 'running',
      queuedAt: '2026-12-01T20:00:00.000Z',
      startedAt: '2026-12-01T20:00:01.000Z',
      log: []
    })
    await queue().resume()
    expect(store.job('abcdefabcdefabcd')).toMatchObject({
      state: 'failed',
      message: 'interrupted: the agent stopped during this run'
    })
    expect(deployer.started).toEqual([])
  })

  test('stop: a run still going when the grace ends is reported', async () => {
    const q = queue() // instantClock: the grace passes at once
    const running = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    expect(await q.stop(30_000)).toBe(false)
    deployer.finish(running.id)
    await q.idle()
  })
})

describe('arrival order: a place is taken before the lookup, and the lookup fills it', () => {
  const reserve = (q: JobQueue, request: DeployRequest) => {
    const reserved = q.reserve(shop, 'github', request)
    if (!reserved.ok) throw new Error(reserved.reason)
    return reserved.place
  }
  const resolved = (request: DeployRequest) => deployer.resolve(shop, request)

  test('the newer answered first: the older is superseded when its answer comes, never run', async () => {
    const q = queue()
    const older = reserve(q, tag('v1.5'))
    const newer = reserve(q, tag('v1.6'))
    expect((await newer.fill(await resolved(tag('v1.6')))).ok).toBe(true)
    await deployer.untilStarted(1)
    const late = await older.fill(await resolved(tag('v1.5')))
    expect(late).toMatchObject({ ok: true, job: { id: older.job, state: 'superseded' } })
    expect(store.job(older.job)).toMatchObject({
      state: 'superseded',
      version: expect.stringMatching(/^v1\.5@/)
    })
    deployer.finish(newer.job)
    await q.idle()
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1.6')])
  })

  test('the older answered first: it runs, then the newer, which stays', async () => {
    const q = queue()
    const older = reserve(q, tag('v1.5'))
    const newer = reserve(q, tag('v1.6'))
    await older.fill(await resolved(tag('v1.5')))
    await deployer.untilStarted(1)
    await newer.fill(await resolved(tag('v1.6')))
    deployer.finish(older.job)
    await deployer.untilStarted(2)
    deployer.finish(newer.job)
    await q.idle()
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1.5'), tag('v1.6')])
  })

  test('while a deploy runs, the newer supersedes the older whichever answers first', async () => {
    const q = queue()
    const running = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    const older = reserve(q, tag('v2'))
    const newer = reserve(q, tag('v3'))
    await older.fill(await resolved(tag('v2')))
    expect(q.state('shop').waiting).toEqual([older.job])
    const filled = await newer.fill(await resolved(tag('v3')))
    expect(filled).toMatchObject({ ok: true, superseded: older.job })
    expect(q.state('shop').waiting).toEqual([newer.job])
    deployer.finish(running.id)
    await deployer.untilStarted(2)
    deployer.finish(newer.job)
    await q.idle()
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1'), tag('v3')])
  })

  test('a place still being looked up holds the app: what arrived after it waits', async () => {
    const q = queue()
    const running = await submit(q, shop, tag('v1'))
    await deployer.untilStarted(1)
    const rollback = reserve(q, { kind: 'rollback', to: 'previous' })
    const deploy = await submit(q, shop, tag('v2'))
    deployer.finish(running.id)
    // The rollback arrived first: the deploy does not start before the rollback's answer.
    await new Promise((done) => setImmediate(done))
    expect(deployer.started).toHaveLength(1)
    await rollback.fill({ version: 'rollback to previous', ref: 'previous' })
    await deployer.untilStarted(2)
    expect(deployer.started[1]!.request).toEqual({ kind: 'rollback', to: 'previous' })
    deployer.finish(rollback.job)
    await deployer.untilStarted(3)
    deployer.finish(deploy.id)
    await q.idle()
  })

  test('a lookup that fails gives its place up; the rest goes on, and it is never a job', async () => {
    const q = queue()
    const older = reserve(q, tag('v1.5'))
    const newer = reserve(q, tag('v9'))
    newer.cancel()
    await older.fill(await resolved(tag('v1.5')))
    await deployer.untilStarted(1)
    deployer.finish(older.job)
    await q.idle()
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1.5')])
    expect(store.job(newer.job)).toBeUndefined()
  })

  test('lookups in flight are bounded by max-pending', () => {
    const q = queue(2)
    reserve(q, tag('v1'))
    reserve(q, tag('v2'))
    expect(q.reserve(shop, 'github', tag('v3'))).toMatchObject({ ok: false })
  })
})
