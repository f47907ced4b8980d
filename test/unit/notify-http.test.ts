/**
 * src/io/notify.ts's retry policy with a fake fetch and a fake clock: what is retried, how long
 * it waits, and that attempts and total time are both bounded.
 */
import { describe, expect, test } from '@jest/globals'
import { HttpDeliveryError, sendHttp } from '../../src/io/notify.js'

const plan = { method: 'POST' as const, url: 'http://127.0.0.1:9/x', headers: {}, body: '{}' }

/** Answers in order (the last one repeats); time advances only when the code sleeps. */
function fakeService(answers: (() => Response)[]) {
  let clock = 0
  let calls = 0
  const waits: number[] = []
  return {
    waits,
    calls: () => calls,
    options: {
      now: () => clock,
      sleep: async (ms: number) => {
        waits.push(ms)
        clock += ms
      },
      fetch: (async () => {
        const answer = answers[Math.min(calls, answers.length - 1)]!
        calls++
        return answer()
      }) as unknown as typeof fetch
    }
  }
}
const status =
  (code: number, headers: Record<string, string> = {}, body = '') =>
  () =>
    new Response(body || null, { status: code, headers })

describe('sendHttp', () => {
  test('Retry-After is waited exactly; Discord-style retry_after in the body too', async () => {
    const s = fakeService([
      status(429, { 'Retry-After': '3' }),
      status(429, {}, '{"retry_after":0.25}'),
      status(200, {}, 'ok')
    ])
    const answer = await sendHttp(plan, { retries: 5, secrets: [], ...s.options })
    expect(answer).toMatchObject({ status: 200, attempts: 3 })
    expect(s.waits).toEqual([3000, 250])
  })

  test('5xx and network errors back off 1 s, 2 s, 4 s; a 4xx fails at once', async () => {
    const s = fakeService([
      status(503),
      status(500),
      () => {
        throw new TypeError('fetch failed')
      },
      status(200)
    ])
    await sendHttp(plan, { retries: 5, secrets: [], ...s.options })
    expect(s.waits).toEqual([1000, 2000, 4000])
    const bad = fakeService([status(404, {}, 'no such hook')])
    await expect(sendHttp(plan, { retries: 5, secrets: [], ...bad.options })).rejects.toThrow(
      'HTTP 404: no such hook'
    )
    expect(bad.calls()).toBe(1)
  })

  test('bounded in total time: 25 s waits stop before the 60 s budget, whatever the retries', async () => {
    const s = fakeService([status(429, { 'Retry-After': '25' })])
    const error = await sendHttp(plan, { retries: 10, secrets: [], ...s.options }).catch((e) => e)
    expect(error).toBeInstanceOf(HttpDeliveryError)
    // 0 s, 25 s, 50 s: a third wait would end past 60 s, so it gives up instead of waiting.
    expect(s.waits).toEqual([25_000, 25_000])
    expect(s.calls()).toBe(3)
  })

  test('errors are redacted', async () => {
    const s = fakeService([status(401, {}, 'token s3cr3t-token is invalid')])
    await expect(
      sendHttp(plan, { retries: 0, secrets: ['s3cr3t-token'], ...s.options })
    ).rejects.toThrow('HTTP 401: token *** is invalid')
  })
})
