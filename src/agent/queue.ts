/**
 * Jobs and their order. Per app: one job running, and waiting at most one deploy and one
 * rollback, in arrival order. A newer deploy supersedes the waiting deploy (it goes to the back:
 * the newest delivery always wins), a newer rollback the waiting rollback; a deploy never
 * replaces a waiting rollback (it queues behind it) nor a rollback a deploy. Apps run in
 * parallel. More than `maxPending` jobs waiting across apps: the submission is refused (429).
 *
 * Arrival order is the order of `reserve`, not of the lookups that follow it: a webhook's place
 * is taken when it is verified, before the registry is asked, and its lookup's answer fills that
 * place (`Place.fill`). So v1.5 pushed before v1.6 never runs after it, however slow v1.5's
 * lookup: when v1.6's answer comes first, v1.5's place is superseded and its answer dropped.
 */
import type {
  AppConfig,
  Deployer,
  DeployRequest,
  JobRecord,
  Resolved,
  RunResult
} from './contract.js'
import type { AgentStore } from './store.js'
import { newJobId } from './store.js'
import type { Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import { redactUrlCredentials } from '../lib/redact.js'

/**
 * One line per event; the agent's main writes it as text or JSON. The events and their fields:
 *   listening {url, apps} · rejected {app, status, reason, remote} · ignored {app, via, reason}
 *   duplicate {app, job, via, delivery} · rollback-requested {app, to, remote}
 *   queued {app, job, via, version} · superseded {app, job, by} · resumed {app, job, version}
 *   running {app, job, version} · succeeded | rolled-back | failed {app, job, version, before?,
 *   after?, message?} · left-queued {app, job} · store-failed | status-failed | error {error}
 */
export interface AgentEvent {
  event: string
  level?: 'info' | 'warn' | 'error'
  app?: string
  job?: string
  [field: string]: unknown
}
export type AgentLog = (event: AgentEvent) => void

/** A job's log is kept to this many lines (the first and the newest). */
export const LOG_LINES_KEPT = 2000
const LOG_HEAD_KEPT = 100
/** And each line to this many characters (a build printing one 200 MB line). */
export const LOG_LINE_CHARS = 4000

/** A line as the job's log keeps it: no URL credentials, cut at LOG_LINE_CHARS. */
function logLineOf(text: string): string {
  const line = redactUrlCredentials(text)
  if (line.length <= LOG_LINE_CHARS) return line
  return `${line.slice(0, LOG_LINE_CHARS)} … (${line.length - LOG_LINE_CHARS} more characters left out)`
}

type Job = JobRecord & {
  resolved?: Resolved
  /** Reserved, its lookup not answered yet: it holds its place but cannot start. */
  looking?: boolean
}

interface AppLane {
  app: AppConfig
  running?: Job
  waiting: Job[]
}

export type SubmitResult =
  | { ok: true; job: JobRecord; superseded?: string }
  | { ok: false; retryAfterSeconds: number; reason: string }

/** A place in an app's queue, taken before the delivery's lookup (see the file's opening). */
export interface Place {
  /** The job the delivery becomes. */
  readonly job: string
  /** The lookup's answer: the job is queued in its place, or ends superseded by a later arrival. */
  fill(resolved?: Resolved): Promise<SubmitResult>
  /** The lookup failed: the place is given up, nothing else changes. */
  cancel(): void
}

export type ReserveResult =
  { ok: true; place: Place } | { ok: false; retryAfterSeconds: number; reason: string }

export interface QueueOptions {
  deployer: Deployer
  store: AgentStore
  clock: Clock
  maxPending: number
  apps: AppConfig[]
  log?: AgentLog
}

const isRollback = (job: JobRecord) => job.request.kind === 'rollback'

export class JobQueue {
  private readonly lanes = new Map<string, AppLane>()
  private readonly runs = new Set<Promise<void>>()
  private stopped = false
  private resumed = false
  /** Recent run durations, for Retry-After. */
  private readonly durations: number[] = []

  constructor(private readonly options: QueueOptions) {
    for (const app of options.apps) this.lanes.set(app.name, { app, waiting: [] })
  }

  private log(event: AgentEvent): void {
    this.options.log?.(event)
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString()
  }

  /** Jobs waiting across all apps (a place still being looked up is not a job yet). */
  get pending(): number {
    let n = 0
    for (const lane of this.lanes.values()) n += lane.waiting.filter((j) => !j.looking).length
    return n
  }

  /** The app's running job and waiting jobs (next first). */
  state(app: string): { running: string | null; waiting: string[] } {
    const lane = this.lanes.get(app)
    const waiting = lane?.waiting.filter((j) => !j.looking).map((j) => j.id) ?? []
    return { running: lane?.running?.id ?? null, waiting }
  }

  /** Seconds a refused sender should wait: about one run. */
  retryAfterSeconds(): number {
    const recent = this.durations.slice(-10)
    const average = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 30_000
    return Math.min(600, Math.max(1, Math.ceil(average / 1000)))
  }

  /**
   * Would a submission of this kind for this app be refused for a full queue? (Checked before
   * resolving, so a full agent does not ask the registry.)
   */
  wouldRefuse(app: string, request: DeployRequest): boolean {
    const lane = this.lanes.get(app)
    if (!lane || this.stopped) return true
    // Lookups in flight are bounded too: each holds a request and a registry connection.
    if (this.looking >= this.options.maxPending) return true
    // An idle app starts the job at once: it never waits, so it never counts.
    if (!lane.running && lane.waiting.length === 0) return false
    const replaces = lane.waiting.some((j) => isRollback(j) === (request.kind === 'rollback'))
    return !replaces && this.pending >= this.options.maxPending
  }

  /** Places reserved whose lookup has not answered. */
  private looking = 0

  /** Queues a job (saved before this returns); it starts at once when the app is idle. */
  async submit(
    app: AppConfig,
    via: JobRecord['via'],
    request: DeployRequest,
    resolved?: Resolved
  ): Promise<SubmitResult> {
    const reserved = this.reserve(app, via, request)
    return reserved.ok ? reserved.place.fill(resolved) : reserved
  }

  /**
   * Takes the delivery's place in the app's queue now, in arrival order, before its lookup;
   * `fill` it with the lookup's answer or `cancel` it. Refused like `submit` when full.
   */
  reserve(app: AppConfig, via: JobRecord['via'], request: DeployRequest): ReserveResult {
    const lane = this.lanes.get(app.name)
    if (!lane) throw new Error(`no app '${app.name}' in the queue`)
    if (this.stopped) return { ok: false, retryAfterSeconds: 30, reason: 'the agent is stopping' }
    if (this.wouldRefuse(app.name, request))
      return {
        ok: false,
        retryAfterSeconds: this.retryAfterSeconds(),
        reason: `${this.pending} jobs are waiting (max-pending ${this.options.maxPending})`
      }
    const job: Job = {
      id: newJobId(),
      app: app.name,
      via,
      request,
      state: 'queued',
      queuedAt: this.now(),
      log: [],
      looking: true
    }
    lane.waiting.push(job)
    this.looking++
    let settled = false
    const settle = () => {
      if (settled) throw new Error(`the place of job ${job.id} was already filled or cancelled`)
      settled = true
      this.looking--
      delete job.looking
    }
    return {
      ok: true,
      place: {
        job: job.id,
        fill: (resolved) => {
          settle()
          return this.fill(lane, job, resolved)
        },
        cancel: () => {
          settle()
          this.remove(lane, job)
          this.pump(lane)
        }
      }
    }
  }

  private async fill(lane: AppLane, job: Job, resolved?: Resolved): Promise<SubmitResult> {
    if (resolved) Object.assign(job, { version: resolved.version, resolved })
    if (this.stopped) {
      this.remove(lane, job)
      return { ok: false, retryAfterSeconds: 30, reason: 'the agent is stopping' }
    }
    // A later arrival's answer came first and took this one's place: kept as superseded.
    if (job.state === 'superseded') {
      await this.save(job)
      return { ok: true, job }
    }
    const superseded = this.supersedeEarlier(lane, job)
    await this.save(job)
    this.log({
      event: 'queued',
      app: lane.app.name,
      job: job.id,
      via: job.via,
      version: job.version ?? describe(job.request)
    })
    this.pump(lane)
    return { ok: true, job, ...(superseded ? { superseded } : {}) }
  }

  private remove(lane: AppLane, job: Job): void {
    const index = lane.waiting.indexOf(job)
    if (index >= 0) lane.waiting.splice(index, 1)
  }

  /**
   * Supersedes the waiting job of the job's kind that arrived before it (one whose lookup is
   * still going included: its answer is then dropped); the superseded id.
   */
  private supersedeEarlier(lane: AppLane, job: Job): string | undefined {
    const mine = lane.waiting.indexOf(job)
    const same = lane.waiting.findIndex((j, i) => i < mine && isRollback(j) === isRollback(job))
    if (same < 0) return undefined
    const old = lane.waiting[same]!
    lane.waiting.splice(same, 1)
    old.state = 'superseded'
    old.endedAt = this.now()
    old.message = `superseded by job ${job.id} (${job.version ?? describe(job.request)})`
    this.log({ event: 'superseded', app: lane.app.name, job: old.id, by: job.id })
    // One still looking is saved when its answer comes (then it has its version).
    if (!old.looking) void this.save(old)
    return old.id
  }

  /**
   * At start, after recovery: the jobs an earlier run of the agent accepted and had not started
   * are queued again, in their order (an accepted delivery is not lost to a restart); a job
   * still marked running that recovery did not end ended with that agent. Once.
   */
  async resume(): Promise<void> {
    if (this.resumed) return
    this.resumed = true
    const live = new Set<string>()
    for (const lane of this.lanes.values()) {
      if (lane.running) live.add(lane.running.id)
      for (const j of lane.waiting) live.add(j.id)
    }
    for (const record of this.options.store.jobs()) {
      if (live.has(record.id)) continue
      const job = record as Job
      const lane = this.lanes.get(job.app)
      if (job.state === 'running' || (job.state === 'queued' && !lane)) {
        const wasRunning = job.state === 'running'
        job.state = 'failed'
        job.endedAt = this.now()
        job.message = wasRunning
          ? 'interrupted: the agent stopped during this run'
          : `app '${job.app}' is no longer in the config`
        await this.save(job)
        this.log({
          event: 'failed',
          level: 'error',
          app: job.app,
          job: job.id,
          message: job.message
        })
      } else if (job.state === 'queued' && lane) {
        lane.waiting.push(job)
        this.supersedeEarlier(lane, job)
        this.log({
          event: 'resumed',
          app: job.app,
          job: job.id,
          version: job.version ?? describe(job.request)
        })
      }
    }
    for (const lane of this.lanes.values()) this.pump(lane)
  }

  private async save(job: Job): Promise<void> {
    // `resolved` is kept in the file: a job resumed after a restart deploys what was accepted.
    try {
      await this.options.store.saveJob(job)
    } catch (error) {
      this.log({
        event: 'store-failed',
        level: 'error',
        app: job.app,
        job: job.id,
        error: errorMessage(error)
      })
    }
  }

  private pump(lane: AppLane): void {
    // The next in arrival order whose lookup has not answered holds the lane until it does.
    if (lane.running || this.stopped || lane.waiting[0]?.looking) return
    const next = lane.waiting.shift()
    if (!next) return
    lane.running = next
    const run = this.run(lane, next).finally(() => {
      this.runs.delete(run)
      lane.running = undefined
      this.pump(lane)
    })
    this.runs.add(run)
  }

  private async run(lane: AppLane, job: Job): Promise<void> {
    const started = this.options.clock.now()
    job.state = 'running'
    job.startedAt = this.now()
    await this.save(job)
    this.log({
      event: 'running',
      app: job.app,
      job: job.id,
      version: job.version ?? describe(job.request)
    })
    // Keep the first lines (what started) and the newest (how it ended), and say what is left out.
    let dropped = 0
    // The log reaches the job's file while the run goes on (at most twice a second), so a run the
    // agent did not live to finish (kill -9, a crash) keeps what it printed for recovery to show.
    let pendingSave: NodeJS.Timeout | undefined
    const saveSoon = () => {
      if (pendingSave) return
      pendingSave = setTimeout(() => {
        pendingSave = undefined
        void this.save(job).catch(() => undefined)
      }, 500)
      pendingSave.unref()
    }
    const logLine = (text: string) => {
      saveSoon()
      job.log.push(logLineOf(text))
      if (job.log.length <= LOG_LINES_KEPT) return
      if (dropped === 0) {
        job.log.splice(LOG_HEAD_KEPT, 2, '')
        dropped = 2
      } else {
        job.log.splice(LOG_HEAD_KEPT + 1, 1)
        dropped++
      }
      job.log[LOG_HEAD_KEPT] = `… ${dropped} lines left out …`
    }
    let result: RunResult
    try {
      result = await this.options.deployer.run(job, lane.app, logLine)
    } catch (error) {
      // The contract says run() never throws; if it does, the job still ends.
      result = { state: 'failed', message: `the deployer failed: ${errorMessage(error)}` }
    }
    clearTimeout(pendingSave)
    job.state = result.state
    job.endedAt = this.now()
    if (result.version !== undefined) job.version = result.version
    if (result.before !== undefined) job.before = result.before
    if (result.after !== undefined) job.after = result.after
    if (result.message !== undefined) job.message = redactUrlCredentials(result.message)
    this.durations.push(this.options.clock.now() - started)
    if (this.durations.length > 50) this.durations.shift()
    await this.save(job)
    this.log({
      event: result.state,
      level: result.state === 'succeeded' ? 'info' : result.state === 'failed' ? 'error' : 'warn',
      app: job.app,
      job: job.id,
      version: job.version,
      ...(job.before !== undefined ? { before: job.before } : {}),
      ...(job.after !== undefined ? { after: job.after } : {}),
      ...(job.message !== undefined ? { message: job.message } : {})
    })
  }

  /** Resolves when nothing runs or waits (tests; a drained shutdown). */
  async idle(): Promise<void> {
    while (this.runs.size > 0) await Promise.all([...this.runs])
  }

  /**
   * Stops: no new job starts (the waiting ones stay queued in the store, and the next start
   * resumes them); running ones get `graceMs` to finish. True when nothing was left running.
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopped = true
    for (const lane of this.lanes.values())
      for (const job of lane.waiting.splice(0))
        if (!job.looking) this.log({ event: 'left-queued', app: job.app, job: job.id })
    if (this.runs.size === 0) return true
    return Promise.race([
      Promise.all([...this.runs]).then(() => true),
      this.options.clock.sleep(graceMs).then(() => false)
    ])
  }
}

/** A request before it is resolved, for logs. */
export function describe(request: DeployRequest): string {
  switch (request.kind) {
    case 'image':
      return request.tag
    case 'git':
      return request.commit ? `${request.ref}@${request.commit.slice(0, 12)}` : request.ref
    case 'rollback':
      return `rollback to ${request.to}`
  }
}
