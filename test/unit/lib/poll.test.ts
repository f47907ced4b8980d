import { expect, test } from '@jest/globals'
import { instantClock } from '../../../src/lib/clock.js'
import { backoffWaits, pollUntil } from '../../../src/lib/poll.js'

test('returns the first observation that settles, having waited fast then slower', async () => {
  const clock = instantClock(0)
  const seen: number[] = []
  const result = await pollUntil(async (attempt) => (seen.push(attempt), attempt), {
    clock,
    timeoutMs: 60_000,
    interval: { initialMs: 100, maxMs: 1000 },
    done: (n) => n === 6
  })
  expect(result).toEqual({ settled: true, value: 6, attempts: 6, elapsedMs: 2500 })
  expect(clock.slept).toEqual([100, 200, 400, 800, 1000])
  expect(seen).toEqual([1, 2, 3, 4, 5, 6])
})

test('times out with the last observation, made at the deadline and never waiting past it', async () => {
  const clock = instantClock(0)
  const result = await pollUntil(async () => `state at ${clock.now()}`, {
    clock,
    timeoutMs: 2500,
    interval: 1000,
    done: () => false
  })
  expect(clock.slept).toEqual([1000, 1000, 500])
  expect(result).toEqual({ settled: false, value: 'state at 2500', attempts: 4, elapsedMs: 2500 })
})

test('a fixed interval, and a first wait before the first look', async () => {
  const clock = instantClock(0)
  const result = await pollUntil(async () => clock.now(), {
    clock,
    timeoutMs: 10_000,
    interval: 300,
    delayFirst: true,
    done: (now) => now >= 900
  })
  expect(clock.slept).toEqual([300, 300, 300])
  expect(result.settled && result.value).toBe(900)
})

test('an observation that throws ends the poll with that error', async () => {
  const clock = instantClock(0)
  await expect(
    pollUntil(
      async () => {
        throw new Error('connection lost')
      },
      { clock, timeoutMs: 1000, interval: 100, done: () => true }
    )
  ).rejects.toThrow('connection lost')
})

test('backoff waits grow by the factor up to the cap', () => {
  const next = backoffWaits({ initialMs: 50, maxMs: 1000, factor: 3 })
  expect([next(), next(), next(), next(), next()]).toEqual([50, 150, 450, 1000, 1000])
})
