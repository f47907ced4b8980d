/**
 * The agent's state directory (created 0700, files 0600):
 *   deliveries.jsonl   one `{"id","app","job","at"}` line per accepted delivery, appended; loaded at
 *                      start so a replay is refused after a restart too; entries older than the
 *                      window (7 days) are dropped on load and when the file is compacted.
 *   jobs/<id>.json     a JobRecord, rewritten (atomically) at each state change; the newest 200 kept.
 * A torn last line (the agent killed mid-append) is skipped on load.
 */
import { randomBytes } from 'node:crypto'
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
  appendFile,
  chmod
} from 'node:fs/promises'
import { join } from 'node:path'
import type { JobRecord } from './contract.js'
import type { Clock } from '../lib/clock.js'

export const DELIVERY_WINDOW_MS = 7 * 24 * 3600_000
export const JOBS_KEPT = 200
/** Rewrite deliveries.jsonl once this many lines were appended since the last rewrite. */
const COMPACT_EVERY = 5000

interface DeliveryLine {
  id: string
  app: string
  job: string
  at: string
}

export interface StoreOptions {
  clock: Clock
  windowMs?: number
  jobsKept?: number
}

const JOB_ID = /^[0-9a-f]{16}$/

export function newJobId(): string {
  return randomBytes(8).toString('hex')
}

export function isJobId(text: string): boolean {
  return JOB_ID.test(text)
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temp, text, { mode: 0o600 })
  await rename(temp, file)
}

export class AgentStore {
  private readonly deliveries = new Map<string, { job: string; at: number }>()
  private readonly jobsById = new Map<string, JobRecord>()
  private appendedSinceCompaction = 0
  /** Writes of one job file, in order: a later state never lands before an earlier one. */
  private readonly writes = new Map<string, Promise<void>>()
  private deliveryWrites: Promise<void> = Promise.resolve()
  private readonly windowMs: number
  private readonly jobsKept: number

  private constructor(
    readonly dir: string,
    private readonly clock: Clock,
    options: StoreOptions
  ) {
    this.windowMs = options.windowMs ?? DELIVERY_WINDOW_MS
    this.jobsKept = options.jobsKept ?? JOBS_KEPT
  }

  /** Creates the directory (0700) if needed and loads deliveries and jobs. */
  static async open(dir: string, options: StoreOptions): Promise<AgentStore> {
    const store = new AgentStore(dir, options.clock, options)
    await mkdir(join(dir, 'jobs'), { recursive: true, mode: 0o700 })
    await chmod(dir, 0o700)
    await store.loadDeliveries()
    await store.loadJobs()
    return store
  }

  private get deliveriesFile(): string {
    return join(this.dir, 'deliveries.jsonl')
  }

  private key(app: string, id: string): string {
    return `${app}\u0000${id}`
  }

  private async loadDeliveries(): Promise<void> {
    let text = ''
    try {
      text = await readFile(this.deliveriesFile, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    const oldest = this.clock.now() - this.windowMs
    let lines = 0
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      lines++
      let entry: DeliveryLine
      try {
        entry = JSON.parse(line) as DeliveryLine
      } catch {
        continue
      }
      const at = Date.parse(entry.at)
      if (typeof entry.id !== 'string' || typeof entry.app !== 'string' || !(at >= oldest)) continue
      this.deliveries.set(this.key(entry.app, entry.id), { job: String(entry.job), at })
    }
    if (lines !== this.deliveries.size) await this.compact()
  }

  private async loadJobs(): Promise<void> {
    const dir = join(this.dir, 'jobs')
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json'))
    for (const name of names) {
      try {
        const record = JSON.parse(await readFile(join(dir, name), 'utf8')) as JobRecord
        if (typeof record.id === 'string' && isJobId(record.id))
          this.jobsById.set(record.id, record)
      } catch {
        // A file torn by a crash mid-write cannot be: writes are renamed into place.
      }
    }
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.tmp')))
      await rm(join(dir, name), { force: true })
    await this.prune()
  }

  /** The job a delivery was first accepted as, within the window. */
  delivery(app: string, id: string): string | undefined {
    const entry = this.deliveries.get(this.key(app, id))
    if (!entry || entry.at < this.clock.now() - this.windowMs) return undefined
    return entry.job
  }

  async recordDelivery(app: string, id: string, job: string): Promise<void> {
    const at = this.clock.now()
    this.deliveries.set(this.key(app, id), { job, at })
    const line = JSON.stringify({ id, app, job, at: new Date(at).toISOString() }) + '\n'
    const write = this.deliveryWrites.then(async () => {
      await appendFile(this.deliveriesFile, line, { mode: 0o600 })
      if (++this.appendedSinceCompaction >= COMPACT_EVERY) await this.compact()
    })
    this.deliveryWrites = write.catch(() => {})
    await write
  }

  /** Rewrites deliveries.jsonl with the entries still inside the window. */
  async compact(): Promise<void> {
    const oldest = this.clock.now() - this.windowMs
    const lines: string[] = []
    for (const [key, entry] of this.deliveries) {
      if (entry.at < oldest) {
        this.deliveries.delete(key)
        continue
      }
      const [app, id] = key.split('\u0000') as [string, string]
      lines.push(JSON.stringify({ id, app, job: entry.job, at: new Date(entry.at).toISOString() }))
    }
    await writeAtomic(this.deliveriesFile, lines.map((l) => l + '\n').join(''))
    this.appendedSinceCompaction = 0
  }

  get deliveryCount(): number {
    return this.deliveries.size
  }

  job(id: string): JobRecord | undefined {
    return this.jobsById.get(id)
  }

  /** All kept jobs, oldest first. */
  jobs(): JobRecord[] {
    return [...this.jobsById.values()].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
  }

  /** The app's newest finished job. */
  lastFinished(app: string): JobRecord | undefined {
    let last: JobRecord | undefined
    for (const job of this.jobsById.values())
      if (
        job.app === app &&
        job.endedAt !== undefined &&
        job.state !== 'superseded' &&
        (last === undefined || job.endedAt > last.endedAt!)
      )
        last = job
    return last
  }

  /** Writes the record (the object is kept: later changes to it are saved by the next call). */
  async saveJob(record: JobRecord): Promise<void> {
    const isNew = !this.jobsById.has(record.id)
    this.jobsById.set(record.id, record)
    const file = join(this.dir, 'jobs', `${record.id}.json`)
    const previous = this.writes.get(record.id) ?? Promise.resolve()
    const write = previous.then(() => writeAtomic(file, JSON.stringify(record, null, 2) + '\n'))
    const settled = write.catch(() => {})
    this.writes.set(record.id, settled)
    void settled.then(() => {
      if (this.writes.get(record.id) === settled) this.writes.delete(record.id)
    })
    await write
    if (isNew && this.jobsById.size > this.jobsKept) await this.prune()
  }

  /** Keeps the newest `jobsKept` jobs; a job still queued or running is never dropped. */
  private async prune(): Promise<void> {
    const all = this.jobs()
    let excess = all.length - this.jobsKept
    for (const job of all) {
      if (excess <= 0) break
      if (job.state === 'queued' || job.state === 'running') continue
      this.jobsById.delete(job.id)
      excess--
      await (this.writes.get(job.id) ?? Promise.resolve())
      await rm(join(this.dir, 'jobs', `${job.id}.json`), { force: true })
    }
  }

  /** Waits for every write started so far. */
  async flush(): Promise<void> {
    await Promise.all([...this.writes.values(), this.deliveryWrites])
  }
}
