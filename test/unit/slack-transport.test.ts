/**
 * The retry policy of src/io/slack.ts, on the SDKs' real error classes and a scripted attempt
 * with a fake clock: what is retried, how long it waits, when it gives up, and that no secret
 * reaches an error message.
 */
import { describe, expect, test } from '@jest/globals'
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError
} from '@slack/web-api'
import { IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook'
import {
  type SlackFailure,
  SlackAttemptError,
  SlackDeliveryError,
  apiArguments,
  failureFromSdk,
  retryDecision,
  sendToSlack,
  webhookPayload
} from '../../src/io/slack.js'

const fetchFailed = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5380'), { code: 'ECONNREFUSED' })
  })

describe('the SDKs’ errors as failures', () => {
  test.each([
    [
      'Web API 429 (rejectRateLimitedCalls)',
      new WebAPIRateLimitedError(3),
      undefined,
      {
        kind: 'rate-limited',
        status: 429,
        retryAfterMs: 3000,
        detail: 'Slack rate-limited the request (Retry-After: 3 s)'
      }
    ],
    [
      'Web API 500',
      new WebAPIHTTPError(
        500,
        'Internal Server Error',
        {},
        '{"ok":false,"error":"internal_error"}'
      ),
      undefined,
      {
        kind: 'http',
        status: 500,
        slackError: 'internal_error',
        detail: 'Slack answered HTTP 500 `internal_error`'
      }
    ],
    [
      'Web API ok: false',
      new WebAPIPlatformError({ ok: false, error: 'channel_not_found' }),
      undefined,
      {
        kind: 'slack',
        slackError: 'channel_not_found',
        detail: 'Slack answered `channel_not_found`'
      }
    ],
    [
      'Web API network error',
      new WebAPIRequestError(fetchFailed()),
      undefined,
      { kind: 'network', detail: 'could not reach Slack: fetch failed (ECONNREFUSED)' }
    ],
    [
      'webhook 429 with the Retry-After our fetch kept',
      new IncomingWebhookHTTPError(429, 'Too Many Requests', 'rate_limited'),
      '2',
      { kind: 'rate-limited', status: 429, retryAfterMs: 2000 }
    ],
    [
      'webhook 403',
      new IncomingWebhookHTTPError(403, 'Forbidden', 'invalid_token'),
      null,
      {
        kind: 'http',
        status: 403,
        slackError: 'invalid_token',
        detail: 'Slack answered HTTP 403 `invalid_token`'
      }
    ],
    [
      'webhook network error',
      new IncomingWebhookRequestError(fetchFailed()),
      null,
      { kind: 'network', detail: 'could not reach Slack: fetch failed (ECONNREFUSED)' }
    ],
    [
      'Web API 429 without Retry-After',
      new Error('Retry header did not contain a valid timeout (url: x, retry-after header: null)'),
      undefined,
      { kind: 'rate-limited', retryAfterMs: undefined }
    ]
  ])('%s', (_, error, retryAfter, expected) => {
    expect(failureFromSdk(error, retryAfter)).toMatchObject(expected)
  })
})

describe('retryDecision', () => {
  const f = (failure: Omit<SlackFailure, 'detail'>): SlackFailure => ({ detail: '', ...failure })
  test.each([
    [
      '429 waits Retry-After exactly',
      f({ kind: 'rate-limited', retryAfterMs: 1000 }),
      { afterMs: 1000 }
    ],
    ['429 without Retry-After backs off', f({ kind: 'rate-limited' }), true],
    [
      '429 asking for more than 30 s gives up',
      f({ kind: 'rate-limited', retryAfterMs: 120_000 }),
      false
    ],
    ['500', f({ kind: 'http', status: 500 }), true],
    ['503', f({ kind: 'http', status: 503 }), true],
    ['404 (webhook removed)', f({ kind: 'http', status: 404, slackError: 'no_service' }), false],
    ['network', f({ kind: 'network' }), true],
    ['ok: false internal_error', f({ kind: 'slack', slackError: 'internal_error' }), true],
    ['ok: false invalid_auth', f({ kind: 'slack', slackError: 'invalid_auth' }), false],
    ['ok: false channel_not_found', f({ kind: 'slack', slackError: 'channel_not_found' }), false]
  ])('%s', (_, failure, decision) => {
    expect(retryDecision(failure)).toEqual(decision)
  })
})

/** An attempt that fails with the given failures, in order, then answers. */
function scripted(failures: SlackFailure[]) {
  const calls: unknown[] = []
  const attempt = async (request: unknown) => {
    calls.push(request)
    const next = failures.shift()
    if (next) throw new SlackAttemptError(next)
    return { channel: 'C0123ABCD', ts: '1712345678.000100' }
  }
  return { calls, attempt }
}

function fakeClock() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

const API = { kind: 'api', token: 'xoxb-secret-token', apiUrl: 'https://slack.com/api/' } as const
const request = { message: { text: 'hi' }, channel: '#deploys' }
const status = (s: number): SlackFailure => ({
  kind: 'http',
  status: s,
  detail: `Slack answered HTTP ${s}`
})

describe('sendToSlack', () => {
  test('429 with Retry-After: 1, then success: one wait of exactly 1 s', async () => {
    const clock = fakeClock()
    const retries: string[] = []
    const { calls, attempt } = scripted([failureFromSdk(new WebAPIRateLimitedError(1))])
    const delivery = await sendToSlack(
      API,
      request,
      {
        retries: 2,
        secrets: [],
        sleep: clock.sleep,
        onRetry: (f, n, ms) => retries.push(`${n}: ${f.detail}, ${ms} ms`)
      },
      attempt
    )
    expect(delivery).toEqual({
      method: 'chat.postMessage',
      attempts: 2,
      channel: 'C0123ABCD',
      ts: '1712345678.000100'
    })
    expect(calls).toHaveLength(2)
    expect(clock.waits).toEqual([1000])
    expect(retries).toEqual(['1: Slack rate-limited the request (Retry-After: 1 s), 1000 ms'])
  })

  test('500 three times with retries 2: gives up after 3 attempts and 1 s + 2 s of backoff', async () => {
    const clock = fakeClock()
    const { calls, attempt } = scripted([status(500), status(500), status(500)])
    const error = await sendToSlack(
      API,
      request,
      { retries: 2, secrets: [], sleep: clock.sleep },
      attempt
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SlackDeliveryError)
    expect(error).toMatchObject({
      attempts: 3,
      method: 'chat.postMessage',
      failure: { status: 500 }
    })
    expect(calls).toHaveLength(3)
    expect(clock.waits).toEqual([1000, 2000])
  })

  test('500 twice, then success', async () => {
    const clock = fakeClock()
    const { attempt } = scripted([status(500), status(502)])
    const delivery = await sendToSlack(
      API,
      request,
      { retries: 2, secrets: [], sleep: clock.sleep },
      attempt
    )
    expect([delivery.attempts, clock.waits]).toEqual([3, [1000, 2000]])
  })

  test('invalid_auth is not retried', async () => {
    const clock = fakeClock()
    const { calls, attempt } = scripted([
      { kind: 'slack', slackError: 'invalid_auth', detail: 'Slack answered `invalid_auth`' }
    ])
    await expect(
      sendToSlack(API, request, { retries: 5, secrets: [], sleep: clock.sleep }, attempt)
    ).rejects.toMatchObject({
      attempts: 1,
      failure: { slackError: 'invalid_auth' }
    })
    expect([calls.length, clock.waits]).toEqual([1, []])
  })

  test('retries: 0 tries once', async () => {
    const clock = fakeClock()
    const { calls, attempt } = scripted([status(503)])
    await expect(
      sendToSlack(API, request, { retries: 0, secrets: [], sleep: clock.sleep }, attempt)
    ).rejects.toBeInstanceOf(SlackDeliveryError)
    expect(calls).toHaveLength(1)
  })

  test('a secret in any error text is cut out', async () => {
    const url = 'https://hooks.slack.com/services/T000/B000/s3cr3tKEY'
    const attempt = async () => {
      throw new TypeError(`Failed to parse URL from ${url}`)
    }
    const error = (await sendToSlack(
      { kind: 'webhook', url },
      request,
      { retries: 0, secrets: [url] },
      attempt
    ).catch((e: unknown) => e)) as SlackDeliveryError
    expect(error.failure.detail).toBe('Failed to parse URL from ***')
    expect(error.message).not.toContain('s3cr3tKEY')
  })

  test('chat.update when update-ts is given', async () => {
    const { attempt } = scripted([])
    const d = await sendToSlack(
      API,
      { ...request, updateTs: '1712345678.000100' },
      { retries: 0, secrets: [] },
      attempt
    )
    expect(d.method).toBe('chat.update')
  })
})

describe('request arguments', () => {
  const message = {
    text: 'hi',
    blocks: [],
    attachments: [],
    username: 'ci',
    channel: '#from-payload'
  }
  test('chat.postMessage: the message, the channel input over the payload’s, the thread', () => {
    expect(apiArguments({ message, channel: 'C1', threadTs: '1.2' })).toEqual({
      ...message,
      channel: 'C1',
      thread_ts: '1.2'
    })
    expect(apiArguments({ message })).toMatchObject({ channel: '#from-payload' })
  })
  test('chat.update: only what chat.update takes', () => {
    expect(apiArguments({ message, channel: 'C1', updateTs: '1.2' })).toEqual({
      channel: 'C1',
      ts: '1.2',
      text: 'hi',
      blocks: [],
      attachments: [],
      metadata: undefined
    })
  })
  test('webhook: channel and thread only when given', () => {
    expect(webhookPayload({ message: { text: 'hi' } })).toEqual({ text: 'hi' })
    expect(webhookPayload({ message: { text: 'hi' }, channel: '#x', threadTs: '1.2' })).toEqual({
      text: 'hi',
      channel: '#x',
      thread_ts: '1.2'
    })
  })
})
