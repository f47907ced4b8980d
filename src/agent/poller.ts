/**
 * Registry polling, for hosts no webhook can reach: for each app with `triggers.poll`, each of its
 * tags without wildcards is resolved to its digest every interval ± jitter (so a fleet does not
 * ask the registry in step); a digest other than the one last seen (or, the first time, other
 * than the one deployed) queues a deploy. The digests seen are kept in the state directory
 * (`poll.json`), so a restart does not deploy again what already ran.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../lib/errors.js'
import type { AppConfig, Deployer, DeployRequest, Resolved } from './contract.js'

/** What the server answers when the poller queues a job: its id, or why not (queue full). */
export type Enqueue = (
  app: AppConfig,
  request: DeployRequest,
  resolved: Resolved
) => Promise<{ job: string } | { error: string }>

export interface PollerOptions {
  apps: readonly AppConfig[]
  deployer: Pick<Deployer, 'resolve' | 'status'>
  enqueue: Enqueue
  stateDir: string
  log: (app: string, line: string, level?: 'info' | 'warn') => void
  /** Timers (tests: a fake scheduler). */
  setTimer?: (fn: () => void, ms: number) => { cancel(): void }
  random?: () => number
}

export interface Poller {
  /** One round for one app, now (what each timer runs); for tests and `gantry agent` start. */
  pollApp(app: AppConfig): Promise<void>
  stop(): void
}

/** A tag a poll can ask for: one without wildcards. */
export const pollableTags = (app: AppConfig) => app.tags.filter((t) => !/[*?[\]{}]/.test(t))

/** The wait before the next poll: the interval ± jitter (a fraction of it). */
export function nextDelay(intervalMs: number, jitter: number, random: () => number): number {
  return Math.max(1000, Math.round(intervalMs * (1 + jitter * (2 * random() - 1))))
}

type Seen = Record<string, Record<string, string>>

export function startPoller(options: PollerOptions): Poller {
  const random = options.random ?? Math.random
  const setTimer =
    options.setTimer ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms)
      t.unref()
      return { cancel: () => clearTimeout(t) }
    })
  const file = join(options.stateDir, 'poll.json')
  let seen: Promise<Seen> = readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Seen)
    .catch(() => ({}))
  // Writes in order; the chain itself never rejects, so one failed write (a full disk) does not
  // stop every later one.
  let saving = Promise.resolve()
  const save = (data: Seen) => {
    const write = saving.then(async () => {
      await mkdir(options.stateDir, { recursive: true, mode: 0o700 })
      const partial = `${file}.partial`
      await writeFile(partial, JSON.stringify(data) + '\n', { mode: 0o600 })
      await rename(partial, file)
    })
    saving = write.catch(() => undefined)
    return write.catch((error: unknown) =>
      options.log('-', `poll: cannot write ${file}: ${errorMessage(error)}`, 'warn')
    )
  }
  const timers = new Map<string, { cancel(): void }>()
  let stopped = false

  async function pollApp(app: AppConfig): Promise<void> {
    const data = await seen
    for (const tag of pollableTags(app)) {
      let resolved: Resolved
      try {
        resolved = await options.deployer.resolve(app, { kind: 'image', tag })
      } catch (error) {
        options.log(app.name, `poll ${tag}: ${errorMessage(error)}`, 'warn')
        continue
      }
      const last = data[app.name]?.[tag]
      if (last === resolved.ref) continue
      if (last === undefined) {
        // First look: what runs now counts as seen.
        const current = await options.deployer.status(app).then(
          (s) => s.current,
          () => undefined
        )
        if (current === resolved.version) {
          data[app.name] = { ...data[app.name], [tag]: resolved.ref }
          seen = Promise.resolve(data)
          await save(data)
          continue
        }
      }
      const queued = await options.enqueue(app, { kind: 'image', tag }, resolved)
      if ('error' in queued) {
        // Not remembered: the next round tries again.
        options.log(
          app.name,
          `poll ${tag}: ${resolved.version} not queued: ${queued.error}`,
          'warn'
        )
        continue
      }
      options.log(app.name, `poll ${tag}: ${resolved.version} is new, job ${queued.job} queued`)
      data[app.name] = { ...data[app.name], [tag]: resolved.ref }
      seen = Promise.resolve(data)
      await save(data)
    }
  }

  const schedule = (app: AppConfig, first: boolean) => {
    const poll = app.triggers.poll
    if (!poll || stopped) return
    // The first round comes after a random part of one interval: agents started together spread.
    const delay = first
      ? Math.round(poll.intervalMs * poll.jitter * random())
      : nextDelay(poll.intervalMs, poll.jitter, random)
    timers.set(
      app.name,
      setTimer(() => {
        void pollApp(app)
          .catch((error: unknown) => options.log(app.name, `poll: ${errorMessage(error)}`, 'warn'))
          .finally(() => schedule(app, false))
      }, delay)
    )
  }
  for (const app of options.apps)
    if (app.triggers.poll && pollableTags(app).length > 0) schedule(app, true)

  return {
    pollApp,
    stop() {
      stopped = true
      for (const t of timers.values()) t.cancel()
      timers.clear()
    }
  }
}
