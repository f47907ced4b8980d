/**
 * The host the dry run plays against: it keeps `keep-releases` releases (so the prune step shows
 * what it would delete), the newest one current, the one before it of the version `rollback-to`
 * names; the lock is free; every step succeeds. Targets add their own answers.
 */
import { releaseId } from '../../core/deploy/releases.js'
import type { Answers } from '../runners/scripted.js'
import type { HostPlan } from '../target.js'

export interface RehearsalHost {
  now: number
  current: string
  /** `current=…` and `release=…` lines, as the inspect steps print them. */
  releaseLines: string
  /** Answers for the steps every host target shares. */
  answers: Answers
}

export function rehearsalHost(plan: HostPlan): RehearsalHost {
  const wanted =
    plan.mode.kind === 'rollback' && plan.mode.to !== 'previous' ? plan.mode.to : 'previous'
  const count = Math.max(1, plan.keepReleases)
  const releases = Array.from({ length: count }, (_, i) => {
    const role = i === count - 1 ? 'current' : i === count - 2 ? wanted : `older-${i + 1}`
    return releaseId(new Date(i * 60_000), role, '0000')
  })
  const current = releases.at(-1) as string
  return {
    now: Math.floor(Date.now() / 1000),
    current,
    releaseLines: [`current=${current}`, ...releases.map((r) => `release=${r}`)].join('\n') + '\n',
    answers: {
      lock: 'acquired\n',
      'read current release': '{"version":"current"}\n',
      '*': ''
    }
  }
}
