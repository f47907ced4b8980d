/**
 * Carries out a deploy on one host over SSH: lock → inspect → upload the release → registry
 * login → pull → up → wait healthy → switch `current` (or bring the previous release back) →
 * unlock, always. With `target: swarm` (one manager): lock → inspect → upload → login →
 * `docker stack deploy` → follow the swarm's rollout → switch `current`, or report the swarm's
 * own rollback → unlock. Every remote command comes from src/core/deploy/remote.ts; the
 * decisions from src/core/deploy/releases.ts and swarm.ts. Time goes through an injectable clock.
 */
import {
  breakLockStep,
  healthUrlStep,
  hookStep,
  inspectStep,
  lockStep,
  loginStep,
  pruneStep,
  pullStep,
  readRecordStep,
  readReleaseFileStep,
  readStackRecordsStep,
  serviceRollbackStep,
  stackDeployStep,
  stackStatusStep,
  statusStep,
  swarmInspectStep,
  switchStep,
  unlockStep,
  upStep,
  writeFileStep,
  COMPOSE_FILE,
  ENV_FILE,
  RELEASE_RECORD,
  STACK_RECORD,
  type AppLayout,
  type ComposeCommand,
  type RemoteStep
} from '../core/deploy/remote.js'
import {
  describeLockHolder,
  evaluateContainers,
  isStale,
  parseInspect,
  parseLockReply,
  parseStatus,
  releaseId,
  releasesToPrune,
  rollbackTarget,
  versionOfRelease,
  type HostState
} from '../core/deploy/releases.js'
import {
  describeProblems,
  evaluateRollout,
  parseStackRecords,
  parseStackStatus,
  parseSwarmInspect,
  observeRollout,
  emptyMemory,
  releaseRunning,
  stackRecord,
  swarmProblem,
  type RolloutKind,
  type RolloutVerdict,
  type ServiceReport,
  type StackStatus,
  type SwarmHostState
} from '../core/deploy/swarm.js'
import { realClock, type Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import { HostKeyRefusedError, SshConnectError, type RemoteShell, type SshTarget } from './ssh.js'

export { realClock, type Clock }

export type DeployMode =
  | {
      kind: 'deploy'
      version: string
      composeFile: string
      env: string
      registry?: { server: string; username: string; password: string }
      preDeploy?: string
      postDeploy?: string
    }
  | { kind: 'rollback'; to: string }

export interface HostDeployRequest {
  name: string
  target: SshTarget
  layout: AppLayout
  mode: DeployMode
  /** `target: swarm`: deploy the release as this stack through the host, a swarm manager. */
  swarm?: { stack: string }
  healthUrl?: string
  healthTimeoutMs: number
  rollback: boolean
  keepReleases: number
  lockTimeoutMs: number
  lockStaleSeconds: number
  owner: { actor?: string; runUrl?: string }
  /** A unique token for this run (lock ownership, release ids). */
  token: string
  pollMs: number
  clock: Clock
  log: (line: string) => void
  connect: (target: SshTarget) => Promise<RemoteShell>
}

export type HostStatus = 'deployed' | 'rolled-back' | 'failed' | 'skipped'

export interface HostOutcome {
  host: string
  status: HostStatus
  before?: string
  after?: string
  /** The version tried, when it was rolled back. */
  attempted?: string
  durationMs: number
  message?: string
  /** `target: swarm`: each service of the stack as the rollout left it. */
  services?: ServiceReport[]
}

type Outcome = Omit<HostOutcome, 'host' | 'durationMs'>

/** A remote step failed: its name, exit code and the tail of what it printed. */
class StepError extends Error {}

export async function deployHost(req: HostDeployRequest): Promise<HostOutcome> {
  const started = req.clock.now()
  const done = (status: HostStatus, extra: Partial<HostOutcome> = {}): HostOutcome => ({
    host: req.name,
    status,
    durationMs: req.clock.now() - started,
    ...extra
  })
  let shell: RemoteShell
  try {
    shell = await req.connect(req.target)
  } catch (error) {
    const message = errorMessage(error)
    req.log(error instanceof HostKeyRefusedError ? `refused: ${message}` : message)
    return done('failed', { message })
  }
  const host = new HostSession(req, shell)
  let locked = false
  try {
    let outcome: Outcome
    if (req.swarm) {
      const state = await host.inspectSwarm()
      await host.lock()
      locked = true
      const swarm = new SwarmSession(host, req.swarm.stack, state, await host.currentVersion(state))
      outcome =
        req.mode.kind === 'deploy'
          ? await swarm.deploy(req.mode)
          : await swarm.rollbackTo(req.mode.to)
    } else {
      const state = await host.inspect()
      if (!state.compose)
        throw new StepError(
          'Neither `docker compose` nor `docker-compose` is installed on the host.'
        )
      await host.lock()
      locked = true
      const before = await host.currentVersion(state)
      outcome =
        req.mode.kind === 'deploy'
          ? await host.deploy(req.mode, state, state.compose, before)
          : await host.rollbackTo(req.mode.to, state, state.compose, before)
    }
    return done(outcome.status, outcome)
  } catch (error) {
    const message = errorMessage(error)
    req.log(`failed: ${message}`)
    return done('failed', { message })
  } finally {
    if (locked) await host.unlock()
    await shell.close().catch(() => undefined)
  }
}

class HostSession {
  constructor(
    readonly req: HostDeployRequest,
    private readonly shell: RemoteShell
  ) {}

  private get layout(): AppLayout {
    return this.req.layout
  }

  /** Runs a step, streaming its output into the log; a non-zero exit is a StepError. */
  async run(step: RemoteStep, options: { quiet?: boolean; allowFailure?: boolean } = {}) {
    if (!options.quiet) this.req.log(`▸ ${step.name}`)
    const tail: string[] = []
    const result = await this.shell.exec(step.script, {
      stdin: step.stdin,
      onLine: (line) => {
        tail.push(line)
        if (tail.length > 20) tail.shift()
        if (!options.quiet) this.req.log(`  ${line}`)
      }
    })
    if (result.code !== 0 && !options.allowFailure) {
      const last = tail
        .filter((l) => l.trim())
        .slice(-5)
        .join(' | ')
      throw new StepError(
        `${step.name} failed (exit code ${result.code})${last ? `: ${last}` : ''}`
      )
    }
    return result
  }

  async inspect(): Promise<HostState> {
    return parseInspect((await this.run(inspectStep(this.layout), { quiet: true })).stdout)
  }

  /** The host's swarm state; a host that is not a manager stops the deploy before the lock. */
  async inspectSwarm(): Promise<SwarmHostState> {
    const state = parseSwarmInspect(
      (await this.run(swarmInspectStep(this.layout), { quiet: true })).stdout
    )
    const problem = swarmProblem(state)
    if (problem) throw new StepError(problem)
    return state
  }

  async currentVersion(state: HostState): Promise<string | undefined> {
    return state.current ? await this.versionOf(state.current) : undefined
  }

  async versionOf(release: string): Promise<string> {
    const text = (await this.run(readRecordStep(this.layout, release), { quiet: true })).stdout
    try {
      const record = JSON.parse(text) as { version?: unknown }
      if (typeof record.version === 'string') return record.version
    } catch {
      // An unreadable record: the id still says which version it was.
    }
    return versionOfRelease(release)
  }

  async lock(): Promise<void> {
    const { clock, lockTimeoutMs, pollMs } = this.req
    const version =
      this.req.mode.kind === 'deploy' ? this.req.mode.version : `rollback to ${this.req.mode.to}`
    const owner = { token: this.req.token, ...this.req.owner, version }
    const deadline = clock.now() + lockTimeoutMs
    let told = false
    for (;;) {
      const reply = parseLockReply(
        (await this.run(lockStep(this.layout, owner), { quiet: true })).stdout
      )
      if (reply.acquired) {
        this.req.log('▸ lock acquired')
        return
      }
      if (isStale(reply, this.req.lockStaleSeconds)) {
        this.req.log(`breaking a stale lock: ${describeLockHolder(reply)}`)
        await this.run(breakLockStep(this.layout, reply.sinceText), { quiet: true })
        continue
      }
      if (clock.now() >= deadline) {
        throw new StepError(
          `Timed out after ${Math.round(lockTimeoutMs / 1000)}s waiting for the deploy lock, held by ${describeLockHolder(reply)}`
        )
      }
      if (!told) this.req.log(`waiting for the deploy lock, held by ${describeLockHolder(reply)}`)
      told = true
      await clock.sleep(pollMs)
    }
  }

  /** Releases the lock; if the connection dropped, over a fresh one, so a blip does not leave it held. */
  async unlock(): Promise<void> {
    const step = unlockStep(this.layout, this.req.token)
    const cannot = (error: unknown) =>
      this.req.log(
        `could not release the lock (it expires after ${this.req.lockStaleSeconds}s): ${errorMessage(error)}`
      )
    try {
      await this.run(step, { quiet: true })
      this.req.log('▸ unlocked')
      return
    } catch (error) {
      if (!(error instanceof SshConnectError)) return cannot(error)
    }
    try {
      const fresh = await this.req.connect(this.req.target)
      try {
        await fresh.exec(step.script)
        this.req.log('▸ unlocked (over a new connection)')
      } finally {
        await fresh.close().catch(() => undefined)
      }
    } catch (error) {
      cannot(error)
    }
  }

  /** Waits until the project is healthy; returns why not when it is not. */
  async waitHealthy(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const { clock, healthTimeoutMs, pollMs, healthUrl } = this.req
    this.req.log(`▸ wait healthy${healthUrl ? ` (${healthUrl})` : ''}`)
    const deadline = clock.now() + healthTimeoutMs
    let last = 'not checked yet'
    let upInARow = 0
    for (;;) {
      const containers = parseStatus(
        (await this.run(statusStep(this.layout), { quiet: true })).stdout
      )
      const verdict = evaluateContainers(containers)
      last = verdict.detail
      if (verdict.health === 'failed') return { ok: false, reason: verdict.detail }
      if (verdict.health === 'up') {
        const checked = containers.some((c) => c.health !== 'none')
        if (healthUrl) {
          const probe = await this.run(healthUrlStep(healthUrl), {
            quiet: true,
            allowFailure: true
          })
          if (probe.code === 0) return this.healthy(`${healthUrl} answers`)
          last = `${healthUrl} does not answer yet (${probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.code}`})`
        } else if (checked) {
          return this.healthy(verdict.detail)
        } else if (++upInARow >= 2) {
          // No health check at all: running on two polls in a row counts as up.
          return this.healthy(verdict.detail)
        }
      } else upInARow = 0
      if (clock.now() >= deadline)
        return {
          ok: false,
          reason: `not healthy after ${Math.round(healthTimeoutMs / 1000)}s: ${last}`
        }
      await clock.sleep(pollMs)
    }
  }

  private healthy(detail: string): { ok: true } {
    this.req.log(`  healthy: ${detail}`)
    return { ok: true }
  }

  async deploy(
    mode: Extract<DeployMode, { kind: 'deploy' }>,
    state: HostState,
    compose: ComposeCommand,
    before: string | undefined
  ): Promise<Omit<HostOutcome, 'host' | 'durationMs'>> {
    const { layout } = this
    const release = await this.upload(mode)
    await this.prepare(mode, release)
    // A failed pull changes nothing on the host: the running release keeps running.
    await this.run(pullStep(layout, compose, release))

    let failure: string | undefined
    try {
      await this.run(upStep(layout, compose, release))
      const health = await this.waitHealthy()
      if (!health.ok) failure = health.reason
    } catch (error) {
      failure = errorMessage(error)
    }
    if (failure === undefined) {
      await this.finish(state, release, mode.postDeploy)
      return { status: 'deployed', before, after: mode.version }
    }

    this.req.log(`✗ ${mode.version} failed: ${failure}`)
    if (!this.req.rollback || !state.current) {
      const why = this.req.rollback ? 'no previous release to roll back to' : 'rollback is off'
      return { status: 'failed', before, after: mode.version, message: `${failure} (${why})` }
    }
    this.req.log(`↩ rolling back to ${before ?? state.current}`)
    try {
      await this.run(upStep(layout, compose, state.current))
      const health = await this.waitHealthy()
      if (!health.ok)
        return {
          status: 'failed',
          before,
          after: mode.version,
          message: `${failure}; the rollback is not healthy either: ${health.reason}`
        }
    } catch (error) {
      return {
        status: 'failed',
        before,
        after: mode.version,
        message: `${failure}; the rollback failed too: ${errorMessage(error)}`
      }
    }
    return {
      status: 'rolled-back',
      before,
      after: before,
      attempted: mode.version,
      message: `${mode.version} failed its health check (${failure}); rolled back to ${before}`
    }
  }

  /** A new release directory with the compose file, the `.env` and the release record. */
  async upload(mode: Extract<DeployMode, { kind: 'deploy' }>): Promise<string> {
    const { layout } = this
    const release = releaseId(
      new Date(this.req.clock.now()),
      mode.version,
      this.req.token.slice(0, 4)
    )
    const record = JSON.stringify({
      version: mode.version,
      release,
      deployedAt: new Date(this.req.clock.now()).toISOString(),
      ...this.req.owner
    })
    await this.run(writeFileStep(layout, release, COMPOSE_FILE, mode.composeFile))
    await this.run(writeFileStep(layout, release, ENV_FILE, mode.env))
    await this.run(writeFileStep(layout, release, RELEASE_RECORD, record + '\n'), { quiet: true })
    return release
  }

  /** Registry login (password on stdin) and the pre-deploy hook. */
  async prepare(mode: Extract<DeployMode, { kind: 'deploy' }>, release: string): Promise<void> {
    if (mode.registry)
      await this.run(
        loginStep(mode.registry.server, mode.registry.username, mode.registry.password)
      )
    if (mode.preDeploy) await this.run(hookStep(this.layout, release, 'pre-deploy', mode.preDeploy))
  }

  /** After a good release: `current` points at it, the post-deploy hook runs, old releases go. */
  async finish(state: HostState, release: string, postDeploy?: string): Promise<void> {
    await this.run(switchStep(this.layout, release))
    if (postDeploy) await this.run(hookStep(this.layout, release, 'post-deploy', postDeploy))
    const prune = releasesToPrune([...state.releases, release].sort(), this.req.keepReleases, [
      release,
      state.current
    ])
    await this.run(pruneStep(this.layout, prune), { allowFailure: true })
  }

  async rollbackTo(
    to: string,
    state: HostState,
    compose: ComposeCommand,
    before: string | undefined
  ): Promise<Omit<HostOutcome, 'host' | 'durationMs'>> {
    const target = rollbackTarget(state, to)
    if ('error' in target)
      return { status: 'failed', before, message: `Cannot roll back: ${target.error}` }
    const version = await this.versionOf(target.release)
    this.req.log(`↩ rolling back to ${version} (${target.release})`)
    await this.run(upStep(this.layout, compose, target.release))
    const health = await this.waitHealthy()
    if (!health.ok)
      return {
        status: 'failed',
        before,
        after: version,
        message: `the release ${version} is not healthy: ${health.reason}`
      }
    await this.run(switchStep(this.layout, target.release))
    return { status: 'deployed', before, after: version }
  }
}

/**
 * `target: swarm` on one manager: `docker stack deploy` (or `docker service rollback`), then the
 * swarm's rollout followed service by service until it completed, was rolled back or paused by
 * the swarm, or ran out of time. Gantry never rolls a stack back itself: the compose file's
 * `deploy.update_config.failure_action` decides, and the outcome reports what the swarm did.
 */
class SwarmSession {
  constructor(
    private readonly host: HostSession,
    private readonly stack: string,
    private readonly state: SwarmHostState,
    private readonly before: string | undefined
  ) {}

  private get req(): HostDeployRequest {
    return this.host.req
  }

  private async status(): Promise<StackStatus> {
    return parseStackStatus(
      (await this.host.run(stackStatusStep(this.stack), { quiet: true })).stdout
    )
  }

  async deploy(mode: Extract<DeployMode, { kind: 'deploy' }>): Promise<Outcome> {
    const release = await this.host.upload(mode)
    await this.host.prepare(mode, release)
    return this.deployRelease(release, mode.env, mode.version, mode.postDeploy)
  }

  /** Deploys a release directory as the stack; `env` goes to the command as data, on stdin. */
  private async deployRelease(
    release: string,
    env: string,
    version: string,
    postDeploy?: string
  ): Promise<Outcome> {
    const { layout, clock, healthTimeoutMs } = this.req
    const baseline = await this.status()
    const deadline = clock.now() + healthTimeoutMs
    await this.host.run(
      stackDeployStep(layout, release, this.stack, { detach: this.state.detach, env })
    )
    const { verdict, timedOut } = await this.follow('deploy', baseline, deadline)
    const { before } = this
    const services = verdict.services
    if (verdict.phase === 'rolled-back')
      return {
        status: 'rolled-back',
        before,
        after: before,
        attempted: version,
        services,
        message: `${version} failed and the swarm rolled it back: ${describeProblems(verdict)}`
      }
    if (verdict.phase !== 'completed')
      return {
        status: 'failed',
        before,
        after: version,
        services,
        message: this.why(verdict, timedOut)
      }
    const unhealthy = await this.checkHealthUrl(deadline)
    if (unhealthy)
      return {
        status: 'failed',
        before,
        after: version,
        services,
        message: `the rollout completed but ${unhealthy}; the swarm keeps ${version} (roll back with \`rollback-to: previous\`)`
      }
    await this.host.run(writeFileStep(layout, release, STACK_RECORD, stackRecord(services)), {
      quiet: true
    })
    await this.host.finish(this.state, release, postDeploy)
    return { status: 'deployed', before, after: version, services }
  }

  /** `previous`: `docker service rollback` per service; a version: that kept release again. */
  async rollbackTo(to: string): Promise<Outcome> {
    const { before } = this
    if (to !== 'previous') {
      const target = rollbackTarget(this.state, to)
      if ('error' in target)
        return { status: 'failed', before, message: `Cannot roll back: ${target.error}` }
      const version = await this.host.versionOf(target.release)
      this.req.log(`↩ deploying the kept release ${version} (${target.release}) again`)
      const envFile = readReleaseFileStep(this.req.layout, target.release, ENV_FILE)
      const env = (await this.host.run(envFile, { quiet: true })).stdout
      return this.deployRelease(target.release, env, version)
    }

    const baseline = await this.status()
    const names = baseline.services.map((s) => s.name)
    if (names.length === 0)
      return {
        status: 'failed',
        before,
        message: `Cannot roll back: the stack ${this.stack} has no services on this manager`
      }
    const without = baseline.services.filter((s) => !s.hasPreviousSpec).map((s) => s.name)
    if (without.length)
      return {
        status: 'failed',
        before,
        message: `Cannot roll back: the swarm has no previous spec for ${without.join(', ')} (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with \`rollback-to: <version>\`.`
      }
    this.req.log(`↩ rolling back ${names.join(', ')} to their previous spec`)
    await this.host.run(serviceRollbackStep(names))
    const deadline = this.req.clock.now() + this.req.healthTimeoutMs
    const { verdict, timedOut } = await this.follow('rollback', baseline, deadline)
    const services = verdict.services
    if (verdict.phase !== 'completed')
      return { status: 'failed', before, services, message: this.why(verdict, timedOut) }
    const records = await this.host.run(readStackRecordsStep(this.req.layout), { quiet: true })
    const release = releaseRunning(parseStackRecords(records.stdout), services)
    if (!release) {
      this.req.log('  no kept release recorded these images: `current` stays as it was')
      return { status: 'deployed', before, services }
    }
    await this.host.run(switchStep(this.req.layout, release))
    return { status: 'deployed', before, after: await this.host.versionOf(release), services }
  }

  /** Polls the stack until the rollout settles or the deadline passes, logging each change. */
  private async follow(
    kind: RolloutKind,
    baseline: StackStatus,
    deadline: number
  ): Promise<{ verdict: RolloutVerdict; timedOut: boolean }> {
    const { clock, pollMs } = this.req
    this.req.log(`▸ follow the rollout of stack ${this.stack}`)
    let memory = emptyMemory()
    let shown = ''
    for (;;) {
      // A deploy resets each UpdateStatus and the orchestrator starts the update a moment later.
      await clock.sleep(pollMs)
      const now = await this.status()
      memory = observeRollout(memory, baseline, now)
      const verdict = evaluateRollout(baseline, now, kind, memory)
      if (verdict.detail !== shown) this.req.log(`  ${verdict.detail}`)
      shown = verdict.detail
      if (verdict.phase !== 'waiting') return { verdict, timedOut: false }
      if (clock.now() >= deadline) return { verdict, timedOut: true }
    }
  }

  private why(verdict: RolloutVerdict, timedOut: boolean): string {
    const problems = describeProblems(verdict)
    return timedOut
      ? `the rollout did not settle within ${Math.round(this.req.healthTimeoutMs / 1000)}s (the swarm carries on with it): ${problems}`
      : `the rollout stopped: ${problems}`
  }

  /** The optional health URL, checked from the manager once the rollout completed. */
  private async checkHealthUrl(deadline: number): Promise<string | undefined> {
    const { healthUrl, clock, pollMs } = this.req
    if (!healthUrl) return undefined
    for (;;) {
      const probe = await this.host.run(healthUrlStep(healthUrl), {
        quiet: true,
        allowFailure: true
      })
      if (probe.code === 0) {
        this.req.log(`  healthy: ${healthUrl} answers`)
        return undefined
      }
      if (clock.now() >= deadline)
        return `${healthUrl} does not answer (${probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`})`
      await clock.sleep(pollMs)
    }
  }
}
