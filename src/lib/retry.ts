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
