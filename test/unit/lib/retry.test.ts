import { expect, test } from '@jest/globals'
import { httpRetryDecision, parseRetryAfter, retry } from '../../../src/lib/retry.js'

function fakeClock() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

test('retries with exponential backoff, then succeeds', async () => {
  const clock = fakeClock()
  let calls = 0
  const result = await retry(
    async () => {
      if (++calls < 3) throw new Error('503')
      return 'ok'
    },
    { attempts: 5, baseDelayMs: 100, retryable: () => true, sleep: clock.sleep }
  )
  expect(result).toBe('ok')
  expect(clock.waits).toEqual([100, 200])
})

test('honours the server’s wait and the cap', async () => {
  const clock = fakeClock()
  await expect(
    retry(
      async () => {
        throw new Error('429')
      },
      {
        attempts: 3,
        baseDelayMs: 100,
        maxDelayMs: 5000,
        retryable: () => ({ afterMs: 9000 }),
        sleep: clock.sleep
      }
    )
  ).rejects.toThrow('429')
  expect(clock.waits).toEqual([5000, 5000])
})

test('a failure that is not retryable is thrown at once', async () => {
  const clock = fakeClock()
  let calls = 0
  await expect(
    retry(
      async () => {
        calls++
        throw new Error('invalid_auth')
      },
      { attempts: 5, baseDelayMs: 100, retryable: () => false, sleep: clock.sleep }
    )
  ).rejects.toThrow('invalid_auth')
  expect([calls, clock.waits]).toEqual([1, []])
})

test('Retry-After in seconds or as a date', () => {
  expect(parseRetryAfter('3')).toBe(3000)
  expect(
    parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))
  ).toBe(5000)
  expect(parseRetryAfter('soon')).toBeUndefined()
  expect(parseRetryAfter(null)).toBeUndefined()
})

test.each<[number, number | undefined, ReturnType<typeof httpRetryDecision>]>([
  [500, undefined, true],
  [502, undefined, true],
  [503, 2000, { afterMs: 2000 }],
  [408, undefined, true],
  [429, undefined, true],
  [429, 7000, { afterMs: 7000 }],
  [429, 30_000, { afterMs: 30_000 }],
  [429, 30_001, false],
  [429, 3_600_000, false],
  [400, undefined, false],
  [401, undefined, false],
  [403, 1000, false],
  [404, undefined, false],
  [409, undefined, false]
])('HTTP %i, Retry-After %j ms, longest wait 30 s: %j', (status, retryAfterMs, decision) => {
  expect(httpRetryDecision(status, retryAfterMs, 30_000)).toEqual(decision)
})
