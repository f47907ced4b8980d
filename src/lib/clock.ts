/** Time as a dependency: the real one, or a fake that tests advance without waiting. */
import { realSleep } from './retry.js'

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = { now: () => Date.now(), sleep: realSleep }
