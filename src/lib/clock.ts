/** Time as a dependency: the real one, or a fake that tests advance without waiting. */
import { realSleep } from './retry.js'

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = { now: () => Date.now(), sleep: realSleep }

/**
 * A clock whose sleeps return at once and move its time forward: the dry run walks the real
 * deploy sequence with it (every wait and timeout plays out, nothing waits).
 */
export function instantClock(start = Date.now()): Clock & { slept: number[] } {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    }
  }
}
