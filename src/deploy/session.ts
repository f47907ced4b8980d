/**
 * The host protocol every host target shares, over one step runner: Gantry's reads of the host,
 * the lock (waited for, a stale one broken, released even over a new connection), a new
 * release's upload with the registry login and the pre-deploy hook, and the finish (`current`,
 * the post-deploy hook, pruning, unlock) in one round trip. Targets (targets/*.ts) add only what
 * is theirs. Every step goes through run(), which logs it and every line the host printed.
 */
import {
  breakLockStep,
  currentRecordStep,
  hookStep,
  lockStep,
  LOCK_HELD,
  loginStep,
  pruneStep,
  readRecordStep,
  switchStep,
  unlockStep,
  uploadStep,
  COMPOSE_FILE,
  ENV_FILE,
  RELEASE_RECORD
} from '../core/deploy/remote.js'
import {
  describeLockHolder,
  isStale,
  parseLockReply,
  releaseId,
  releasesToPrune,
  versionOfRelease,
  type HostState,
  type LockReply
} from '../core/deploy/releases.js'
import type { Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import { pollUntil, type Backoff } from '../lib/poll.js'
import { hostOutputLine } from './output.js'
import {
  ConnectionLostError,
  StepError,
  stepFailure,
  type Connect,
  type Step,
  type StepResult,
  type StepRunner
} from './step.js'
import type { HostPlan, HostTarget, ReleaseSpec } from './target.js'

/** One host's deploy, as the engine hands it to a session. */
export interface HostJob {
  /** `deploy@10.0.0.5`: outcomes and logs name the host by it. */
  name: string
  plan: HostPlan
  connect: Connect
  clock: Clock
  /** The longest wait between two looks (health, rollout, lock); the first ones are shorter. */
  pollMs: number
  /** One line of this host's log (the engine prefixes the host). */
  log: (line: string) => void
  /** The new release's id; the dry run, which cannot know it, names it `<release-id>`. */
  releaseId?: (version: string) => string
}

export interface RunStepsOptions {
  /** true: log neither the steps nor their output; a list: only those steps. */
  quiet?: boolean | readonly Step[]
  /** Called as each step is reached in the log, quiet or not. */
  starting?: (step: Step) => void
}

export class HostSession {
  private unlocked = false
  private locked = false
  /** Take the lock in the same round trip as the next steps (lockWithNextSteps). */
  private lockPending = false
  /** The version `current` ran before this deploy (known after inspect). */
  before: string | undefined

  constructor(
    readonly job: HostJob,
    private readonly runner: StepRunner
  ) {}

  get plan(): HostPlan {
    return this.job.plan
  }

  get clock(): Clock {
    return this.job.clock
  }

  log(line: string): void {
    this.job.log(line)
  }

  /** Fast first, then every pollMs at most: for waits that usually end within a moment. */
  backoff(): Backoff {
    return { initialMs: Math.min(100, this.job.pollMs), maxMs: this.job.pollMs }
  }

  /**
   * Runs steps in one round trip, logging each (`▸ name`) and the lines it printed, unless quiet.
   * A step that failed, and may not, throws a StepError naming it; the results come back
   * otherwise, one per step.
   */
  async run(steps: readonly Step[], options: RunStepsOptions = {}): Promise<StepResult[]> {
    if (this.lockPending) return this.lockedRun(steps, options)
    const { quiet } = options
    const shown = (step: Step) =>
      !(quiet === true || (Array.isArray(quiet) && quiet.includes(step)))
    let announced = 0
    // Steps run as one batch but read as separate steps: each is named before its first line.
    const announce = (upTo: number) => {
      for (; announced <= upTo && announced < steps.length; announced++) {
        const step = steps[announced] as Step
        options.starting?.(step)
        if (shown(step)) this.log(`▸ ${step.name}`)
      }
    }
    const results = await this.runner.run(steps, {
      onLine: (step, line) => {
        announce(steps.indexOf(step))
        if (shown(step)) this.log(hostOutputLine(line))
      }
    })
    announce(results.length - 1)
    results.forEach((result, i) => {
      const step = steps[i] as Step
      if (result.code !== 0 && !step.mayFail) throw stepFailure(step, result)
    })
    return results
  }

  async runOne(step: Step, options: RunStepsOptions = {}): Promise<StepResult> {
    return (await this.run([step], options))[0] as StepResult
  }

  /**
   * The host's state as the target reads it, and the version `current` runs, in one round trip
   * before anything changes; a host that cannot take the target stops here.
   */
  async inspect<State extends HostState>(
    target: HostTarget<State>
  ): Promise<{ state: State; before?: string }> {
    const [inspected, record] = await this.run(
      [target.inspectStep(this.plan.layout), currentRecordStep(this.plan.layout)],
      { quiet: true }
    )
    const state = target.parseInspect(inspected?.stdout ?? '')
    if ('problem' in state)
      throw new StepError(target.inspectStep(this.plan.layout), inspected, state.problem)
    const before = state.current
      ? (recordVersion(record?.stdout ?? '') ?? versionOfRelease(state.current))
      : undefined
    this.before = before
    return { state, before }
  }

  /** The version a kept release was made for, from its record (else from its id). */
  async versionOf(release: string): Promise<string> {
    const record = await this.runOne(readRecordStep(this.plan.layout, release), { quiet: true })
    return recordVersion(record.stdout) ?? versionOfRelease(release)
  }

  /**
   * The lock is taken in the same round trip as the target's first steps (no decision lies
   * between them: a held lock stops that batch before anything else runs, and is then waited
   * for). A target that stops before running a step changed nothing and never locks.
   */
  lockWithNextSteps(): void {
    this.lockPending = true
  }

  private lockTake(): Step {
    const { layout, mode, token, owner } = this.plan
    const version = mode.kind === 'deploy' ? mode.version : `rollback to ${mode.to}`
    return lockStep(layout, { token, ...owner, version })
  }

  private async lockedRun(steps: readonly Step[], options: RunStepsOptions): Promise<StepResult[]> {
    this.lockPending = false
    const take = this.lockTake()
    const quiet = options.quiet === true ? true : [take, ...(options.quiet || [])]
    // The next step starting means the lock was free: say so before that step's lines.
    const starting = (step: Step) => {
      if (step !== take && !this.locked) this.acquired()
      options.starting?.(step)
    }
    try {
      const results = await this.run([take, ...steps], { quiet, starting })
      if (!parseLockReply(results[0]?.stdout ?? '').acquired)
        throw stepFailure(take, results[0] as StepResult)
      if (!this.locked) this.acquired()
      return results.slice(1)
    } catch (error) {
      if (error instanceof StepError && error.step === take) {
        // Killed at its time limit or failed otherwise, the take may have made the lock all
        // the same: the unlock (which removes only a lock that is ours) must still run.
        if (error.result?.code !== LOCK_HELD) {
          this.locked = true
          throw error
        }
        // Held: wait for it (or break it when stale), then run the steps.
        await this.lock()
        return this.run(steps, options)
      }
      // A later step failed, or the connection dropped (then whether the lock was taken is
      // unknown: unlocking removes only a lock that is ours).
      if (!this.locked) this.acquired()
      throw error
    }
  }

  private acquired(): void {
    this.locked = true
    this.log('▸ lock acquired')
  }

  /** Takes the deploy lock, waiting for another deploy's; breaks one older than the stale age. */
  async lock(): Promise<void> {
    const { layout, lockTimeoutMs, lockStaleSeconds } = this.plan
    // Held is an answer here, not an error.
    const take = { ...this.lockTake(), mayFail: true }
    let told = false
    const tryTake = async (): Promise<LockReply> => {
      try {
        const result = await this.runOne(take, { quiet: true })
        // Cut off at its time limit, the take may have made the lock before.
        if (result.timedOutAfterMs !== undefined) this.locked = true
        return parseLockReply(result.stdout)
      } catch (error) {
        // The connection dropped: whether the lock was made is unknown, and the unlock (which
        // removes only a lock that is ours) must run.
        this.locked = true
        throw error
      }
    }
    const attempt = async (): Promise<LockReply> => {
      const reply = await tryTake()
      if (reply.acquired || !isStale(reply, lockStaleSeconds)) return reply
      this.log(`breaking a stale lock: ${describeLockHolder(reply)}`)
      await this.runOne(breakLockStep(layout, reply.sinceText), { quiet: true })
      return tryTake()
    }
    const result = await pollUntil(
      async () => {
        const reply = await attempt()
        if (!reply.acquired && !told)
          this.log(`waiting for the deploy lock, held by ${describeLockHolder(reply)}`)
        told ||= !reply.acquired
        return reply
      },
      {
        clock: this.clock,
        timeoutMs: lockTimeoutMs,
        interval: { initialMs: Math.min(250, this.job.pollMs), maxMs: this.job.pollMs },
        done: (reply) => reply.acquired
      }
    )
    const reply = result.value
    if (!reply.acquired)
      throw new StepError(
        take,
        undefined,
        `Timed out after ${Math.round(lockTimeoutMs / 1000)}s waiting for the deploy lock, held by ${describeLockHolder(reply)}`
      )
    this.acquired()
  }

  /** Releases the lock if held; over a fresh connection when this one dropped. */
  async unlock(): Promise<void> {
    if (!this.locked || this.unlocked) return
    const step = unlockStep(this.plan.layout, this.plan.token)
    const cannot = (error: unknown) =>
      this.log(
        `could not release the lock (it expires after ${this.plan.lockStaleSeconds}s): ${errorMessage(error)}`
      )
    try {
      await this.runOne(step, { quiet: true })
      this.unlocked = true
      this.log('▸ unlocked')
      return
    } catch (error) {
      if (!(error instanceof ConnectionLostError)) return cannot(error)
    }
    try {
      const fresh = await this.job.connect()
      try {
        const [result] = await fresh.run([step])
        if (result?.code !== 0)
          throw stepFailure(step, result ?? { code: null, stdout: '', stderr: '' })
        this.unlocked = true
        this.log('▸ unlocked (over a new connection)')
      } finally {
        await fresh.close()
      }
    } catch (error) {
      cannot(error)
    }
  }

  /**
   * A new release directory's id and the steps that prepare it, to run in one round trip with
   * the target's next step: the upload of its files (compose file, `.env`, release record) in
   * one stream, the registry login (password on stdin), the pre-deploy hook.
   */
  newRelease(spec: ReleaseSpec): { release: string; steps: Step[] } {
    const { clock, plan } = this
    const at = new Date(clock.now())
    const release =
      this.job.releaseId?.(spec.version) ?? releaseId(at, spec.version, plan.token.slice(0, 4))
    const record = JSON.stringify({
      version: spec.version,
      release,
      deployedAt: at.toISOString(),
      ...plan.owner
    })
    const steps: Step[] = [
      uploadStep(plan.layout, release, [
        { name: COMPOSE_FILE, content: spec.composeFile },
        { name: ENV_FILE, content: spec.env },
        { name: RELEASE_RECORD, content: record + '\n' }
      ])
    ]
    if (spec.registry)
      steps.push(loginStep(spec.registry.server, spec.registry.username, spec.registry.password))
    if (spec.preDeploy) steps.push(hookStep(plan.layout, release, 'pre-deploy', spec.preDeploy))
    return { release, steps }
  }

  /**
   * After a good release, in one round trip: the target's own last steps, `current` pointing at
   * the release, the post-deploy hook, the old releases and unused images pruned, the unlock.
   */
  async finish(
    state: HostState,
    release: string,
    options: { before?: Step[]; postDeploy?: string; prune?: boolean } = {}
  ): Promise<void> {
    const { layout, keepReleases, token } = this.plan
    const kept = [...new Set([...state.releases, release])].sort()
    const prune = releasesToPrune(kept, keepReleases, [release, state.current])
    // Its failure leaves the lock to the engine's unlock, not the deploy failed.
    const unlock = { ...unlockStep(layout, token), mayFail: true }
    const before = options.before ?? []
    const steps = [
      ...before,
      switchStep(layout, release),
      ...(options.postDeploy ? [hookStep(layout, release, 'post-deploy', options.postDeploy)] : []),
      ...(options.prune === false ? [] : [pruneStep(layout, prune, state.compose)]),
      ...(this.locked ? [unlock] : [])
    ]
    const results = await this.run(steps, {
      quiet: [unlock, ...before.filter((s) => s.name.startsWith('upload '))]
    })
    if (results.length === steps.length && this.locked && results.at(-1)?.code === 0) {
      this.unlocked = true
      this.log('▸ unlocked')
    }
  }
}

/** The version in a release record (`release.json`), if it is one. */
export function recordVersion(text: string): string | undefined {
  try {
    const record = JSON.parse(text) as { version?: unknown }
    return typeof record.version === 'string' ? record.version : undefined
  } catch {
    return undefined
  }
}
