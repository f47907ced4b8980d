/**
 * Sends the planned requests of src/core/notify/render.ts over HTTP (fetch), with src/lib/retry.ts:
 * a 429 waits what the service says (`Retry-After`, or Discord's `retry_after` in the body), 5xx,
 * 408 and network errors back off (1 s, 2 s, 4 s, …), anything else fails at once. Bounded in
 * attempts and in total time per request, and every message is redacted before it leaves here.
 */
import type { HttpRequestPlan } from '../core/notify/render.js'
import { redact } from '../lib/redact.js'
import { parseRetryAfter, retry } from '../lib/retry.js'

export interface HttpAnswer {
  status: number
  body: string
  attempts: number
}

export interface HttpFailure {
  kind: 'rate-limited' | 'http' | 'network'
  status?: number
  retryAfterMs?: number
  detail: string
}

export class HttpAttemptError extends Error {
  constructor(readonly failure: HttpFailure) {
    super(failure.detail)
  }
}

export class HttpDeliveryError extends Error {
  constructor(
    readonly failure: HttpFailure,
    readonly attempts: number
  ) {
    super(failure.detail)
  }
}

export interface HttpSendOptions {
  /** Retries after the first attempt. */
  retries: number
  secrets: string[]
  baseDelayMs?: number
  /** The longest wait between attempts; a longer Retry-After gives up instead. */
  maxDelayMs?: number
  /** Per attempt. */
  timeoutMs?: number
  /** All attempts and waits of one request together. */
  budgetMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  fetch?: typeof fetch
  onRetry?: (failure: HttpFailure, attempt: number, delayMs: number) => void
}

export const DEFAULTS = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
  budgetMs: 60_000
}

/** Discord answers a 429 with `{ "retry_after": 1.5 }` (seconds) besides the header. */
function retryAfterOf(headers: Headers, body: string): number | undefined {
  const header = parseRetryAfter(headers.get('retry-after'))
  if (header !== undefined) return header
  try {
    const value = (JSON.parse(body) as { retry_after?: unknown }).retry_after
    return typeof value === 'number' && value >= 0 ? Math.ceil(value * 1000) : undefined
  } catch {
    return undefined
  }
}

/** The first words of an error answer, for the warning: services often say what is wrong. */
function answerExcerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  return text ? `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}` : ''
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out'
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const why =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : undefined
  return why && !error.message.includes(why) ? `${error.message} (${why})` : error.message
}

export async function sendHttp(
  plan: HttpRequestPlan,
  options: HttpSendOptions
): Promise<HttpAnswer> {
  const f = options.fetch ?? fetch
  const now = options.now ?? Date.now
  const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs
  const maxDelay = options.maxDelayMs ?? DEFAULTS.maxDelayMs
  const budget = options.budgetMs ?? DEFAULTS.budgetMs
  const timeout = options.timeoutMs ?? DEFAULTS.timeoutMs
  const started = now()
  const failureOf = (error: unknown): HttpFailure => {
    const failure =
      error instanceof HttpAttemptError
        ? error.failure
        : { kind: 'network' as const, detail: `could not reach it: ${describeError(error)}` }
    return { ...failure, detail: redact(failure.detail, options.secrets) }
  }
  let attempts = 0
  try {
    return await retry(
      async () => {
        attempts++
        const remaining = budget - (now() - started)
        const response = await f(plan.url, {
          method: plan.method,
          headers: plan.headers,
          body: plan.body,
          redirect: 'error',
          signal: AbortSignal.timeout(Math.max(1000, Math.min(timeout, remaining)))
        })
        const body = await response.text()
        if (response.ok) return { status: response.status, body, attempts }
        if (response.status === 429) {
          const retryAfterMs = retryAfterOf(response.headers, body)
          const wait =
            retryAfterMs === undefined
              ? ''
              : ` (retry after ${Math.round(retryAfterMs / 100) / 10} s)`
          throw new HttpAttemptError({
            kind: 'rate-limited',
            status: 429,
            retryAfterMs,
            detail: `rate-limited: HTTP 429${wait}`
          })
        }
        throw new HttpAttemptError({
          kind: 'http',
          status: response.status,
          detail: `HTTP ${response.status}${answerExcerpt(body)}`
        })
      },
      {
        attempts: options.retries + 1,
        baseDelayMs: base,
        maxDelayMs: maxDelay,
        retryable: (error) => {
          const failure = failureOf(error)
          const backoff = Math.min(maxDelay, base * 2 ** (attempts - 1))
          let delay: number | undefined
          if (failure.kind === 'rate-limited') delay = failure.retryAfterMs ?? backoff
          else if (failure.kind === 'network') delay = backoff
          else if (
            failure.status !== undefined &&
            (failure.status >= 500 || failure.status === 408)
          )
            delay = backoff
          if (delay === undefined || delay > maxDelay) return false
          // Waiting past the budget would only delay the pipeline: give up now instead.
          if (now() - started + delay + 1000 > budget) return false
          return { afterMs: delay }
        },
        onRetry: (error, n, delayMs) => options.onRetry?.(failureOf(error), n, delayMs),
        sleep: options.sleep
      }
    )
  } catch (error) {
    throw new HttpDeliveryError(failureOf(error), attempts)
  }
}
