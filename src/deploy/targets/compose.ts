/**
 * `target: compose`: the release's compose project on each host. Pull (a failed pull changes
 * nothing), `up`, wait until healthy (containers, their health checks, the health URL), then
 * switch `current`; an unhealthy release brings the previous one up again (rollback: true).
 * Commands: src/core/deploy/remote.ts; decisions: src/core/deploy/releases.ts.
 */
import {
  discardReleaseStep,
  healthProbeStep,
  healthUrlStep,
  inspectStep,
  parseRunningRelease,
  pullStep,
  runningReleaseStep,
  statusStep,
  switchStep,
  upStep,
  type AppLayout,
  type ComposeCommand
} from '../../core/deploy/remote.js'
import { describeFailure, failureReportStep } from '../../core/deploy/blue-green.js'
import {
  evaluateWithProbes,
  parseInspect,
  parseStatus,
  rollbackTarget,
  type HostState
} from '../../core/deploy/releases.js'
import { errorMessage } from '../../lib/errors.js'
import { pollUntil } from '../../lib/poll.js'
import { hostOutputLine } from '../output.js'
import type { HostSession } from '../session.js'
import { isTimeout, StepError, type Step } from '../step.js'
import type { HostResult, HostTarget, ReleaseSpec, Serving } from '../target.js'
import { rehearsalHost } from './rehearsal.js'

export interface ComposeHostState extends HostState {
  compose: ComposeCommand
}

/** Without any health check, containers that keep running this long count as up. */
const STEADY_MS = 1000

type Health = { ok: true } | { ok: false; reason: string }

/**
 * Runs `first` (the `up`) with the first look at the containers in one round trip, then looks
 * again, quickly at first and backing off, until healthy, failed or out of time. A container
 * Docker still calls `starting` has its own health check run by Gantry at once (Docker's first
 * check comes one `interval` after the start): passing, it counts as up; Docker's `unhealthy`
 * alone fails it.
 */
export async function waitHealthy(
  session: HostSession,
  // undefined: only looks (recovery's check of what already runs).
  up: Step | undefined,
  before: Step[] = [],
  // Blue-green checks a slot: its own compose project, the health URL on the slot's port.
  target: { layout: AppLayout; healthUrl?: string } = session.plan
): Promise<Health> {
  const { clock, plan } = session
  const { healthTimeoutMs } = plan
  const { layout, healthUrl } = target
  let starting: Step[] = []
  let announced = false
  let upSince: number | undefined
  const observe = async (attempt: number) => {
    const status = statusStep(layout)
    // The health checks of the containers Docker last called `starting`, run now.
    const probes = starting
    const url = healthUrl ? healthUrlStep(healthUrl) : undefined
    const look = [status, ...probes, ...(url ? [url] : [])]
    const steps = [...(attempt === 1 ? [...before, ...(up ? [up] : [])] : []), ...look]
    const results = await session.run(steps, { quiet: look }).catch((error: unknown) => {
      // `up` or a look at the containers failing is the release's failure; a step before `up`
      // (the lock, the upload, the pull) changed nothing, and stays an error. A step killed at
      // its time limit (the local runner's step timeout) is a failure of the release wherever
      // it hung: a hook or a pull cut off midway may have changed things, so it rolls back. Not
      // the lock's take (the session's, in this round trip): without the lock nothing may change.
      if (
        error instanceof StepError &&
        (error.step === up ||
          look.includes(error.step) ||
          (isTimeout(error) && before.includes(error.step)))
      )
        throw new ReleaseFailure(errorMessage(error))
      throw error
    })
    if (!announced) session.log(`▸ wait healthy${healthUrl ? ` (${healthUrl})` : ''}`)
    announced = true
    const result = (step: Step) => results[steps.indexOf(step)]
    const containers = parseStatus(result(status)?.stdout ?? '')
    starting = containers.flatMap((c) =>
      c.health === 'starting' && c.id && c.check
        ? [healthProbeStep({ id: c.id, service: c.service, argv: c.check })]
        : []
    )
    // A service passes when every probe of its containers did.
    const probed = new Map<string, boolean>()
    for (const p of probes) {
      const service = p.name.replace(/^health check /, '')
      probed.set(service, (probed.get(service) ?? true) && result(p)?.code === 0)
    }
    const passed = new Set([...probed].filter(([, ok]) => ok).map(([service]) => service))
    const verdict = evaluateWithProbes(containers, passed)
    if (verdict.health !== 'up') upSince = undefined
    if (verdict.health !== 'up') return { ...verdict, done: verdict.health === 'failed' }
    const probe = url && result(url)
    if (probe) {
      if (probe.code === 0) return { health: 'up', detail: `${healthUrl} answers`, done: true }
      const said = probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`
      return {
        health: 'waiting',
        detail: `${healthUrl} does not answer yet (${said})`,
        done: false
      }
    }
    if (containers.some((c) => c.health !== 'none')) return { ...verdict, done: true }
    upSince ??= clock.now()
    return { ...verdict, done: clock.now() - upSince >= STEADY_MS }
  }
  const result = await pollUntil(observe, {
    clock,
    timeoutMs: healthTimeoutMs,
    interval: session.backoff(),
    done: (v) => v.done
  })
  const { value } = result
  if (value.done && value.health === 'up') {
    session.log(hostOutputLine(`healthy: ${value.detail}`))
    return { ok: true }
  }
  if (value.health === 'failed') return { ok: false, reason: value.detail }
  return {
    ok: false,
    reason: `not healthy after ${Math.round(healthTimeoutMs / 1000)}s: ${value.detail}`
  }
}

/** The new release did not come up: a reason to roll back. */
class ReleaseFailure extends Error {}

/**
 * `before` (the release's upload and pull) and `up`, then the wait, the first steps in one round
 * trip. A failure before `up` changed nothing and is thrown (a lost connection too: how far the
 * steps got is unknown); a failed `up` is a failure of the release, with its reason. Either way a
 * failed release's reason carries its containers' exit codes and last log lines.
 */
async function upAndWait(
  session: HostSession,
  compose: ComposeCommand,
  release: string,
  before: Step[] = []
): Promise<Health | { ok: false; reason: string; error: true }> {
  const project = session.plan.layout.project
  let health: Health
  try {
    health = await waitHealthy(session, upStep(session.plan.layout, compose, release), before)
  } catch (error) {
    if (!(error instanceof ReleaseFailure)) throw error
    return {
      ok: false,
      reason: error.message + (await failureDetail(session, project)),
      error: true
    }
  }
  if (health.ok) return health
  return { ok: false, reason: health.reason + (await failureDetail(session, project)) }
}

/**
 * Why a project's release failed, for the message: each container's state, exit code and health
 * and its last log lines (` (container of app exited (exit code 1); last log lines: …)`), or
 * nothing when the host cannot say.
 */
export async function failureDetail(session: HostSession, project: string): Promise<string> {
  try {
    const [report] = await session.run([{ ...failureReportStep(project), mayFail: true }], {
      quiet: true
    })
    const text = describeFailure(report?.stdout ?? '')
    return text ? ` (${text})` : ''
  } catch {
    return '' // the report is a courtesy: the failure itself is already known
  }
}

/**
 * The release a compose project runs (its containers' directory; `current` when they cannot
 * say) and, with `check`, whether it passes the deploy's own health check, looked at only.
 */
export async function servingProject(
  session: HostSession,
  state: HostState,
  project: string,
  check?: { layout: AppLayout; healthUrl?: string },
  // When no container says: `current` (compose), the version the proxy names (blue-green).
  otherwise: { release?: string; version?: string } = { release: state.current }
): Promise<Serving> {
  const ran = await session.runOne(runningReleaseStep(project), { quiet: true })
  const release = parseRunningRelease(ran.stdout) ?? otherwise.release
  const version =
    release === undefined
      ? otherwise.version
      : release === state.current && session.before
        ? session.before
        : await session.versionOf(release)
  if (!release && !version) return { healthy: check ? false : undefined, detail: 'nothing runs' }
  if (!check) return { release, version }
  const health = await waitHealthy(session, undefined, [], check).catch((error: unknown) => ({
    ok: false as const,
    reason: errorMessage(error)
  }))
  return health.ok
    ? { release, version, healthy: true }
    : { release, version, healthy: false, detail: health.reason }
}

/** After `current` was switched to the new release: the previous one up, `current` back to it. */
async function rollBackLive(
  session: HostSession,
  state: ComposeHostState,
  spec: ReleaseSpec,
  release: string,
  failure: string
): Promise<HostResult> {
  const previous = state.current as string
  const before = session.before ?? previous
  session.log(`✗ ${spec.version} failed: ${failure}`)
  session.log(`↩ rolling back to ${before}`)
  const again = await upAndWait(session, state.compose, previous)
  // What serves after a failed rollback is not known: no version is named.
  if (!again.ok)
    return {
      status: 'failed',
      attempted: spec.version,
      message: `${failure}; the rollback failed too: ${again.reason}`
    }
  await session.run([switchStep(session.plan.layout, previous)])
  await discard(session, state, release)
  return {
    status: 'rolled-back',
    after: before,
    attempted: spec.version,
    message: `${spec.version} failed (${failure}); rolled back to ${before}`
  }
}

/** Removes a failed release that is not live; a failure here leaves disk used, nothing more. */
async function discard(session: HostSession, state: ComposeHostState, release: string) {
  await session
    .run([discardReleaseStep(session.plan.layout, release, state.compose)])
    .catch(() => undefined)
}

/**
 * A `rollback-to` that failed once its release was started: the release `current` names comes
 * up again (and `current` names it), so what serves is what the host says.
 */
async function backToCurrent(
  session: HostSession,
  state: ComposeHostState,
  version: string,
  failure: string
): Promise<HostResult> {
  const before = session.before
  if (!state.current) return { status: 'failed', message: failure }
  session.log(`✗ ${failure}`)
  session.log(`↩ back to ${before ?? state.current}`)
  const again = await upAndWait(session, state.compose, state.current)
  if (!again.ok)
    return {
      status: 'failed',
      attempted: version,
      message: `${failure}; going back failed too: ${again.reason}`
    }
  await session.run([switchStep(session.plan.layout, state.current)])
  return {
    status: 'rolled-back',
    after: before,
    attempted: version,
    message: `${failure}; ${before} runs again`
  }
}

export const composeTarget: HostTarget<ComposeHostState> = {
  name: 'compose',
  rolledBackBy: 'Gantry',
  headline: ({ app, what, hosts, maxParallel }) =>
    `Deploying ${app} ${what} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
  dryRunNote:
    'Where a host has only docker-compose v1, `docker-compose` replaces `docker compose`.',

  inspectStep,

  parseInspect(stdout) {
    const state = parseInspect(stdout)
    if (!state.compose)
      return { problem: 'Neither `docker compose` nor `docker-compose` is installed on the host.' }
    return { ...state, compose: state.compose }
  },

  async deploy(session, state, spec: ReleaseSpec): Promise<HostResult> {
    const { layout, rollback } = session.plan
    const { release, steps } = session.newRelease(spec)
    const prepare = [...steps, pullStep(layout, state.compose, release)]
    // Upload, login, pre-deploy, pull and up in one round trip. A failed pull stops it before
    // `up`: nothing changed on the host, the running release keeps running.
    const health = await upAndWait(session, state.compose, release, prepare).catch(
      async (error: unknown) => {
        if (error instanceof StepError && prepare.includes(error.step))
          await discard(session, state, release)
        throw error
      }
    )
    if (health.ok) {
      try {
        await session.finish(state, release, { postDeploy: spec.postDeploy })
        return { status: 'deployed', after: spec.version }
      } catch (error) {
        if (!(error instanceof StepError)) throw error
        // The post-deploy hook failed: `current` points at the new release, which serves.
        if (error.step.name === 'post-deploy' && !isTimeout(error))
          return {
            status: 'failed',
            after: spec.version,
            message: `${errorMessage(error)}; ${spec.version} is live`
          }
        // The switch failed or a step was killed at its time limit: the new release's
        // containers serve while `current` may still name the old one, so the old one comes back.
        if (!rollback || !state.current)
          return { status: 'failed', after: spec.version, message: errorMessage(error) }
        return rollBackLive(session, state, spec, release, errorMessage(error))
      }
    }
    const failure = health.reason
    session.log(`✗ ${spec.version} failed: ${failure}`)
    if (!rollback || !state.current) {
      const why = rollback ? 'no previous release to roll back to' : 'rollback is off'
      return { status: 'failed', after: spec.version, message: `${failure} (${why})` }
    }
    const before = session.before ?? state.current
    session.log(`↩ rolling back to ${before}`)
    const again = await upAndWait(session, state.compose, state.current)
    // What serves after a failed rollback is not known: no version is named.
    if (!again.ok)
      return {
        status: 'failed',
        attempted: spec.version,
        message:
          'error' in again
            ? `${failure}; the rollback failed too: ${again.reason}`
            : `${failure}; the rollback is not healthy either: ${again.reason}`
      }
    await discard(session, state, release)
    return {
      status: 'rolled-back',
      after: before,
      attempted: spec.version,
      // `error`: a step failed (`up`, or one killed at its time limit), not the health check.
      message: `${spec.version} ${'error' in health ? 'failed' : 'failed its health check'} (${failure}); rolled back to ${before}`
    }
  },

  async rollbackTo(session, state, to): Promise<HostResult> {
    const target = rollbackTarget(state, to)
    if ('error' in target) return { status: 'failed', message: `Cannot roll back: ${target.error}` }
    const version = await session.versionOf(target.release)
    session.log(`↩ rolling back to ${version} (${target.release})`)
    const health = await upAndWait(session, state.compose, target.release)
    let failure = health.ok ? undefined : `the release ${version} is not healthy: ${health.reason}`
    if (health.ok)
      try {
        // A rollback keeps every release (the one left may be wanted again).
        await session.finish(state, target.release, { prune: false })
        return { status: 'deployed', after: version }
      } catch (error) {
        if (!(error instanceof StepError)) throw error
        failure = errorMessage(error)
      }
    return backToCurrent(session, state, version, failure as string)
  },

  serving: (session, state, { health }) =>
    servingProject(session, state, session.plan.layout.project, health ? session.plan : undefined),

  rehearsal(plan) {
    const host = rehearsalHost(plan)
    return {
      inspect: `compose=docker compose\nnow=${host.now}\n${host.releaseLines}`,
      ...host.answers,
      status: '<each-service> running healthy 0\n'
    }
  }
}
