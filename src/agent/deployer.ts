/**
 * The agent's deploy side: one job → one deploy through the engine (src/deploy) on this machine,
 * with the local step runner, exactly as ssh-deploy builds it from the same inputs (so the same
 * release directories, lock, health checks, rollback and pruning). Before anything is accepted
 * `resolve` asks the registry (the app's pull-only credentials) or the repository what a tag or
 * branch is now: the payload names a wish, never what runs. Every finished run notifies the app's
 * sinks; a sink that fails is logged and never fails the run.
 */
import { renameSync, writeFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { FULL_COMMIT, parseGitInspect, previousGood, shortCommit } from '../core/deploy/git.js'
import { matchesGlob } from '../core/glob.js'
import { buildNotification } from '../core/message/notification.js'
import type { Status } from '../core/message/status.js'
import { parseTargets } from '../core/notify/targets.js'
import {
  currentRecordStep,
  inspectStep,
  readRecordStep,
  switchStep,
  unlockStep,
  type AppLayout
} from '../core/deploy/remote.js'
import { parseInspect, versionOfRelease, type HostState } from '../core/deploy/releases.js'
import { gitInspectStep } from '../core/deploy/git.js'
import { deployHost } from '../deploy/engine.js'
import type { RolloutOutcome } from '../deploy/outcome.js'
import { localRunner } from '../deploy/runners/local.js'
import { HostSession, recordVersion } from '../deploy/session.js'
import type { StepRunner } from '../deploy/step.js'
import type { HostPlan, Serving } from '../deploy/target.js'
import { hostTarget } from '../deploy/targets/index.js'
import { resolveCommit } from '../deploy/targets/git.js'
import { RegistryClient } from '../io/registry.js'
import { formatDuration } from '../lib/duration.js'
import { ConfigurationError, errorMessage } from '../lib/errors.js'
import { InputReader } from '../lib/inputs.js'
import { lineSecrets, redactor, redactUrlCredentials } from '../lib/redact.js'
import { realClock, type Clock } from '../lib/clock.js'
import { deliverOne, type NotifyDeps } from '../actions/notify/main.js'
import type { AgentLog } from './queue.js'
import { identify, type ProcessIdentity } from './processes.js'
import {
  hostPlanOf,
  readReleaseSettings,
  type ReleaseSettings
} from '../actions/ssh-deploy/settings.js'
import {
  UnresolvableError,
  type AppConfig,
  type Deployer,
  type DeployRequest,
  type JobRecord,
  type Resolved,
  type RunResult
} from './contract.js'

/** `runs/<app>.json`: a run in progress, for recovery after the agent was stopped midway. */
export interface RunFile {
  job: string
  /** The run's lock token: recovery releases the lock only if this run still holds it. */
  token: string
  /** The version `current` ran before the run started. */
  before?: string
  startedAt: string
  pid: number
  /** The version the run deploys (`rollback to v1` for a rollback). */
  version?: string
  /** The process groups of the run's steps still running (src/agent/processes.ts). */
  groups?: ProcessIdentity[]
  /**
   * How the run ended, once it did: written before the notifications, so that an agent stopped
   * during them records this outcome instead of an interrupted run.
   */
  outcome?: RunResult
}

export interface DeployerOptions {
  /** The agent's state directory (runs/ lives there). */
  stateDir: string
  /** Where relative `compose-file`s are read from: the config file's directory. */
  configDir: string
  clock?: Clock
  /** The longest wait between two looks at the host (health, lock). */
  pollMs?: number
  /** This machine's step runner for an app; tests pass scripted runners. */
  connect?: (app: AppConfig) => Promise<StepRunner>
  /** Registry HTTP. */
  fetch?: typeof fetch
  /** Notification delivery (fetch, sleep, Slack's sender). */
  notify?: Partial<NotifyDeps> & { retries?: number }
  /** Lines for the agent's own log (a sink that failed, a run file that could not be written). */
  onEvent?: AgentLog
  /** Names this host in notifications. */
  hostname?: string
  /** How long a lookup (the registry, `git ls-remote`) may take; then it is stopped. 5 s. */
  resolveTimeoutMs?: number
}

/** A deployer with what recovery needs beside the contract. */
export interface AgentDeployer extends Deployer {
  readonly options: DeployerOptions
  /** Where an app lives on this machine (`path`, the compose project). */
  layout(app: AppConfig): AppLayout
  /** This machine's runner for one app (its step timeout). */
  connect(app: AppConfig): Promise<StepRunner>
  /**
   * What serves the app now, by its target (for blue-green the proxy's live slot), with
   * `current` as recorded; with `health`, checked by the target's own health check.
   */
  serving(
    app: AppConfig,
    options: { health: boolean; log?: (line: string) => void }
  ): Promise<Serving & { current?: string }>
  /** Points `current` at a kept release that serves, under the app's lock (recovery). */
  recordCurrent(app: AppConfig, release: string, log: (line: string) => void): Promise<void>
  /** Tells the app's sinks how a run ended (run() does it for its own runs). */
  notify(
    app: AppConfig,
    job: Pick<JobRecord, 'id' | 'request'>,
    result: RunResult,
    durationMs: number,
    log: (line: string) => void
  ): Promise<void>
}

const RESOLVE_TIMEOUT_MS = 5000

export function createDeployer(options: DeployerOptions): AgentDeployer {
  const clock = options.clock ?? realClock
  const connect = (app: AppConfig, onGroup?: (pgid: number, event: 'started' | 'ended') => void) =>
    options.connect?.(app) ??
    Promise.resolve(localRunner({ stepTimeoutMs: app.stepTimeoutMs, onGroup }))
  const event: AgentLog = (e) => options.onEvent?.(e)
  const resolveMs = options.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS
  // `git ls-remote` is killed (its process group) at the lookup's deadline, not left running
  // after the sender got its 503.
  const connectForLookup = (app: AppConfig) =>
    options.connect?.(app) ??
    Promise.resolve(localRunner({ stepTimeoutMs: resolveMs, killGraceMs: 0 }))

  const deployer: AgentDeployer = {
    options,
    layout: layoutOf,
    connect: (app) => connect(app),
    notify: (app, job, result, durationMs, log) => notifyRun(app, job, result, durationMs, log),

    async resolve(app, request, signal) {
      if (request.kind === 'rollback')
        return { version: `rollback to ${request.to}`, ref: request.to }
      if (request.kind === 'image')
        return resolveImage(app, request.tag, options.fetch, resolveMs, signal)
      return resolveGit(app, request.ref, () => connectForLookup(app))
    },

    async status(app) {
      return readStatus(app, await connect(app))
    },

    serving: (app, { health, log }) => servingOf(app, health, log ?? (() => {})),

    async recordCurrent(app, release, log) {
      const { plan } = await prepare(LOOK, app)
      try {
        await withSession(app, plan, log, async (session) => {
          await session.lock()
          await session.run([switchStep(plan.layout, release)])
        })
      } catch (error) {
        // The lock may have been taken before the connection dropped: removed if it is ours.
        const runner = await connect(app)
        await runner
          .run([{ ...unlockStep(plan.layout, plan.token), mayFail: true }])
          .catch(() => undefined)
          .finally(() => runner.close())
        throw error
      }
    },

    async run(job, app, unmasked) {
      // Step output, failures and notifications: the app's secrets and any credentials in a
      // repository URL masked before anything keeps them.
      const maskSecrets = maskerOf(app)
      const mask = (text: string) => maskSecrets(redactUrlCredentials(text))
      const log = (line: string) => unmasked(mask(line))
      const startedAt = clock.now()
      let result: RunResult
      let runFile: string | undefined
      try {
        const prepared = await prepare(job, app)
        const before = (await deployer.status(app).catch(() => ({ current: undefined }))).current
        // The log's first lines, as ssh-deploy's: what is deployed, and what ran before it.
        log(
          prepared.target.headline({
            app: app.name,
            what:
              job.request.kind === 'rollback'
                ? `rollback to ${job.request.to}`
                : (job.resolved?.version ?? job.version ?? 'the newest release'),
            hosts: ['this machine'],
            maxParallel: 1
          })
        )
        log(before ? `current release: ${before}` : 'no release yet')
        const run: RunFile = {
          job: job.id,
          token: prepared.plan.token,
          before,
          startedAt: new Date(clock.now()).toISOString(),
          pid: process.pid,
          version: versionOf(prepared.plan)
        }
        runFile = await writeRunFile(options.stateDir, app.name, run)
        // The steps' process groups in the run file, so that recovery can stop what a killed
        // agent left running.
        const groups = new Map<number, ProcessIdentity>()
        const onGroup = (pgid: number, event: 'started' | 'ended') => {
          const id = event === 'started' ? identify(pgid) : undefined
          if (id) groups.set(pgid, id)
          else groups.delete(pgid)
          // Synchronously: the file names the group before the step can do anything.
          try {
            writeRunFileSync(options.stateDir, app.name, { ...run, groups: [...groups.values()] })
          } catch (error) {
            log(`cannot update the run file: ${errorMessage(error)}`)
          }
        }
        const outcome = await deployHost(prepared.target, {
          name: 'this machine',
          plan: prepared.plan,
          clock,
          pollMs: options.pollMs ?? 1000,
          connect: () => connect(app, onGroup),
          log
        })
        result = resultOf(outcome, job.request)
        result.version ??= job.resolved?.version
        if (result.state === 'failed' && outcome.after === undefined)
          await reportServing(app, result, outcome.before, log)
        if (result.message !== undefined) result.message = mask(result.message)
        // The outcome, before anything else can stop the agent (the notifications).
        writeRunFileSync(options.stateDir, app.name, { ...run, outcome: result })
      } catch (error) {
        const message = mask(errorMessage(error))
        log(`failed: ${message}`)
        result = { state: 'failed', message }
      }
      try {
        // Never fails the run: a sink's failure is already logged by notifyRun.
        await notifyRun(app, job, result, clock.now() - startedAt, log).catch((error: unknown) =>
          warn(app, job, `notify: ${errorMessage(error)}`, log)
        )
      } finally {
        if (runFile) await rm(runFile, { force: true })
      }
      return result
    }
  }

  /**
   * A run the engine ended with an error it caught (a failed post-deploy hook, a lost
   * connection) may have left a new release serving: the report names what serves, not the
   * release before.
   */
  async function reportServing(
    app: AppConfig,
    result: RunResult,
    before: string | undefined,
    log: (line: string) => void
  ) {
    const now = await servingOf(app, false, () => {}).catch(() => undefined)
    result.after = now ? now.version : before
    if (now?.version && now.version !== before) {
      result.message = `${result.message ?? 'failed'}; ${now.version} serves`
      log(`${now.version} serves`)
    }
  }

  async function withSession<T>(
    app: AppConfig,
    plan: HostPlan,
    log: (line: string) => void,
    use: (session: HostSession) => Promise<T>
  ): Promise<T> {
    const job = {
      name: 'this machine',
      plan,
      clock,
      pollMs: options.pollMs ?? 1000,
      connect: () => connect(app),
      log
    }
    const runner = await job.connect()
    const session = new HostSession(job, runner)
    try {
      return await use(session)
    } finally {
      await session.unlock()
      await runner.close()
    }
  }

  async function servingOf(app: AppConfig, health: boolean, log: (line: string) => void) {
    const { target, plan } = await prepare(LOOK, app)
    return withSession(app, plan, log, async (session) => {
      const { state, before } = await session.inspect(target)
      return { current: before, ...(await target.serving(session, state, { health })) }
    })
  }

  /** The HostPlan and target, built as ssh-deploy builds them, from the app's inputs. */
  async function prepare(job: JobRecord & { resolved?: Resolved }, app: AppConfig) {
    const { request } = job
    const extra: Record<string, string> = {
      app: app.name,
      target: app.target,
      strategy: app.strategy
    }
    let commit: string | undefined
    let contains: { commit: string; branch: string } | undefined
    if (request.kind === 'rollback') extra['rollback-to'] = request.to
    else if (request.kind === 'image') {
      if (app.target !== 'compose' || !app.image)
        throw new ConfigurationError(`app ${app.name} deploys no image (target ${app.target})`)
      const resolved =
        job.resolved ?? (await resolveImage(app, request.tag, options.fetch, resolveMs))
      const image = `${app.image.reference}@${resolved.ref}`
      extra.version = resolved.version
      extra.env = [
        ...(app.inputs.env ?? '')
          .split(/\r?\n/)
          .filter((l) => !/^\s*(IMAGE|IMAGE_TAG)\s*=/.test(l)),
        `IMAGE=${image}`,
        `IMAGE_TAG=${request.tag}`
      ]
        .filter((l) => l.trim() !== '')
        .join('\n')
      if (app.inputs['registry-username'] !== undefined && app.inputs.registry === undefined)
        extra.registry = app.image.registry
    } else {
      if (app.target !== 'git')
        throw new ConfigurationError(`app ${app.name} is not a git app (target ${app.target})`)
      const head = FULL_COMMIT.test(job.resolved?.ref ?? '')
        ? (job.resolved?.ref as string)
        : (await resolveGit(app, request.ref, () => connect(app))).ref
      // A pushed commit behind the head must be in its history: checked by the git target after
      // its fetch, under the lock (src/deploy/targets/git.ts `contains`).
      if (request.commit && request.commit.toLowerCase() !== head)
        contains = { commit: request.commit.toLowerCase(), branch: app.branch ?? 'main' }
      commit = head
      extra.commit = head
    }
    const settings = readSettingsOf(app, options.configDir, extra)
    const git = settings.git && {
      source: settings.git.source,
      build: settings.git.build,
      restart: settings.git.restart,
      linked: settings.git.linked,
      commit: commit ?? settings.git.ref,
      ...(contains ? { contains } : {})
    }
    if (git && commit) settings.version = shortCommit(commit)
    const target = hostTarget(settings.target, {
      app: settings.app,
      git,
      blueGreen: settings.blueGreen
    })
    return { target, plan: planOf(settings, job.id) }
  }

  async function notifyRun(
    app: AppConfig,
    job: Pick<JobRecord, 'id' | 'request'>,
    result: RunResult,
    durationMs: number,
    log: (line: string) => void
  ) {
    if (app.notify.length === 0) return
    const mask = maskerOf(app)
    let targets
    try {
      targets = parseTargets(app.notify, `apps.${app.name}.notify`)
    } catch (error) {
      warn(app, job, `notify: ${errorMessage(error)}`, log)
      return
    }
    const status: Status =
      result.state === 'failed'
        ? 'failed'
        : result.state === 'rolled-back' || job.request.kind === 'rollback'
          ? 'rolled-back'
          : 'deployed'
    const host = options.hostname ?? hostname()
    const fields: [string, string][] = [
      ['Before', result.before ?? 'none'],
      ['After', result.after ?? 'none'],
      ['Job', job.id]
    ]
    const notification = buildNotification(
      {
        provider: 'local',
        project: app.name,
        version: result.version ?? result.after,
        environment: host,
        actor: 'gantry agent',
        duration: formatDuration(durationMs)
      },
      { status, text: result.message && mask(result.message), fields }
    )
    const secrets = targets.flatMap((t) => t.secrets)
    const settings = {
      retries: options.notify?.retries ?? 2,
      secrets,
      messageIds: {},
      signingSecret: undefined,
      text: result.message && mask(result.message),
      fields
    }
    await Promise.all(
      targets.map(async (target) => {
        try {
          const outcome = await deliverOne(
            target,
            notification,
            settings,
            options.notify ?? {},
            () => {}
          )
          if (outcome.delivered) log(`notified ${target.display}`)
          else warn(app, job, `notify ${target.display}: not delivered: ${outcome.detail}`, log)
        } catch (error) {
          warn(app, job, `notify ${target.display}: ${errorMessage(error)}`, log)
        }
      })
    )
  }

  function warn(
    app: AppConfig,
    job: Pick<JobRecord, 'id'>,
    message: string,
    log: (line: string) => void
  ) {
    log(message)
    event({ level: 'warn', event: 'notify-failed', app: app.name, job: job.id, message })
  }

  return deployer
}

/**
 * What the app read from `*-file`/`*-env` (and a password written in its repository URL), to be
 * masked in whatever a run prints, keeps or sends: a step may print any of them.
 */
function maskerOf(app: AppConfig): (text: string) => string {
  const { github, gantry, registry, harbor, token } = app.triggers
  return redactor(
    lineSecrets(
      [
        app.inputs['registry-password'],
        app.inputs['repository-key'],
        github?.secret,
        gantry?.secret,
        registry?.value,
        registry?.value.replace(/^Bearer /, ''),
        harbor?.value,
        token?.secret,
        ...urlPasswords(app.inputs.repository)
      ].filter((s): s is string => s !== undefined && s !== '')
    )
  )
}

/** `https://user:token@host/…`: the token as written and decoded. */
function urlPasswords(repository: string | undefined): string[] {
  try {
    const { password } = new URL(repository ?? '')
    return password ? [password, decodeURIComponent(password)] : []
  } catch {
    return []
  }
}

/** The app's inputs with the agent's own, read by ssh-deploy's reader (the one validation). */
function readSettingsOf(
  app: AppConfig,
  configDir: string,
  extra: Record<string, string>
): ReleaseSettings {
  const inputs: Record<string, string> = { ...app.inputs, ...extra }
  const reader = new InputReader((name) => inputs[name] ?? '')
  return readReleaseSettings(reader, configDir, {}, [THIS_MACHINE])
}

const THIS_MACHINE = { user: 'agent', host: 'localhost', port: 22 }

/** ssh-deploy's plan; `{host}` in the health URL is this machine. */
function planOf(settings: ReleaseSettings, jobId: string): HostPlan {
  const plan = hostPlanOf(settings, { actor: 'gantry agent', runUrl: `agent job ${jobId}` })
  return { ...plan, healthUrl: plan.healthUrl?.replaceAll('{host}', '127.0.0.1') }
}

function resultOf(outcome: RolloutOutcome, request: DeployRequest): RunResult {
  const state =
    outcome.status === 'deployed'
      ? 'succeeded'
      : outcome.status === 'rolled-back'
        ? 'rolled-back'
        : 'failed'
  return {
    state,
    version:
      outcome.attempted ?? outcome.after ?? (request.kind === 'rollback' ? request.to : undefined),
    before: outcome.before,
    // A failure the engine caught (before `up`, a lost connection) left `current` as it was.
    after: outcome.after ?? (state === 'failed' ? outcome.before : undefined),
    message: outcome.message
  }
}

/** A rollback's settings serve to look at an app: they need no registry or repository. */
const LOOK = { id: 'look', request: { kind: 'rollback', to: 'previous' } } as const as JobRecord

const versionOf = (plan: HostPlan) =>
  plan.mode.kind === 'deploy' ? plan.mode.version : `rollback to ${plan.mode.to}`

/** `path` (ssh-deploy's default `~/gantry/<app>`) and the compose project. */
export function layoutOf(app: AppConfig): AppLayout {
  return { dir: app.inputs.path ?? `~/gantry/${app.name}`, project: app.name }
}

/** The short form of a digest in versions: `v2@sha256:ab12cd34ef56`. */
export function imageVersion(tag: string, digest: string): string {
  const [algorithm, hex = ''] = digest.split(':')
  return `${tag}@${algorithm}:${hex.slice(0, 12)}`
}

async function resolveImage(
  app: AppConfig,
  tag: string,
  fetchImpl: typeof fetch | undefined,
  timeoutMs: number,
  signal?: AbortSignal
): Promise<Resolved> {
  if (app.target !== 'compose' || !app.image)
    throw new UnresolvableError(`app ${app.name} deploys no image (target ${app.target})`)
  const { image } = app
  if (!app.tags.some((glob) => matchesGlob(glob, tag)))
    throw new UnresolvableError(
      `tag ${tag} matches none of the tags ${app.name} may deploy (${app.tags.join(', ')})`
    )
  const username = app.inputs['registry-username']
  const password = app.inputs['registry-password']
  const base = fetchImpl ?? globalThis.fetch
  const timeout = AbortSignal.timeout(timeoutMs)
  const client = new RegistryClient({
    registry: image.registry,
    credentials: async () => ({
      credentials: username && password ? { username, password } : undefined,
      from: `the agent's config (app ${app.name})`
    }),
    fetch: (input, init) =>
      base(input, {
        ...init,
        signal: AbortSignal.any([
          timeout,
          ...(signal ? [signal] : []),
          ...(init?.signal ? [init.signal] : [])
        ])
      }),
    attempts: 2,
    timeoutMs
  })
  const found = await client.headManifest(image.repository, tag)
  if (!found) throw new UnresolvableError(`tag ${tag} of ${image.reference} is not in the registry`)
  const digest = found.digest ?? (await client.getManifest(image.repository, tag)).digest
  return { version: imageVersion(tag, digest), ref: digest }
}

async function resolveGit(
  app: AppConfig,
  ref: string,
  connect: () => Promise<StepRunner>
): Promise<Resolved> {
  if (app.target !== 'git')
    throw new UnresolvableError(`app ${app.name} is not a git app (target ${app.target})`)
  const branch = app.branch ?? 'main'
  const name = ref.replace(/^refs\/heads\//, '')
  if (name !== branch)
    throw new UnresolvableError(`${ref} is not the branch ${app.name} deploys (${branch})`)
  const repository = app.inputs.repository
  if (!repository) throw new UnresolvableError(`app ${app.name} has no repository`)
  const source = {
    repository,
    ...(app.inputs['repository-known-hosts']
      ? { knownHosts: app.inputs['repository-known-hosts'] }
      : {}),
    ...(app.inputs['repository-key'] ? { key: app.inputs['repository-key'] } : {})
  }
  try {
    const commit = await resolveCommit(source, `refs/heads/${branch}`, connect)
    return { version: shortCommit(commit), ref: commit }
  } catch (error) {
    // Answered to the webhook's sender and logged: no token from the URL, no key.
    throw new UnresolvableError(
      maskerOf(app)(`branch ${branch} of ${repository}: ${errorMessage(error)}`)
    )
  }
}

/** `current` and the release before it (a good one, for git), by their records' versions. */
async function readStatus(
  app: AppConfig,
  runner: StepRunner
): Promise<{ current?: string; previous?: string }> {
  const layout = layoutOf(app)
  try {
    const git = app.target === 'git'
    const [inspected] = await runner.run([git ? gitInspectStep(layout) : inspectStep(layout)])
    const stdout = inspected?.stdout ?? ''
    let state: HostState
    let previous: string | undefined
    if (git) {
      const parsed = parseGitInspect(stdout)
      if ('problem' in parsed) return {}
      state = parsed
      previous = previousGood(parsed)
    } else {
      state = parseInspect(stdout)
      const index = state.current ? state.releases.indexOf(state.current) : -1
      previous = index > 0 ? state.releases[index - 1] : undefined
    }
    if (!state.current) return {}
    const steps = [
      currentRecordStep(layout),
      ...(previous ? [readRecordStep(layout, previous)] : [])
    ]
    const [current, before] = await runner.run(steps)
    return {
      current: recordVersion(current?.stdout ?? '') ?? versionOfRelease(state.current),
      ...(previous
        ? { previous: recordVersion(before?.stdout ?? '') ?? versionOfRelease(previous) }
        : {})
    }
  } finally {
    await runner.close()
  }
}

export const runFilePath = (stateDir: string, app: string) => join(stateDir, 'runs', `${app}.json`)

function writeRunFileSync(stateDir: string, app: string, run: RunFile): void {
  const path = runFilePath(stateDir, app)
  const partial = `${path}.${randomUUID()}.partial`
  writeFileSync(partial, JSON.stringify(run) + '\n', { mode: 0o600 })
  renameSync(partial, path)
}

async function writeRunFile(stateDir: string, app: string, run: RunFile): Promise<string> {
  const dir = join(stateDir, 'runs')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const path = runFilePath(stateDir, app)
  // Written whole, then renamed: recovery never reads half a file.
  const partial = `${path}.${randomUUID()}.partial`
  await writeFile(partial, JSON.stringify(run) + '\n', { mode: 0o600 })
  await rename(partial, path)
  return path
}
