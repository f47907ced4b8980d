/**
 * At start, before serving: every `runs/<app>.json` left behind is a run the agent was stopped
 * in the middle of (killed, the host rebooted). For each: what the run left running is stopped,
 * the app's lock released if that run still holds it (never another deploy's), and what serves
 * is looked at as the app's target sees it (for blue-green, the proxy's live slot) and checked by
 * the target's own health check. A healthy release that is the one before the run, or the one
 * the run deployed, stays (an agent restarted while the old slot drained does not revert what
 * went live; `current` is pointed at it if the run did not get that far); anything else is
 * rolled back to the release before. The job is ended naming what serves. A run file that
 * carries its outcome ended before the agent stopped (during its notifications): that outcome
 * is recorded. A stop asked for during recovery ends it between steps, leaving the run file
 * for the next start.
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { dirOf, unlockStep } from '../core/deploy/remote.js'
import { stepFailure, type StepRunner } from '../deploy/step.js'
import type { Serving } from '../deploy/target.js'
import { realClock, type Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import { randomUUID } from 'node:crypto'
import type { AppConfig, JobRecord, RunResult } from './contract.js'
import { layoutOf, runFilePath, type AgentDeployer, type RunFile } from './deployer.js'
import { endGroup } from './processes.js'

export const INTERRUPTED = 'interrupted: the agent stopped during this run'

export interface Recovery {
  app: string
  /** The interrupted job. */
  job: string
  lockReleased: boolean
  /** What recovery decided, in words: `current v1 serves and is healthy`. */
  message: string
  /** The rollback recovery ran, if it ran one. */
  rollback?: { job: string; result: RunResult }
}

export interface RecoveryOptions {
  stateDir: string
  apps: readonly AppConfig[]
  deployer: AgentDeployer
  /** Ends the interrupted job in the store (its record, its log) with what recovery found. */
  endJob: (job: string, result: RunResult) => Promise<void>
  /** The rollback job recovery runs: when it starts, and again when it ended (for the store). */
  onJob?: (job: JobRecord) => void
  log: (app: string, line: string) => void
  clock?: Clock
  /** The store's job ids (default: a UUID). */
  newJobId?: () => string
  /** True once the agent was asked to stop: recovery ends between steps, run files kept. */
  stopping?: () => boolean
}

export type RecoveryAction =
  /** What serves stays, as it is recorded. */
  | 'keep'
  /** What serves stays, and `current` is pointed at it (the run went live, then stopped). */
  | 'record'
  /** The release before is deployed again. */
  | 'rollback'

/** What to do after an interrupted run, from what serves now. Pure. */
export function decideRecovery(facts: {
  /** `current` before the run. */
  before?: string
  /** What the run deployed. */
  attempted?: string
  /** What serves now (the target's view), and whether `current` names it. */
  serving?: string
  recorded: boolean
  healthy: boolean
  healthDetail?: string
}): { action: RecoveryAction; message: string } {
  const { before, attempted, serving, recorded, healthy, healthDetail } = facts
  const why = healthDetail ?? 'no answer'
  const stays = (message: string) => ({
    action: recorded ? ('keep' as const) : ('record' as const),
    message: recorded ? message : `${message}; current now names it`
  })
  if (before === undefined) {
    if (serving && healthy)
      return stays(`no release ran before the interrupted run; ${serving} serves and is healthy`)
    return {
      action: 'keep',
      message: serving
        ? `no release ran before the interrupted run; ${serving} serves, not healthy (${why})`
        : 'no release ran before the interrupted run, none serves'
    }
  }
  if (serving === before && healthy) return stays(`${before} is current and healthy`)
  if (serving !== undefined && serving === attempted && healthy)
    return stays(`${serving} went live before the run was interrupted and is healthy: it stays`)
  return {
    action: 'rollback',
    message:
      serving === before
        ? `${before} is current but not healthy (${why}): bringing it back up`
        : `${serving ?? 'nothing'} serves, not ${before} as before the run${serving && !healthy ? ` (and it is not healthy: ${why})` : ''}: rolling back to ${before}`
  }
}

export async function recoverInterrupted(options: RecoveryOptions): Promise<Recovery[]> {
  const dir = join(options.stateDir, 'runs')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  const done: Recovery[] = []
  for (const name of names.sort()) {
    if (options.stopping?.()) break
    const appName = name.slice(0, -'.json'.length)
    const path = runFilePath(options.stateDir, appName)
    let run: RunFile
    try {
      run = JSON.parse(await readFile(path, 'utf8')) as RunFile
    } catch (error) {
      options.log(appName, `unreadable run file ${path} removed: ${errorMessage(error)}`)
      await rm(path, { force: true })
      continue
    }
    const app = options.apps.find((a) => a.name === appName)
    if (!app) {
      options.log(appName, `run ${run.job} was interrupted, but the app is no longer configured`)
      await options
        .endJob(run.job, { state: 'failed', message: INTERRUPTED })
        .catch(() => undefined)
      await rm(path, { force: true })
      continue
    }
    const recovery = run.outcome
      ? await recordOutcome(options, app, run, run.outcome)
      : await recoverOne(options, app, run)
    // Stopped midway: the file stays, the next start recovers the run again.
    if (!recovery) break
    done.push(recovery)
    await rm(path, { force: true })
  }
  return done
}

/** The run had ended, and the agent stopped during its notifications: its outcome stands. */
async function recordOutcome(
  options: RecoveryOptions,
  app: AppConfig,
  run: RunFile,
  outcome: RunResult
): Promise<Recovery> {
  const say = (line: string) => options.log(app.name, line)
  const message = `run ${run.job} had ended (${outcome.state}) when the agent stopped`
  say(message)
  await options
    .endJob(run.job, outcome)
    .catch((error: unknown) => say(`could not record job ${run.job}: ${errorMessage(error)}`))
  // Its notifications may not all have gone out: better twice than never.
  await options.deployer.notify(app, { id: run.job, request: requestOf(run) }, outcome, 0, say)
  return { app: app.name, job: run.job, lockReleased: false, message }
}

/** The version an interrupted rollback was restoring (not `previous`: that moved meanwhile). */
function rollbackTarget(run: RunFile): string | undefined {
  const to = run.version?.startsWith('rollback to ') ? run.version.slice('rollback to '.length) : ''
  return to && to !== 'previous' ? to : undefined
}

const requestOf = (run: RunFile) =>
  run.version?.startsWith('rollback to ')
    ? { kind: 'rollback' as const, to: run.version.slice('rollback to '.length) }
    : { kind: 'rollback' as const, to: 'previous' }

async function recoverOne(
  options: RecoveryOptions,
  app: AppConfig,
  run: RunFile
): Promise<Recovery | undefined> {
  const { deployer } = options
  const stopping = () => options.stopping?.() ?? false
  const say = (line: string) => options.log(app.name, line)
  say(`run ${run.job} (started ${run.startedAt}) was interrupted`)
  // What the killed agent left running stops first: nothing of the old run may change the host
  // while (or after) recovery looks at it.
  for (const group of run.groups ?? [])
    if (await endGroup(group, options.clock ?? realClock))
      say(`stopped its step still running (process group ${group.pid})`)
  let lockReleased = false
  try {
    lockReleased = await releaseLock(await deployer.connect(app), app, run.token)
    say(lockReleased ? 'its lock released' : 'its lock is not held (any more)')
  } catch (error) {
    say(`could not release its lock: ${errorMessage(error)}`)
  }
  if (stopping()) return undefined
  // An interrupted rollback to a version is completed (recovery's own, killed midway, included):
  // its target is what to restore, not the release it was replacing.
  const wanted = rollbackTarget(run)
  const restore = wanted ?? run.before
  let serving: Serving & { current?: string }
  let unseen: string | undefined
  try {
    serving = await deployer.serving(app, { health: true, log: say })
  } catch (error) {
    // The host could not be looked at: nothing is changed blind (a rollback would meet the same
    // trouble); the report says so.
    serving = {}
    unseen = errorMessage(error)
  }
  if (stopping()) return undefined
  const decision = unseen
    ? {
        action: 'keep' as const,
        message: `what serves could not be seen (${unseen}): nothing changed`
      }
    : decideRecovery({
        before: restore,
        attempted: wanted ? undefined : run.version,
        serving: serving.version,
        recorded: serving.current === serving.version,
        healthy: serving.healthy === true,
        healthDetail: serving.detail
      })
  say(decision.message)
  const recovery: Recovery = {
    app: app.name,
    job: run.job,
    lockReleased,
    message: decision.message
  }
  let after = serving.version
  if (decision.action === 'record' && serving.release) {
    try {
      await deployer.recordCurrent(app, serving.release, say)
    } catch (error) {
      recovery.message += `; could not point current at it: ${errorMessage(error)}`
    }
  }
  if (decision.action === 'rollback' && restore !== undefined) {
    const result = await rollBack(options, app, restore, say)
    recovery.rollback = result
    if (result.result.state === 'failed') {
      // Whatever the rollback got to, the report names what serves now.
      after = await deployer.serving(app, { health: false }).then(
        (now) => now.version,
        () => undefined
      )
      recovery.message += `; the rollback failed: ${result.result.message ?? ''}; ${after ?? 'nothing that can be seen'} serves`
    } else {
      after = restore
      recovery.message += `; ${restore} serves again`
    }
  }
  const interrupted: RunResult = {
    state: 'failed',
    ...(run.version && !run.version.startsWith('rollback to ') ? { version: run.version } : {}),
    before: run.before,
    after,
    message: `${INTERRUPTED}; ${recovery.message}`
  }
  await options
    .endJob(run.job, interrupted)
    .catch((error: unknown) => say(`could not mark job ${run.job} failed: ${errorMessage(error)}`))
  if (!recovery.rollback)
    await deployer.notify(app, { id: run.job, request: requestOf(run) }, interrupted, 0, say)
  return recovery
}

/** The release before, deployed again as a job of its own (it notifies, as every run does). */
async function rollBack(
  options: RecoveryOptions,
  app: AppConfig,
  to: string,
  say: (line: string) => void
): Promise<{ job: string; result: RunResult }> {
  const clock = options.clock ?? realClock
  const job: JobRecord = {
    id: options.newJobId?.() ?? randomUUID(),
    app: app.name,
    via: 'recovery',
    request: { kind: 'rollback', to },
    state: 'running',
    queuedAt: new Date(clock.now()).toISOString(),
    startedAt: new Date(clock.now()).toISOString(),
    log: []
  }
  options.onJob?.(job)
  const result = await options.deployer.run(job, app, (line) => {
    job.log.push(line)
    say(line)
  })
  Object.assign(job, {
    state: result.state,
    version: result.version,
    before: result.before,
    after: result.after,
    message: result.message,
    endedAt: new Date(clock.now()).toISOString()
  })
  options.onJob?.(job)
  return { job: job.id, result }
}

/** Releases the app's lock if `token` holds it; true when it did. */
async function releaseLock(runner: StepRunner, app: AppConfig, token: string): Promise<boolean> {
  const layout = layoutOf(app)
  try {
    const lock = dirOf(layout, '.lock')
    const unlock = unlockStep(layout, token)
    const [owner, unlocked] = await runner.run([
      { name: 'read lock', script: `cat ${lock}/owner.json 2>/dev/null || true` },
      unlock
    ])
    if (unlocked?.code !== 0)
      throw stepFailure(unlock, unlocked ?? { code: null, stdout: '', stderr: '' })
    const held = (() => {
      try {
        return (JSON.parse(owner?.stdout ?? '') as { token?: unknown }).token === token
      } catch {
        return false
      }
    })()
    return held
  } finally {
    await runner.close()
  }
}
