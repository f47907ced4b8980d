/**
 * The one retry helper: bounded attempts, exponential backoff, and a server's own wait
 * (`Retry-After`) when the classifier returns one. Delays go through an injectable sleep so tests
 * pass a fake clock instead of waiting.
 */
export type RetryDecision = false | true | { afterMs: number }

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs?: number
  /** Whether (and after how long) a failure is worth another attempt. */
  retryable: (error: unknown) => RetryDecision
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  sleep?: (ms: number) => Promise<void>
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const sleep = options.sleep ?? realSleep
  const max = options.maxDelayMs ?? 30_000
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      const decision = attempt < options.attempts ? options.retryable(error) : false
      if (decision === false) throw error
      const delayMs =
        decision === true
          ? Math.min(max, options.baseDelayMs * 2 ** (attempt - 1))
          : Math.min(max, decision.afterMs)
      options.onRetry?.(error, attempt, delayMs)
      await sleep(delayMs)
    }
  }
}

/**
 * Whether an HTTP answer is worth another attempt: 408, 429 and 5xx are the server's trouble,
 * any other status is the request's. A `Retry-After` is waited for exactly; one longer than
 * `maxDelayMs` is not worth waiting for (waiting less than asked only earns another 429, waiting
 * longer stalls the pipeline), so the failure is reported at once.
 */
export function httpRetryDecision(
  status: number,
  retryAfterMs: number | undefined,
  maxDelayMs: number
): RetryDecision {
  if (status !== 408 && status !== 429 && status < 500) return false
  if (retryAfterMs === undefined) return true
  return retryAfterMs <= maxDelayMs ? { afterMs: retryAfterMs } : false
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now()
): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
