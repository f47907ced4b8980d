/**
 * Carries out a deploy on one host over SSH: lock → inspect → upload the release → registry
 * login → pull → up → wait healthy → switch `current` (or bring the previous release back) →
 * unlock, always. Every remote command comes from src/core/deploy/remote.ts; the decisions from
 * src/core/deploy/releases.ts. Time goes through an injectable clock.
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
  statusStep,
  switchStep,
  unlockStep,
  upStep,
  writeFileStep,
  COMPOSE_FILE,
  ENV_FILE,
  RELEASE_RECORD,
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
import { errorMessage } from '../lib/errors.js'
import { HostKeyRefusedError, SshConnectError, type RemoteShell, type SshTarget } from './ssh.js'

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

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
}

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
    const state = await host.inspect()
    if (!state.compose)
      throw new StepError('Neither `docker compose` nor `docker-compose` is installed on the host.')
    await host.lock()
    locked = true
    const before = state.current ? await host.versionOf(state.current) : undefined
    const outcome =
      req.mode.kind === 'deploy'
        ? await host.deploy(req.mode, state, state.compose, before)
        : await host.rollbackTo(req.mode.to, state, state.compose, before)
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
    private readonly req: HostDeployRequest,
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
    if (mode.registry)
      await this.run(
        loginStep(mode.registry.server, mode.registry.username, mode.registry.password)
      )
    if (mode.preDeploy) await this.run(hookStep(layout, release, 'pre-deploy', mode.preDeploy))
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
      await this.run(switchStep(layout, release))
      if (mode.postDeploy) await this.run(hookStep(layout, release, 'post-deploy', mode.postDeploy))
      const prune = releasesToPrune([...state.releases, release].sort(), this.req.keepReleases, [
        release,
        state.current
      ])
      await this.run(pruneStep(layout, prune), { allowFailure: true })
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
