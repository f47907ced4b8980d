/**
 * Sends a message to Slack with the official SDKs: an incoming webhook (@slack/webhook) or the
 * Web API with a token (@slack/web-api: chat.postMessage, chat.update). Both SDKs load lazily, so
 * an action that fails on its inputs never pays for them.
 *
 * Retries are ours, not the SDKs': their own are switched off (`retries: 0`, rate-limited calls
 * rejected instead of waited out) and every failure is turned into a `SlackFailure` that
 * src/lib/retry.ts classifies: 429 waits exactly `Retry-After` (up to a bound), 5xx and network
 * errors back off, anything else fails at once. So the whole send is bounded, and tests drive
 * it with a fake sleep.
 */
import type { Logger, LogLevel, WebAPICallResult } from '@slack/web-api'
import type { SlackMessage } from '../core/slack/message.js'
import { type RetryDecision, httpRetryDecision, parseRetryAfter, retry } from '../lib/retry.js'
import { redact } from '../lib/redact.js'

export type SlackTransport =
  { kind: 'webhook'; url: string } | { kind: 'api'; token: string; apiUrl: string }

export interface SlackRequest {
  message: SlackMessage
  /** Web API: where to post (an ID or `#name`); chat.update needs the ID. */
  channel?: string
  /** Update this message (chat.update) instead of posting a new one. */
  updateTs?: string
  /** Post as a reply in this thread. */
  threadTs?: string
}

export type SlackMethod = 'webhook' | 'chat.postMessage' | 'chat.update'

export interface SlackDelivery {
  method: SlackMethod
  /** The channel ID Slack answered with (Web API only). */
  channel?: string
  /** The message's ts (Web API only: webhooks answer a bare `ok`). */
  ts?: string
  attempts: number
}

/** One failed attempt, in terms the retry policy and the user both understand. */
export interface SlackFailure {
  kind: 'rate-limited' | 'http' | 'network' | 'slack'
  status?: number
  /** Slack's error code: `invalid_auth`, `channel_not_found`, … */
  slackError?: string
  retryAfterMs?: number
  /** What happened, with no secret in it. */
  detail: string
}

export class SlackAttemptError extends Error {
  constructor(readonly failure: SlackFailure) {
    super(failure.detail)
  }
}

export class SlackDeliveryError extends Error {
  constructor(
    readonly failure: SlackFailure,
    readonly attempts: number,
    readonly method: SlackMethod
  ) {
    super(failure.detail)
  }
}

export interface SendOptions {
  /** Retries after the first attempt. */
  retries: number
  /** Backoff of 5xx and network errors: 1 s, 2 s, 4 s, … */
  baseDelayMs?: number
  /** The longest wait between attempts; a longer Retry-After gives up instead. */
  maxDelayMs?: number
  /** Per attempt. */
  timeoutMs?: number
  /** Values to cut out of any text we pass on (the webhook URL, the token). */
  secrets: string[]
  sleep?: (ms: number) => Promise<void>
  onRetry?: (failure: SlackFailure, attempt: number, delayMs: number) => void
  debug?: (message: string) => void
}

export const DEFAULT_BASE_DELAY_MS = 1000
export const DEFAULT_MAX_DELAY_MS = 30_000
export const DEFAULT_TIMEOUT_MS = 10_000

/** One attempt, throwing SlackAttemptError; swappable in tests. */
export type SlackAttempt = (request: SlackRequest) => Promise<{ channel?: string; ts?: string }>

export function methodOf(transport: SlackTransport, request: SlackRequest): SlackMethod {
  if (transport.kind === 'webhook') return 'webhook'
  return request.updateTs ? 'chat.update' : 'chat.postMessage'
}

export async function sendToSlack(
  transport: SlackTransport,
  request: SlackRequest,
  options: SendOptions,
  attempt?: SlackAttempt
): Promise<SlackDelivery> {
  const method = methodOf(transport, request)
  const once = attempt ?? (await sdkAttempt(transport, options))
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS
  let attempts = 0
  try {
    const answer = await retry(
      async () => {
        attempts++
        return await once(request)
      },
      {
        attempts: options.retries + 1,
        baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
        maxDelayMs,
        retryable: (error) => retryDecision(failureOf(error, options.secrets), maxDelayMs),
        onRetry: (error, n, delayMs) =>
          options.onRetry?.(failureOf(error, options.secrets), n, delayMs),
        sleep: options.sleep
      }
    )
    return { method, attempts, ...answer }
  } catch (error) {
    throw new SlackDeliveryError(failureOf(error, options.secrets), attempts, method)
  }
}

/** Slack errors that say "try again": its servers' trouble, not the request's. */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited'
])

export function retryDecision(
  failure: SlackFailure,
  maxDelayMs = DEFAULT_MAX_DELAY_MS
): RetryDecision {
  switch (failure.kind) {
    case 'rate-limited':
      return httpRetryDecision(429, failure.retryAfterMs, maxDelayMs)
    case 'http':
      return (
        failure.status !== undefined &&
        httpRetryDecision(failure.status, failure.retryAfterMs, maxDelayMs)
      )
    case 'network':
      return true
    case 'slack':
      return failure.slackError !== undefined && TRANSIENT.has(failure.slackError)
  }
}

/** Any error of an attempt (ours, the SDKs', fetch's) as a SlackFailure. */
export function failureOf(error: unknown, secrets: string[]): SlackFailure {
  const failure =
    error instanceof SlackAttemptError
      ? error.failure
      : { kind: 'network' as const, detail: describeError(error) }
  return { ...failure, detail: redact(failure.detail, secrets) }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const why = code ?? (typeof cause?.message === 'string' ? cause.message : undefined)
  return why && !error.message.includes(why) ? `${error.message} (${why})` : error.message
}

interface SdkError {
  code?: string
  statusCode?: number
  retryAfter?: number
  headers?: Record<string, string>
  body?: unknown
  data?: { error?: string }
  original?: Error
}

/** The SDKs' errors (told apart by their documented `code`) as SlackFailures. */
export function failureFromSdk(error: unknown, retryAfterHeader?: string | null): SlackFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkError
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return rateLimited(typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined)
    case 'slack_webapi_platform_error': {
      const slackError = e.data?.error ?? 'unknown_error'
      return { kind: 'slack', slackError, detail: `Slack answered \`${slackError}\`` }
    }
    case 'slack_webapi_http_error':
    case 'slack_webhook_http_error': {
      const status = e.statusCode ?? 0
      const header = e.headers?.['retry-after'] ?? retryAfterHeader
      if (status === 429) return rateLimited(parseRetryAfter(header))
      const slackError = slackErrorOfBody(e.body)
      return {
        kind: 'http',
        status,
        slackError,
        detail: `Slack answered HTTP ${status}${slackError ? ` \`${slackError}\`` : ''}`
      }
    }
    case 'slack_webapi_request_error':
    case 'slack_webhook_request_error':
      return {
        kind: 'network',
        detail: `could not reach Slack: ${describeError(e.original ?? error)}`
      }
    default:
      // The Web API's 429 without a usable Retry-After is a plain Error.
      if (error instanceof Error && /rate limit|retry header/i.test(error.message))
        return rateLimited(undefined)
      return { kind: 'network', detail: `could not reach Slack: ${describeError(error)}` }
  }
}

function rateLimited(retryAfterMs: number | undefined): SlackFailure {
  const wait =
    retryAfterMs === undefined ? '' : ` (Retry-After: ${Math.round(retryAfterMs / 1000)} s)`
  return {
    kind: 'rate-limited',
    status: 429,
    retryAfterMs,
    detail: `Slack rate-limited the request${wait}`
  }
}

/** Webhooks answer errors as a short text (`invalid_token`); the Web API as JSON. */
function slackErrorOfBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim()
    if (/^[a-z_]{2,60}$/.test(text)) return text
    try {
      return slackErrorOfBody(JSON.parse(text))
    } catch {
      return undefined
    }
  }
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'string'
  )
    return (body as { error: string }).error
  return undefined
}

/** Logs of the SDKs go to debug, redacted: they are for whoever turns debug logging on. */
function sdkLogger(debug: (message: string) => void, secrets: string[]): Logger {
  const log = (...parts: unknown[]) =>
    debug(redact(`slack: ${parts.map(String).join(' ')}`, secrets))
  return {
    debug: log,
    info: log,
    warn: log,
    error: log,
    setLevel: () => {},
    getLevel: () => 'debug' as LogLevel,
    setName: () => {}
  }
}

async function sdkAttempt(transport: SlackTransport, options: SendOptions): Promise<SlackAttempt> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const debug = options.debug ?? (() => {})
  if (transport.kind === 'webhook') {
    const { IncomingWebhook } = await import('@slack/webhook')
    // The webhook SDK's errors carry no headers; keep the last answer's Retry-After ourselves.
    let retryAfter: string | null = null
    const webhook = new IncomingWebhook(transport.url, {
      timeout,
      retryConfig: { retries: 0 },
      fetch: async (url, init) => {
        const response = await fetch(url, init)
        retryAfter = response.headers.get('retry-after')
        return response
      }
    })
    return async (request) => {
      retryAfter = null
      try {
        await webhook.send(webhookPayload(request))
        return {}
      } catch (error) {
        throw new SlackAttemptError(failureFromSdk(error, retryAfter))
      }
    }
  }
  const { WebClient } = await import('@slack/web-api')
  const client = new WebClient(transport.token, {
    slackApiUrl: transport.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout,
    logger: sdkLogger(debug, options.secrets)
  })
  return async (request) => {
    const method = request.updateTs ? 'chat.update' : 'chat.postMessage'
    try {
      const result: WebAPICallResult & { channel?: string; ts?: string } = await client.apiCall(
        method,
        apiArguments(request)
      )
      return { channel: result.channel, ts: result.ts }
    } catch (error) {
      throw new SlackAttemptError(failureFromSdk(error))
    }
  }
}

export function webhookPayload(request: SlackRequest): SlackMessage {
  return {
    ...request.message,
    ...(request.channel ? { channel: request.channel } : {}),
    ...(request.threadTs ? { thread_ts: request.threadTs } : {})
  }
}

export function apiArguments(request: SlackRequest): Record<string, unknown> {
  const channel = request.channel ?? request.message.channel
  if (request.updateTs) {
    const { text, blocks, attachments, metadata } = request.message
    return { channel, ts: request.updateTs, text, blocks, attachments, metadata }
  }
  return {
    ...request.message,
    channel,
    ...(request.threadTs ? { thread_ts: request.threadTs } : {})
  }
}
