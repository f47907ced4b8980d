/**
 * `target: git`: an app deployed from its repository, for what does not ship as a container (a
 * blog, a PHP site, a Python service under supervisor or systemd). Per host: fetch the exact
 * commit into the host's cache → its own release directory → linked shared files → build →
 * `current` switched atomically → restart → health. A failed build changes nothing live; a
 * failed restart or health check brings `current` back to the previous good release, restarts
 * and checks it again; the failed release is marked bad, so later rollbacks skip it.
 * Commands and decisions: src/core/deploy/git.ts.
 */
import {
  ancestorStep,
  atomicSwitchStep,
  buildStep,
  checkoutStep,
  discardGitReleaseStep,
  fetchStep,
  gitInspectStep,
  gitRollbackTarget,
  historyStep,
  linkStep,
  markBadStep,
  parseGitInspect,
  parseResolve,
  pruneGitStep,
  resolveStep,
  restartStep,
  rollbackCandidate,
  shortCommit,
  FULL_COMMIT,
  type GitHostState,
  type GitSource,
  type HistoryEntry
} from '../../core/deploy/git.js'
import { releaseId, releasesToPrune } from '../../core/deploy/releases.js'
import { healthUrlStep, hookStep } from '../../core/deploy/remote.js'
import { ConfigurationError, errorMessage } from '../../lib/errors.js'
import { pollUntil } from '../../lib/poll.js'
import type { HostSession } from '../session.js'
import { StepError, stepFailure, type Step, type StepRunner } from '../step.js'
import type { HostResult, HostTarget, ReleaseSpec } from '../target.js'
import { rehearsalHost } from './rehearsal.js'

export interface GitTargetOptions {
  source: GitSource
  /** The full commit id every host deploys (resolved once, before any host; see resolveCommit). */
  commit: string
  build?: string
  restart?: string
  linked: { files: string[]; dirs: string[] }
  /**
   * A commit `commit` must contain (the agent deploys its branch's head for a pushed commit):
   * checked in the cache right after the fetch, under the host's lock like the fetch itself, so
   * it never races another deploy's fetch; when it is not there, nothing changes.
   */
  contains?: { commit: string; branch: string }
}

/**
 * A branch or tag to its commit, asked once of the repository from the first host (which can
 * reach it, with the deploy key), before any host changes: a push landing later does not change
 * what this run deploys. A full commit id is used as it is.
 */
export async function resolveCommit(
  source: GitSource,
  ref: string,
  connect: () => Promise<StepRunner>
): Promise<string> {
  if (FULL_COMMIT.test(ref)) return ref
  const runner = await connect()
  try {
    const step = resolveStep(source, ref)
    const [result] = await runner.run([step])
    if (!result || result.code !== 0)
      throw stepFailure(step, result ?? { code: null, stdout: '', stderr: '' })
    const resolved = parseResolve(result.stdout, ref)
    if ('error' in resolved)
      throw new ConfigurationError(
        `Input 'commit': ${resolved.error} in ${source.repository} (as seen from ${runner.where}); expected a branch, a tag or a full commit id.`
      )
    return resolved.commit
  } finally {
    await runner.close()
  }
}

/** `release`: whether the failure is the release's own (its restart, its health), not the switch's. */
type Live = { ok: true } | { ok: false; reason: string; release?: false }

/** The health URL until it answers 2xx, quickly at first, backing off, until the timeout. */
async function waitHealthy(session: HostSession): Promise<Live> {
  const { healthUrl, healthTimeoutMs } = session.plan
  if (!healthUrl) return { ok: true }
  session.log(`▸ wait healthy (${healthUrl})`)
  const probe = healthUrlStep(healthUrl)
  const result = await pollUntil(async () => (await session.run([probe], { quiet: true }))[0], {
    clock: session.clock,
    timeoutMs: healthTimeoutMs,
    interval: session.backoff(),
    done: (r) => r?.code === 0
  })
  if (result.value?.code === 0) {
    session.log(`  healthy: ${healthUrl} answers`)
    return { ok: true }
  }
  const said = result.value?.stderr.trim().split('\n').at(-1) || `exit ${result.value?.code}`
  return {
    ok: false,
    reason: `${healthUrl} did not answer within ${Math.round(healthTimeoutMs / 1000)}s (${said})`
  }
}

export function gitTarget(options: GitTargetOptions): HostTarget<GitHostState> {
  const { source, commit } = options

  /** `current` → release, restart, health. */
  async function goLive(session: HostSession, release: string): Promise<Live> {
    const { layout } = session.plan
    const steps = [
      atomicSwitchStep(layout, release),
      ...(options.restart ? [restartStep(layout, options.restart)] : [])
    ]
    try {
      await session.run(steps)
    } catch (error) {
      // The switch or the restart failed: a verdict on the release. Anything else (the lock
      // taken in this round trip, a lost connection) is not, and ends the deploy.
      if (error instanceof StepError && steps.includes(error.step))
        return {
          ok: false,
          reason: errorMessage(error),
          // A failed switch says nothing of the release: it never ran.
          ...(error.step === steps[0] ? { release: false as const } : {})
        }
      throw error
    }
    return waitHealthy(session)
  }

  const history = (
    session: HostSession,
    entry: Omit<HistoryEntry, 'at' | 'actor' | 'runUrl'>
  ): Step =>
    historyStep(session.plan.layout, {
      at: new Date(session.clock.now()).toISOString(),
      ...entry,
      ...session.plan.owner
    })

  return {
    name: 'git',
    rolledBackBy: 'Gantry',
    headline: ({ app, what, hosts, maxParallel }) =>
      `Deploying ${app} ${what}${FULL_COMMIT.test(commit) && !what.startsWith('rollback') ? ` (commit ${commit})` : ''} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
    dryRunNote:
      'A branch or tag is resolved to its commit once, from the first host, before any host changes; a host whose cache has the commit fetches nothing.',

    inspectStep: gitInspectStep,
    parseInspect: parseGitInspect,

    async deploy(session, state, spec: ReleaseSpec): Promise<HostResult> {
      const { layout, rollback, keepReleases, token } = session.plan
      const version = spec.version
      const release =
        session.job.releaseId?.(version) ??
        releaseId(new Date(session.clock.now()), version, token.slice(0, 4))
      const before = session.before
      const previous = state.current
      // Fetch and check out in one round trip: until the release directory exists (renamed into
      // place at the end), a failure changes nothing on the host but its cache.
      const { contains } = options
      if (contains) {
        const [, verdict] = await session.run([
          fetchStep(layout, source, commit),
          ancestorStep(layout, contains.commit, commit)
        ])
        if (verdict?.code !== 0) {
          const message = `commit ${contains.commit} is not on branch ${contains.branch} (its head is ${shortCommit(commit)})`
          session.log(`✗ ${message}; nothing changed`)
          return { status: 'failed', after: before, attempted: version, message }
        }
        session.log(`${shortCommit(contains.commit)} is on ${contains.branch}`)
        await session.run([checkoutStep(layout, release, commit)])
      } else
        await session.run([
          fetchStep(layout, source, commit),
          checkoutStep(layout, release, commit)
        ])

      const prepare: Step[] = [
        ...(options.linked.files.length || options.linked.dirs.length
          ? [linkStep(layout, release, options.linked)]
          : []),
        ...(spec.preDeploy ? [hookStep(layout, release, 'pre-deploy', spec.preDeploy)] : []),
        ...(options.build ? [buildStep(layout, release, options.build)] : [])
      ]
      const failed = (reason: string): Step[] => [
        markBadStep(layout, release),
        history(session, { event: 'failed', release, commit, previous, message: reason })
      ]
      if (prepare.length) {
        try {
          await session.run(prepare)
        } catch (error) {
          const reason = errorMessage(error)
          session.log(`✗ ${version} failed before going live: ${reason}`)
          await session.run([...failed(reason), discardGitReleaseStep(layout, release)], {
            quiet: true
          })
          return {
            status: 'failed',
            after: before,
            attempted: version,
            message: `${reason}; nothing changed: ${previous ? `current is still ${before}` : 'no release was current'}`
          }
        }
      }

      const live = await goLive(session, release)
      if (live.ok) {
        const kept = [...new Set([...state.releases, release])].sort()
        const prune = releasesToPrune(kept, keepReleases, [
          release,
          previous,
          rollbackCandidate(state)
        ])
        await session.run([
          history(session, { event: 'deployed', release, commit, previous }),
          ...(spec.postDeploy ? [hookStep(layout, release, 'post-deploy', spec.postDeploy)] : []),
          pruneGitStep(layout, prune)
        ])
        return { status: 'deployed', after: version }
      }

      session.log(`✗ ${version} failed: ${live.reason}`)
      await session.run(failed(live.reason), { quiet: true })
      const back = rollback ? rollbackCandidate(state, commit) : undefined
      if (!back) {
        const why = rollback ? 'no previous good release to roll back to' : 'rollback is off'
        return { status: 'failed', after: version, message: `${live.reason} (${why})` }
      }
      const backVersion = shortCommit(state.revisions[back] ?? '') || before || back
      session.log(`↩ rolling back to ${backVersion} (${back})`)
      const again = await goLive(session, back)
      // What serves after a failed rollback is not known: no version is named.
      if (!again.ok)
        return {
          status: 'failed',
          attempted: version,
          message: `${live.reason}; the rollback to ${backVersion} is not healthy either: ${again.reason}`
        }
      await session.run(
        [
          history(session, {
            event: 'rolled-back',
            release: back,
            commit: state.revisions[back] ?? '',
            previous: release
          }),
          discardGitReleaseStep(layout, release)
        ],
        { quiet: true }
      )
      return {
        status: 'rolled-back',
        after: backVersion,
        attempted: version,
        message: `${version} failed (${live.reason}); rolled back to ${backVersion}, ${version} marked bad`
      }
    },

    async rollbackTo(session, state, to): Promise<HostResult> {
      const { layout } = session.plan
      const target = gitRollbackTarget(state, to)
      if ('error' in target)
        return { status: 'failed', message: `Cannot roll back: ${target.error}` }
      const targetCommit = state.revisions[target.release] ?? ''
      const version = shortCommit(targetCommit) || target.release
      session.log(`↩ rolling back to ${version} (${target.release})`)
      const live = await goLive(session, target.release)
      if (live.ok) {
        await session.run([
          history(session, {
            event: 'rollback',
            release: target.release,
            commit: targetCommit,
            previous: state.current
          })
        ])
        return { status: 'deployed', after: version }
      }
      if (live.release !== false)
        await session.run([markBadStep(layout, target.release)], { quiet: true })
      const current = state.current
      if (current) {
        session.log(`↩ ${version} is not healthy: back to ${session.before ?? current}`)
        const again = await goLive(session, current)
        if (again.ok)
          return {
            status: 'rolled-back',
            after: session.before,
            attempted: version,
            message: `the release ${version} is not healthy (${live.reason}); ${session.before} runs again`
          }
      }
      return {
        status: 'failed',
        after: version,
        message: `the release ${version} is not healthy: ${live.reason}`
      }
    },

    /** `current` serves (switched, then restarted); healthy when the health URL answers. */
    async serving(session, state, { health }) {
      const release = state.current
      if (!release) return { healthy: health ? false : undefined, detail: 'no release is current' }
      const version = session.before
      if (!health) return { release, version }
      const live = await waitHealthy(session)
      return live.ok
        ? { release, version, healthy: true }
        : { release, version, healthy: false, detail: live.reason }
    },

    rehearsal(plan) {
      const host = rehearsalHost(plan)
      const wanted = plan.mode.kind === 'rollback' ? plan.mode.to.toLowerCase() : ''
      const releases = host.releaseLines
        .split('\n')
        .filter((l) => l.startsWith('release='))
        .map((l) => l.slice('release='.length))
      // The release before the current one is the one `rollback-to` names.
      const revisions = releases.map((release, i) => {
        const named = i === releases.length - 2 && /^[0-9a-f]+$/.test(wanted) ? wanted : ''
        return `revision=${release} ${(named + String((i % 9) + 1).repeat(40)).slice(0, 40)}`
      })
      return {
        'inspect git releases': `now=${host.now}\ngit=yes\n${host.releaseLines}${revisions.join('\n')}\n`,
        ...host.answers
      }
    }
  }
}
