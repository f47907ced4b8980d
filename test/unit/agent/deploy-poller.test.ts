/**
 * Registry polling with a fake scheduler and random source: which tags are polled, when, and
 * that a deploy is queued only for a digest not seen (or not deployed) before, across restarts.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig, DeployRequest, Resolved } from '../../../src/agent/contract.js'
import { nextDelay, pollableTags, startPoller } from '../../../src/agent/poller.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-poller-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const app: AppConfig = {
  name: 'shop',
  target: 'compose',
  strategy: 'recreate',
  inputs: {},
  image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
  tags: ['v*', 'latest', 'stable'],
  stepTimeoutMs: 600_000,
  triggers: { poll: { intervalMs: 60_000, jitter: 0.1 } },
  notify: []
}

function world(current: string | undefined) {
  const digests: Record<string, string> = {
    latest: 'sha256:' + 'a'.repeat(64),
    stable: 'sha256:' + 'b'.repeat(64)
  }
  const queued: { request: DeployRequest; resolved: Resolved }[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const start = () =>
    startPoller({
      apps: [app],
      stateDir: dir,
      deployer: {
        resolve: async (_app, request) => {
          const tag = (request as { tag: string }).tag
          const digest = digests[tag] as string
          return { version: `${tag}@${digest.slice(0, 19)}`, ref: digest }
        },
        status: async () => ({ current })
      },
      enqueue: async (_app, request, resolved) => {
        queued.push({ request, resolved })
        return { job: `job${queued.length}` }
      },
      log: () => {},
      setTimer: (fn, ms) => {
        timers.push({ fn, ms })
        return { cancel: () => {} }
      },
      random: () => 1
    })
  return { digests, queued, timers, start }
}

describe('poller', () => {
  test('tags without wildcards are polled; the delay is the interval ± jitter', () => {
    expect(pollableTags(app)).toEqual(['latest', 'stable'])
    expect(nextDelay(60_000, 0.1, () => 0)).toBe(54_000)
    expect(nextDelay(60_000, 0.1, () => 1)).toBe(66_000)
    expect(nextDelay(60_000, 0.1, () => 0.5)).toBe(60_000)
  })

  test('the first look queues only what is not deployed; a changed digest queues once, also after a restart', async () => {
    const w = world('latest@sha256:aaaaaaaaaaaa')
    const poller = w.start()
    expect(w.timers).toHaveLength(1)
    expect(w.timers[0]?.ms).toBe(6000) // the first round: a random part of jitter × interval
    await poller.pollApp(app)
    // `latest` runs already; `stable` does not.
    expect(w.queued.map((q) => q.request)).toEqual([{ kind: 'image', tag: 'stable' }])
    await poller.pollApp(app)
    expect(w.queued).toHaveLength(1)
    w.digests.latest = 'sha256:' + 'c'.repeat(64)
    await poller.pollApp(app)
    expect(w.queued.map((q) => q.resolved.ref)).toEqual([
      'sha256:' + 'b'.repeat(64),
      'sha256:' + 'c'.repeat(64)
    ])
    poller.stop()
    const saved = JSON.parse(await readFile(join(dir, 'poll.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(saved).toEqual({
      shop: { latest: 'sha256:' + 'c'.repeat(64), stable: 'sha256:' + 'b'.repeat(64) }
    })
    // A new agent on the same state directory: nothing new, nothing queued.
    const again = w.start()
    await again.pollApp(app)
    expect(w.queued).toHaveLength(2)
    again.stop()
  })

  test('a refused job (queue full) is not remembered: the next round queues it', async () => {
    let refuse = true
    const calls: string[] = []
    const poller = startPoller({
      apps: [],
      stateDir: dir,
      deployer: {
        resolve: async () => ({
          version: 'latest@sha256:aaaaaaaaaaaa',
          ref: 'sha256:' + 'a'.repeat(64)
        }),
        status: async () => ({})
      },
      enqueue: async () => {
        calls.push(refuse ? 'refused' : 'queued')
        return refuse ? { error: 'the queue is full' } : { job: 'j1' }
      },
      log: () => {}
    })
    const one = { ...app, tags: ['latest'] }
    await poller.pollApp(one)
    await expect(readFile(join(dir, 'poll.json'), 'utf8')).rejects.toThrow()
    refuse = false
    await poller.pollApp(one)
    await poller.pollApp(one)
    expect(calls).toEqual(['refused', 'queued'])
    expect(JSON.parse(await readFile(join(dir, 'poll.json'), 'utf8'))).toEqual({
      shop: { latest: 'sha256:' + 'a'.repeat(64) }
    })
    poller.stop()
  })

  test('one failed write of poll.json does not stop the later ones', async () => {
    // The state directory is a file at first: the first write fails (as a full disk would).
    const stateDir = join(dir, 'state')
    await writeFile(stateDir, 'in the way\n')
    const lines: string[] = []
    let digest = 'sha256:' + 'a'.repeat(64)
    const poller = startPoller({
      apps: [],
      stateDir,
      deployer: {
        resolve: async () => ({ version: `latest@${digest.slice(0, 19)}`, ref: digest }),
        status: async () => ({})
      },
      enqueue: async () => ({ job: 'j1' }),
      log: (_app, line) => lines.push(line)
    })
    const one = { ...app, tags: ['latest'] }
    await poller.pollApp(one)
    expect(lines.join('\n')).toMatch(/cannot write .*poll\.json/)
    await rm(stateDir)
    digest = 'sha256:' + 'b'.repeat(64)
    await poller.pollApp(one)
    expect(JSON.parse(await readFile(join(stateDir, 'poll.json'), 'utf8'))).toEqual({
      shop: { latest: digest }
    })
    poller.stop()
  })
})
