/**
 * The queue's order where the mutation run (scripts/mutations.mjs, module `queue`) found no test:
 * which job runs, and in what order, when a lookup is still going as the running job ends, and
 * when jobs accepted before a restart are resumed. The release left live is the last one run.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { request, type RequestOptions } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeployRequest, JobRecord } from '../../../src/agent/contract.js'
import { JobQueue, type AgentEvent } from '../../../src/agent/queue.js'
import { startAgentServer } from '../../../src/agent/server.js'
import { AgentStore } from '../../../src/agent/store.js'
import { instantClock, realClock } from '../../../src/lib/clock.js'
import { FakeDeployer, GITHUB_SECRET, composeApp } from './fixtures.js'

const shop = composeApp()
const tag = (t: string): DeployRequest => ({ kind: 'image', tag: t })
const rollback: DeployRequest = { kind: 'rollback', to: 'previous' }

let dir: string
let deployer: FakeDeployer
let ended: Set<string>
let onEnded: () => void

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-queue-mutants-'))
  deployer = new FakeDeployer()
  ended = new Set()
  onEnded = () => undefined
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const clock = instantClock(Date.UTC(2026, 11, 1, 20))
const open = () => AgentStore.open(join(dir, 'state'), { clock })

function queue(store: AgentStore) {
  return new JobQueue({
    deployer,
    store,
    clock,
    maxPending: 32,
    apps: [shop],
    log: (e: AgentEvent) => {
      if (e.job && ['succeeded', 'failed', 'rolled-back'].includes(e.event)) {
        ended.add(e.job)
        onEnded()
      }
    }
  })
}

/** Resolves once the job's run has ended and the queue has moved on (started what is next). */
async function untilEnded(id: string): Promise<void> {
  if (!ended.has(id)) await new Promise<void>((done) => (onEnded = () => ended.has(id) && done()))
  await new Promise((done) => setImmediate(done))
}

/** Ends each run as it starts, until `count` runs have started and ended; what ran, in order. */
async function runAll(count: number): Promise<DeployRequest[]> {
  for (let i = 0; i < count; i++) {
    if (ended.has(deployer.started[i]?.id ?? '')) continue
    await deployer.untilStarted(i + 1)
    const job = deployer.started[i]!
    deployer.finish(job.id)
    await untilEnded(job.id)
  }
  return deployer.started.map((j) => j.request)
}

async function submit(q: JobQueue, request: DeployRequest): Promise<JobRecord> {
  const result = await q.submit(shop, 'github', request, await deployer.resolve(shop, request))
  if (!result.ok) throw new Error(result.reason)
  return result.job
}

describe('a lookup still going holds the app', () => {
  test('a rollback asked before a deploy runs before it, though its lookup answers after the running job ended: the deploy is what stays live', async () => {
    const q = queue(await open())
    const running = await submit(q, tag('v1'))
    await deployer.untilStarted(1)
    const reserved = q.reserve(shop, 'manual', rollback)
    if (!reserved.ok) throw new Error(reserved.reason)
    await submit(q, tag('v2'))
    deployer.finish(running.id)
    await untilEnded(running.id)
    // v1 is done and the rollback's answer has not come: nothing else may start yet.
    expect(deployer.started.map((j) => j.request)).toEqual([tag('v1')])
    await reserved.place.fill(await deployer.resolve(shop, rollback))
    expect((await runAll(3)).slice(1)).toEqual([rollback, tag('v2')])
    await q.idle()
  })
})

describe('jobs accepted before a restart', () => {
  test('are resumed in the order they arrived: the rollback, then the deploy that came after it (which stays live)', async () => {
    const store = await open()
    const q = queue(store)
    const running = await submit(q, tag('v1'))
    await deployer.untilStarted(1)
    await clock.sleep(1000)
    const back = await submit(q, rollback)
    await clock.sleep(1000)
    const next = await submit(q, tag('v2'))
    expect(q.state('shop').waiting).toEqual([back.id, next.id])
    // The agent stops while v1 runs; the two waiting jobs stay queued in the store.
    void q.stop(60_000)
    deployer.finish(running.id)
    await untilEnded(running.id)
    await store.flush()

    const restarted = queue(await open())
    await restarted.resume()
    const ran = await runAll(3)
    expect(ran.slice(1)).toEqual([rollback, tag('v2')])
    expect(deployer.started.slice(1).map((j) => j.id)).toEqual([back.id, next.id])
    await restarted.idle()
  })
})

describe('webhooks', () => {
  /** A request to the agent (no kept-alive connection); its status and JSON body. */
  const call = (url: string, options: RequestOptions = {}, body?: string) =>
    new Promise<{ status: number; body: unknown }>((done, fail) => {
      const req = request(url, { ...options, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          done({ status: res.statusCode!, body: text ? JSON.parse(text) : {} })
        })
      })
      req.on('error', fail)
      req.end(body)
    })

  /** A GitHub package delivery of `tag`, signed. */
  const publish = (url: string, tag: string) => {
    const body = JSON.stringify({
      action: 'published',
      package: {
        name: 'shop',
        package_type: 'container',
        package_version: { container_metadata: { tag: { name: tag } } }
      }
    })
    const mac = createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')
    const headers = {
      'content-type': 'application/json',
      'x-github-event': 'package',
      'x-github-delivery': tag,
      'x-hub-signature-256': `sha256=${mac}`
    }
    return call(`${url}/hooks/shop`, { method: 'POST', headers }, body)
  }

  test('deliveries of a tag not in the registry give their places up: more of them than max-pending, and the next delivery still deploys at once', async () => {
    const stateDir = join(dir, 'state')
    const store = await AgentStore.open(stateDir, { clock: realClock })
    const token = 'agent-bearer-token-0123456789'
    const server = await startAgentServer(
      {
        file: '/etc/gantry/agent.yml',
        listen: { host: '127.0.0.1', port: 0 },
        stateDir,
        token,
        logFormat: 'text',
        maxBodyBytes: 64 * 1024,
        maxPending: 2,
        apps: [shop]
      },
      { deployer, store, clock: realClock, log: () => undefined }
    )
    try {
      for (let i = 0; i < 3; i++) expect((await publish(server.url, 'v9')).status).toBe(422)
      const accepted = await publish(server.url, 'v2')
      expect(accepted.status).toBe(202)
      const { job } = accepted.body as { job: string }
      const apps = await call(`${server.url}/apps`, {
        headers: { authorization: `Bearer ${token}` }
      })
      expect(apps.body).toMatchObject({ apps: [{ name: 'shop', running: job, queue: [] }] })
      await deployer.untilStarted(1)
      expect(deployer.started.map((j) => j.request)).toEqual([tag('v2')])
    } finally {
      deployer.finishAll()
      await server.close(1000)
    }
  })
})
