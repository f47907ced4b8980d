/**
 * The state directory on a real file system: a delivery accepted before a restart is still known
 * after it (for 7 days, then forgotten and compacted away), a torn line from a crash is skipped,
 * jobs survive a restart and only the newest 200 are kept.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JobRecord } from '../../../src/agent/contract.js'
import { AgentStore, DELIVERY_WINDOW_MS, newJobId } from '../../../src/agent/store.js'
import { instantClock } from '../../../src/lib/clock.js'

let dir: string
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'agent-store-')), 'state')
})
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

const job = (id: string, queuedAt: string, state: JobRecord['state'] = 'succeeded'): JobRecord => ({
  id,
  app: 'shop',
  via: 'github',
  request: { kind: 'image', tag: 'v2' },
  state,
  queuedAt,
  ...(state === 'queued' ? {} : { endedAt: queuedAt }),
  log: ['pulled']
})

describe('deliveries', () => {
  test('a delivery is known after a restart; the directory is 0700', async () => {
    const clock = instantClock(Date.parse('2026-12-01T20:00:00Z'))
    const first = await AgentStore.open(dir, { clock })
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    await first.recordDelivery('shop', '72d3162e-cc78-11e3-81ab-4c9367dc0958', 'aaaaaaaaaaaaaaaa')
    expect(first.delivery('shop', '72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe('aaaaaaaaaaaaaaaa')
    // Another app's delivery with the same id is another delivery.
    expect(first.delivery('blog', '72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBeUndefined()

    const second = await AgentStore.open(dir, { clock })
    expect(second.delivery('shop', '72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe('aaaaaaaaaaaaaaaa')
    expect(statSync(join(dir, 'deliveries.jsonl')).mode & 0o777).toBe(0o600)
  })

  test('after 7 days a delivery is forgotten, and dropped from the file on the next start', async () => {
    const clock = instantClock(Date.parse('2026-12-01T20:00:00Z'))
    const store = await AgentStore.open(dir, { clock })
    await store.recordDelivery('shop', 'old', 'aaaaaaaaaaaaaaaa')
    await clock.sleep(DELIVERY_WINDOW_MS - 60_000)
    await store.recordDelivery('shop', 'recent', 'bbbbbbbbbbbbbbbb')
    await clock.sleep(120_000)
    expect(store.delivery('shop', 'old')).toBeUndefined()
    expect(store.delivery('shop', 'recent')).toBe('bbbbbbbbbbbbbbbb')

    const restarted = await AgentStore.open(dir, { clock })
    expect(restarted.deliveryCount).toBe(1)
    const lines = readFileSync(join(dir, 'deliveries.jsonl'), 'utf8').trim().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['recent'])
  })

  test('a line torn by a crash mid-append is skipped; the rest is kept', async () => {
    const clock = instantClock(Date.parse('2026-12-01T20:00:00Z'))
    const store = await AgentStore.open(dir, { clock })
    await store.recordDelivery('shop', 'one', 'aaaaaaaaaaaaaaaa')
    appendFileSync(join(dir, 'deliveries.jsonl'), '{"id":"two","app":"sh')
    const restarted = await AgentStore.open(dir, { clock })
    expect(restarted.delivery('shop', 'one')).toBe('aaaaaaaaaaaaaaaa')
    expect(restarted.deliveryCount).toBe(1)
    await restarted.recordDelivery('shop', 'three', 'cccccccccccccccc')
    const again = await AgentStore.open(dir, { clock })
    expect(again.delivery('shop', 'three')).toBe('cccccccccccccccc')
  })
})

describe('jobs', () => {
  test('a job is written at each save and read back after a restart', async () => {
    const clock = instantClock(Date.parse('2026-12-01T20:00:00Z'))
    const store = await AgentStore.open(dir, { clock })
    const record = job(newJobId(), '2026-12-01T20:00:00.000Z', 'queued')
    await store.saveJob(record)
    record.state = 'running'
    record.log.push('starting')
    await store.saveJob(record)
    const restarted = await AgentStore.open(dir, { clock })
    expect(restarted.job(record.id)).toEqual(record)
    expect(statSync(join(dir, 'jobs', `${record.id}.json`)).mode & 0o777).toBe(0o600)
  })

  test('the newest 200 are kept; one still queued is never dropped', async () => {
    const clock = instantClock(Date.parse('2026-12-01T20:00:00Z'))
    const store = await AgentStore.open(dir, { clock })
    const queued = job(newJobId(), '2026-11-01T00:00:00.000Z', 'queued')
    await store.saveJob(queued)
    const ids: string[] = []
    for (let i = 0; i < 205; i++) {
      const id = newJobId()
      ids.push(id)
      await store.saveJob(
        job(id, new Date(Date.parse('2026-12-01T00:00:00Z') + i * 1000).toISOString())
      )
    }
    const restarted = await AgentStore.open(dir, { clock })
    const kept = restarted.jobs().map((j) => j.id)
    expect(kept).toHaveLength(200)
    expect(kept).toContain(queued.id)
    expect(kept).toContain(ids[204])
    expect(kept).not.toContain(ids[5])
    expect(readdirSync(join(dir, 'jobs'))).toHaveLength(200)
    expect(restarted.lastFinished('shop')?.id).toBe(ids[204])
  })
})
