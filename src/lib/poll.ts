/**
 * The one poll-until loop: observe, stop when the observation settles, else wait and observe
 * again until a deadline. The wait starts short and backs off (most things we wait for are ready
 * within a moment, some take minutes), is never longer than the time left, and goes through the
 * injected Clock so tests and the dry run do not wait. The last observation is always made at or
 * after the deadline, so a timeout reports the freshest state, not one from a poll ago.
 */
import type { Clock } from './clock.js'

export interface Backoff {
  /** The first wait between two observations. */
  initialMs: number
  /** The longest wait (the interval once backed off). */
  maxMs: number
  /** Each wait is the previous one times this (1 = a fixed interval). Default 2. */
  factor?: number
}

export interface PollOptions<T> {
  clock: Clock
  /** How long to keep observing, from the call. */
  timeoutMs: number
  /** A number is a fixed interval. */
  interval: number | Backoff
  /** Whether this observation ends the wait. */
  done: (value: T, attempt: number) => boolean
  /** Wait once before the first observation (for states that change only a moment after an action). */
  delayFirst?: boolean
}

export type PollResult<T> =
  | { settled: true; value: T; attempts: number; elapsedMs: number }
  | { settled: false; value: T; attempts: number; elapsedMs: number }

/** The waits a backoff gives, one per call: initial, initial×factor, … up to max. */
export function backoffWaits(interval: number | Backoff): () => number {
  const b = typeof interval === 'number' ? { initialMs: interval, maxMs: interval } : interval
  const factor = b.factor ?? 2
  let next = Math.min(b.initialMs, b.maxMs)
  return () => {
    const wait = next
    next = Math.min(b.maxMs, next * factor)
    return wait
  }
}

/**
 * Observes until `done`, or until `timeoutMs` has passed; returns the last observation either
 * way (`settled` tells which). Errors thrown by `observe` propagate: a poll is no retry.
 */
export async function pollUntil<T>(
  observe: (attempt: number) => Promise<T>,
  options: PollOptions<T>
): Promise<PollResult<T>> {
  const { clock } = options
  const started = clock.now()
  const deadline = started + options.timeoutMs
  const nextWait = backoffWaits(options.interval)
  if (options.delayFirst) await clock.sleep(Math.min(nextWait(), options.timeoutMs))
  for (let attempt = 1; ; attempt++) {
    const value = await observe(attempt)
    const elapsedMs = clock.now() - started
    if (options.done(value, attempt)) return { settled: true, value, attempts: attempt, elapsedMs }
    const left = deadline - clock.now()
    if (left <= 0) return { settled: false, value, attempts: attempt, elapsedMs }
    await clock.sleep(Math.min(nextWait(), left))
  }
}
