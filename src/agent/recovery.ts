/**
 * At start, before serving: every `runs/<app>.json` left behind is a run the agent was stopped
 * in the middle of (killed, the host rebooted). For each: the app's lock is released if that
 * run still holds it (never another deploy's), the job is marked failed, and the release that
 * ran before is made to serve: `current` health-checked, and rolled back to when it is not the
 * version before or is not healthy. What was done comes back for the log and notifications.
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { evaluateContainers, parseStatus } from '../core/deploy/releases.js'
import { dirOf, healthUrlStep, statusStep, unlockStep } from '../core/deploy/remote.js'
import type { StepRunner } from '../deploy/step.js'
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
  /** Marks the interrupted job failed in the store (its record, its log). */
  markFailed: (job: string, message: string) => Promise<void>
  /** The rollback job recovery runs: when it starts, and again when it ended (for the store). */
  onJob?: (job: JobRecord) => void
  log: (app: string, line: string) => void
  clock?: Clock
  /** The store's job ids (default: a UUID). */
  newJobId?: () => string
  /** How many looks at `current` before it counts as unhealthy, one pollMs apart. */
  healthLooks?: number
  pollMs?: number
}

/** What to do about `current` after an interrupted run. Pure. */
export function decideRecovery(facts: {
  before?: string
  current?: string
  healthy: boolean
  healthDetail?: string
}): { rollback: boolean; message: string } {
  const { before, current, healthy, healthDetail } = facts
  if (before === undefined)
    return {
      rollback: false,
      message: current
        ? `no release ran before the interrupted run; ${current} is current${healthy ? ' and healthy' : `, not healthy (${healthDetail ?? 'no answer'})`}`
        : 'no release ran before the interrupted run, none is current'
    }
  if (current !== before)
    return {
      rollback: true,
      message: `current is ${current ?? 'none'}, not ${before} as before the run: rolling back to ${before}`
    }
  if (!healthy)
    return {
      rollback: true,
      message: `${before} is current but not healthy (${healthDetail ?? 'no answer'}): bringing it back up`
    }
  return { rollback: false, message: `${before} is current and healthy` }
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
      await options.markFailed(run.job, INTERRUPTED).catch(() => undefined)
      await rm(path, { force: true })
      continue
    }
    done.push(await recoverOne(options, app, run))
    await rm(path, { force: true })
  }
  return done
}

async function recoverOne(
  options: RecoveryOptions,
  app: AppConfig,
  run: RunFile
): Promise<Recovery> {
  const { deployer } = options
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
  await options
    .markFailed(run.job, INTERRUPTED)
    .catch((error: unknown) => say(`could not mark job ${run.job} failed: ${errorMessage(error)}`))
  let current: string | undefined
  let health: { healthy: boolean; detail?: string } = { healthy: false, detail: 'not checked' }
  try {
    current = (await deployer.status(app)).current
    if (current) health = await checkHealth(options, app)
  } catch (error) {
    health = { healthy: false, detail: errorMessage(error) }
  }
  const decision = decideRecovery({
    before: run.before,
    current,
    healthy: health.healthy,
    healthDetail: health.detail
  })
  say(decision.message)
  const recovery: Recovery = {
    app: app.name,
    job: run.job,
    lockReleased,
    message: decision.message
  }
  const interrupted = {
    id: run.job,
    app: app.name,
    request: { kind: 'rollback' as const, to: 'previous' }
  }
  if (!decision.rollback || run.before === undefined) {
    await deployer.notify(
      app,
      interrupted,
      {
        state: 'failed',
        before: run.before,
        after: current,
        message: `${INTERRUPTED}; ${decision.message}`
      },
      0,
      say
    )
    return recovery
  }
  const clock = options.clock ?? realClock
  const job: JobRecord = {
    id: options.newJobId?.() ?? randomUUID(),
    app: app.name,
    via: 'recovery',
    request: { kind: 'rollback', to: run.before },
    state: 'running',
    queuedAt: new Date(clock.now()).toISOString(),
    startedAt: new Date(clock.now()).toISOString(),
    log: []
  }
  options.onJob?.(job)
  const result = await deployer.run(job, app, (line) => {
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
  recovery.rollback = { job: job.id, result }
  recovery.message += `; ${result.state === 'failed' ? `the rollback failed: ${result.message ?? ''}` : `${run.before} serves again`}`
  return recovery
}

/** Releases the app's lock if `token` holds it; true when it did. */
async function releaseLock(runner: StepRunner, app: AppConfig, token: string): Promise<boolean> {
  const layout = layoutOf(app)
  try {
    const lock = dirOf(layout, '.lock')
    const [owner] = await runner.run([
      { name: 'read lock', script: `cat ${lock}/owner.json 2>/dev/null || true` },
      unlockStep(layout, token)
    ])
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

/** A few looks at `current`: its containers (compose) and the health URL, if any. */
async function checkHealth(
  options: RecoveryOptions,
  app: AppConfig
): Promise<{ healthy: boolean; detail?: string }> {
  const clock = options.clock ?? realClock
  const looks = options.healthLooks ?? 5
  const url = app.inputs['health-url']?.replaceAll('{host}', '127.0.0.1')
  let detail = 'no answer'
  for (let look = 0; look < looks; look++) {
    if (look > 0) await clock.sleep(options.pollMs ?? 1000)
    const runner = await options.deployer.connect(app)
    try {
      const steps = [
        ...(app.target === 'compose' ? [{ ...statusStep(layoutOf(app)), mayFail: true }] : []),
        ...(url ? [healthUrlStep(url)] : [])
      ]
      if (steps.length === 0) return { healthy: true }
      const results = await runner.run(steps)
      let ok = true
      if (app.target === 'compose') {
        const verdict = evaluateContainers(parseStatus(results[0]?.stdout ?? ''))
        if (verdict.health !== 'up') {
          ok = false
          detail = verdict.detail
        }
      }
      const probe = url ? results[steps.length - 1] : undefined
      if (ok && probe && probe.code !== 0) {
        ok = false
        detail = `${url} does not answer (${probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`})`
      }
      if (ok) return { healthy: true }
    } finally {
      await runner.close()
    }
  }
  return { healthy: false, detail }
}
