/**
 * Gantry's promises (README, "Reliability"), checked against the fake host (fake-host.ts) after a
 * run, fault or none. Each check returns what it found wrong, in words, so a fault matrix can list
 * every violation at once:
 *   I1 what serves is the newest healthy release asked for, or the one it replaced; never older.
 *   I2 the outcome (outputs, job record, GET /apps, notifications) and `current` name what serves.
 *   I3 the previous release's files and images are still on the host.
 *   I4 no lock is left by a run that has ended; nothing runs that no release directory names.
 *   I5 what is not Gantry's is untouched: shared (linked) paths, volumes, other apps' images.
 */
import type { RolloutOutcome } from '../../src/deploy/outcome.js'
import type { Step } from '../../src/deploy/step.js'
import { versionOf, type HostModel } from './fake-host.js'

export interface Before {
  current?: string
  servingVersion?: string
  currentVersion?: string
  shared: string[]
  foreignImages: string[]
}

export function snapshot(host: HostModel): Before {
  return {
    current: host.current,
    servingVersion: versionOf(host, host.serving),
    currentVersion: versionOf(host, host.current),
    shared: [...host.shared],
    foreignImages: [...host.foreignImages]
  }
}

export interface RunFacts {
  /** The version the run was asked to make live. */
  asked: string
  /** The run's lock token. */
  token: string
  outcome: RolloutOutcome
  ran: readonly Step[]
  /**
   * The run lost its connection: it cannot know what the host did after, so `current` naming
   * what serves is left to the next run (checked by its own facts, with `lost` false).
   */
  lost: boolean
  /**
   * The unlock itself failed: the lock stays until it is stale (lock-stale-seconds), when the
   * next run breaks it; the matrix's next run comes after that.
   */
  unlockFailed?: boolean
}

const VOLUME_REMOVAL = /\bdown\b[^\n]*\s(-v|--volumes)\b|\bvolume (rm|prune)\b|\bsystem prune\b/

/**
 * A run that lost its connection, or whose rollback failed too (a second failure), cannot keep
 * I1 and `current` in I2: it must then not name a version it does not know, and the next run
 * must restore everything (the fault matrix runs one after each fault and checks it strictly).
 */
const degraded = (run: RunFacts) =>
  run.lost ||
  (run.outcome.status === 'failed' &&
    /failed too|not healthy either/.test(run.outcome.message ?? ''))

export function violations(host: HostModel, before: Before, run: RunFacts): string[] {
  const found: string[] = []
  const served = versionOf(host, host.serving)
  const { outcome } = run
  // I1: the release asked for (healthy), or one it replaced: what served before, what `current`
  // named, what served when the first of these runs started (an interrupted run may have left a
  // release that was never found healthy).
  const allowed = [
    ...(host.healthy(run.asked) || degraded(run) ? [run.asked] : []),
    ...[before.servingVersion, before.currentVersion, host.replaced].filter(
      (v): v is string => v !== undefined
    )
  ]
  if (served !== undefined && !allowed.includes(served))
    found.push(`I1: ${served} serves; only ${[...new Set(allowed)].join(' or ') || 'nothing'} may`)
  if (served === undefined && before.servingVersion)
    found.push(`I1: nothing serves; ${before.servingVersion} did`)
  // I2: a deploy or rollback names what serves, in its outcome and in `current`; a failure names
  // nothing it does not know (`after`, when given, is what serves).
  if (outcome.after !== undefined && outcome.after !== served)
    found.push(
      `I2: the outcome (${outcome.status}) says ${outcome.after} is live; ${served ?? 'nothing'} serves`
    )
  if (outcome.status !== 'failed' && outcome.after === undefined)
    found.push(`I2: ${outcome.status}, but the outcome names no version`)
  const recorded = versionOf(host, host.current)
  if (outcome.status !== 'failed' && recorded !== served)
    found.push(`I2: current names ${recorded ?? 'nothing'}; ${served ?? 'nothing'} serves`)
  if (
    outcome.status === 'failed' &&
    !degraded(run) &&
    outcome.after === undefined &&
    outcome.before !== undefined &&
    outcome.before !== served
  )
    found.push(
      `I2: failed, saying ${outcome.before ?? 'nothing'} ran before and naming nothing after; ${served ?? 'nothing'} serves`
    )
  // I3
  if (before.current) {
    const previous = host.releases.get(before.current)
    if (!previous) found.push(`I3: the previous release ${before.current} is gone`)
    for (const image of previous?.images ?? [])
      if (!host.images.has(image)) found.push(`I3: the previous release's image ${image} is gone`)
  }
  // I4
  // A run that failed early may leave another's stale lock for the next run to break; never its
  // own, and a run that went through must have broken any stale one.
  if (
    host.lock &&
    !run.unlockFailed &&
    (host.lock.token === run.token || run.outcome.status !== 'failed')
  )
    found.push(`I4: the lock of ${host.lock.token} is still held after the run`)
  // An idle slot whose stop failed may run on while the proxy's record names what it runs (the
  // next deploy starts there); one that no record names is an orphan.
  if (host.bg && !degraded(run))
    for (const [slot, release] of Object.entries(host.bg.slots)) {
      const named = host.bg.record.releases?.[slot as 'blue' | 'green']
      if (release && slot !== host.bg.record.live && named !== versionOf(host, release))
        found.push(
          `I4: slot ${slot} runs ${versionOf(host, release)}, which neither a proxy route serves nor its record names`
        )
    }
  if (host.bg && served !== undefined && host.bg.record.live) {
    const named = host.bg.record.releases[host.bg.record.live]
    if (named !== served)
      found.push(`I2: the proxy record says ${named ?? 'nothing'} is live; ${served} serves`)
  }
  if (host.serving && !host.releases.has(host.serving))
    found.push(`I4: ${host.serving} serves but its release directory is gone`)
  // I5
  for (const path of before.shared)
    if (!host.shared.has(path)) found.push(`I5: ${path} was removed`)
  for (const image of before.foreignImages)
    if (!host.foreignImages.has(image)) found.push(`I5: another app's image ${image} was removed`)
  for (const path of host.removed)
    if (!/^(releases|bad)\/[^/]+$|^\.lock$/.test(path)) found.push(`I5: ${path} was removed`)
  for (const step of run.ran)
    if (VOLUME_REMOVAL.test(step.script)) found.push(`I5: ${step.name} removes volumes`)
  return found
}
