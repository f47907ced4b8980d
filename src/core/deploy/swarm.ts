/**
 * `target: swarm`, decided from what the manager printed (`docker info`, `service ls`, `service
 * inspect`, `stack ps`). Pure. The swarm rolls the services out and back by the compose file's
 * `deploy.update_config`; Gantry reads its `UpdateStatus` per service and reports, it does not
 * roll back itself.
 */
import { withoutDigest } from '../docker-reference.js'
import { asObject } from '../json.js'
import { parseInspect, type HostState } from './releases.js'

export interface SwarmHostState extends HostState {
  /** `unknown`: `docker info` failed or reported another state; `swarmInfo` says what. */
  role: 'manager' | 'worker' | 'inactive' | 'unknown'
  /** What `docker info` printed: `active true`, or its error. */
  swarmInfo: string
  /** `docker stack deploy` has `--detach` (CLI 26+; older ones never wait). */
  detach: boolean
}

export function parseSwarmInspect(stdout: string): SwarmHostState {
  const field = (key: string) =>
    stdout
      .split('\n')
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1)
      .trim() ?? ''
  const swarmInfo = field('swarm')
  const [state, control] = swarmInfo.split(' ')
  const role =
    state === 'active'
      ? control === 'true'
        ? 'manager'
        : 'worker'
      : state === 'inactive' && control !== undefined
        ? 'inactive'
        : 'unknown'
  return { ...parseInspect(stdout), role, swarmInfo, detach: field('detach') === 'yes' }
}

/** Why this host cannot take a stack, or undefined when it is a manager. */
export function swarmProblem(state: SwarmHostState): string | undefined {
  switch (state.role) {
    case 'manager':
      return undefined
    case 'worker':
      return 'The host is a swarm worker: `target: swarm` deploys through a manager (`docker node ls` on a manager lists them).'
    case 'inactive':
      return 'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.'
    default:
      return `Cannot read the host's swarm state with \`docker info\`: ${state.swarmInfo || 'no output'}`
  }
}

export interface UpdateStatus {
  /** `updating`, `completed`, `paused`, `rollback_started`, `rollback_completed`, `rollback_paused`. */
  state: string
  startedAt: string
  message: string
}

export interface SwarmService {
  name: string
  /** As written in the compose file (the `com.docker.stack.image` label), without the digest. */
  image: string
  /** As the tasks carry it: `stack deploy` pins it to a digest. */
  specImage: string
  hasPreviousSpec: boolean
  update?: UpdateStatus
  running: number
  desired: number
}

export interface SwarmTask {
  id: string
  name: string
  service: string
  image: string
  node: string
  /** `Running`, `Shutdown`, … */
  desired: string
  /** `Running 5 seconds ago`, `Failed 3 seconds ago`, `Complete …`, … */
  current: string
  error: string
}

export interface StackStatus {
  services: SwarmService[]
  tasks: SwarmTask[]
}

const STACK_IMAGE_LABEL = 'com.docker.stack.image'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

function jsonLines(lines: string[]): Record<string, unknown>[] {
  const parsed: Record<string, unknown>[] = []
  for (const line of lines) {
    if (!line.trim().startsWith('{')) continue
    try {
      parsed.push(asObject(JSON.parse(line)))
    } catch {
      // A partial line (a service removed mid-command): the next poll reads it whole.
    }
  }
  return parsed
}

function serviceOf(inspected: Record<string, unknown>, replicas: Map<string, number[]>) {
  const spec = asObject(inspected.Spec)
  const name = text(spec.Name)
  const specImage = text(asObject(asObject(spec.TaskTemplate).ContainerSpec).Image)
  const update = asObject(inspected.UpdateStatus)
  const configured = asObject(asObject(spec.Mode).Replicated).Replicas
  const [running, desired] = replicas.get(name) ?? [
    0,
    typeof configured === 'number' ? configured : 0
  ]
  const service: SwarmService = {
    name,
    image: text(asObject(spec.Labels)[STACK_IMAGE_LABEL]) || withoutDigest(specImage),
    specImage,
    hasPreviousSpec: inspected.PreviousSpec !== undefined && inspected.PreviousSpec !== null,
    running: running ?? 0,
    desired: desired ?? 0
  }
  if (text(update.State))
    service.update = {
      state: text(update.State),
      startedAt: text(update.StartedAt),
      message: text(update.Message)
    }
  return service
}

function taskOf(raw: Record<string, unknown>): SwarmTask {
  const name = text(raw.name).replace(/^\s*\\_\s*/, '')
  return {
    id: text(raw.id),
    name,
    service: name.split('.')[0] ?? name,
    image: text(raw.image),
    node: text(raw.node),
    desired: text(raw.desired),
    current: text(raw.current),
    // `docker service ps` prints the error in quotes: "\"task: non-zero exit (3)\"".
    error: text(raw.error).replace(/^"(.*)"$/s, '$1')
  }
}

/** Reads the three sections of stackStatusStep's output. */
export function parseStackStatus(stdout: string): StackStatus {
  const sections: Record<string, string[]> = { services: [], inspect: [], tasks: [] }
  let current: string[] | undefined
  for (const line of stdout.split('\n')) {
    const header = /^#(services|inspect|tasks)$/.exec(line.trim())
    if (header) current = sections[header[1] as string]
    else current?.push(line)
  }
  const replicas = new Map<string, number[]>()
  for (const line of sections.services ?? []) {
    const match = /^(\S+)\s+(\d+)\/(\d+)/.exec(line.trim())
    if (match) replicas.set(match[1] as string, [Number(match[2]), Number(match[3])])
  }
  return {
    services: jsonLines(sections.inspect ?? [])
      .map((s) => serviceOf(s, replicas))
      .filter((s) => s.name !== '')
      .sort((a, b) => a.name.localeCompare(b.name)),
    tasks: jsonLines(sections.tasks ?? []).map(taskOf)
  }
}

export type RolloutKind = 'deploy' | 'rollback'

export type ServiceState =
  | 'updating'
  | 'rolling back'
  | 'converging'
  | 'completed'
  | 'converged'
  | 'rolled back'
  | 'paused'
  | 'rollback paused'

export interface ServiceReport {
  name: string
  running: number
  desired: number
  /** The image before this deploy; none for a service it created. */
  before?: string
  image: string
  /** The image the swarm rolled back from. */
  attempted?: string
  state: ServiceState
  /** Settled, and not as asked: paused, or rolled back by the swarm during a deploy. */
  failed: boolean
  /** The swarm's UpdateStatus message. */
  message?: string
  failedTasks: SwarmTask[]
}

export interface RolloutVerdict {
  /** `rolled-back`: the swarm rolled at least one service back, and none is paused. */
  phase: 'waiting' | 'completed' | 'rolled-back' | 'failed'
  services: ServiceReport[]
  detail: string
}

const WAITING: ServiceState[] = ['updating', 'rolling back', 'converging']

/** An update that started after the baseline was taken: this deploy's (a deploy resets the old one). */
function freshUpdate(service: SwarmService, baseline: StackStatus): UpdateStatus | undefined {
  const before = baseline.services.find((s) => s.name === service.name)?.update
  return service.update && service.update.startedAt !== before?.startedAt
    ? service.update
    : undefined
}

/** Every desired replica runs, and runs the current spec's image. */
function converged(service: SwarmService, tasks: SwarmTask[]): boolean {
  const upToDate = tasks.filter(
    (t) =>
      t.service === service.name &&
      t.desired === 'Running' &&
      t.current.startsWith('Running') &&
      t.image === service.specImage
  ).length
  return service.running === service.desired && upToDate >= service.desired
}

function serviceState(update: UpdateStatus | undefined, done: boolean): ServiceState {
  switch (update?.state) {
    case undefined:
      return done ? 'converged' : 'converging'
    case 'updating':
      return 'updating'
    case 'rollback_started':
      return 'rolling back'
    case 'completed':
      return done ? 'completed' : 'converging'
    case 'rollback_completed':
      // Settled once the previous spec runs again: the swarm says completed a moment before.
      return done ? 'rolled back' : 'rolling back'
    case 'paused':
      return 'paused'
    case 'rollback_paused':
      return 'rollback paused'
    default:
      return 'updating'
  }
}

/**
 * Tasks of this rollout (none the baseline listed) that explain a failure: with an error,
 * failed, rejected or exited on their own (`Complete`: a service's task is meant to keep
 * running), named by the swarm's message, or shut down after running the image the swarm rolled
 * back from.
 */
function failedTasksOf(
  service: string,
  baseline: StackStatus,
  tasks: SwarmTask[],
  explanation: string,
  attempted: string | undefined
): SwarmTask[] {
  const earlier = new Set(baseline.tasks.map((t) => t.id))
  return tasks
    .filter(
      (t) =>
        t.service === service &&
        !earlier.has(t.id) &&
        (t.error !== '' ||
          /^(Failed|Rejected|Complete)\b/.test(t.current) ||
          (t.id !== '' && explanation.includes(t.id)) ||
          (attempted !== undefined &&
            t.desired !== 'Running' &&
            withoutDigest(t.image) === attempted))
    )
    .slice(0, 3)
}

/**
 * What the swarm forgets as a rollout goes on, kept between polls: the image each update was
 * heading for (a rollback restores the old spec) and why the swarm rolled back (the message
 * while rolling back; once done it only says "rollback completed").
 */
export interface RolloutMemory {
  attempted: Record<string, string>
  reasons: Record<string, string>
}

export const emptyMemory = (): RolloutMemory => ({ attempted: {}, reasons: {} })

export function observeRollout(
  memory: RolloutMemory,
  baseline: StackStatus,
  now: StackStatus
): RolloutMemory {
  const next = { attempted: { ...memory.attempted }, reasons: { ...memory.reasons } }
  for (const s of now.services) {
    const update = freshUpdate(s, baseline)
    const before = baseline.services.find((b) => b.name === s.name)?.image
    if (update?.state === 'updating' && s.image !== before) next.attempted[s.name] = s.image
    if (update?.state === 'rollback_started' && update.message)
      next.reasons[s.name] = update.message
  }
  return next
}

function reportService(
  s: SwarmService,
  baseline: StackStatus,
  now: StackStatus,
  kind: RolloutKind,
  memory: RolloutMemory
): ServiceReport {
  const update = freshUpdate(s, baseline)
  const state = serviceState(update, converged(s, now.tasks))
  const failed =
    state === 'paused' ||
    state === 'rollback paused' ||
    (kind === 'deploy' && state === 'rolled back')
  const reason = memory.reasons[s.name]
  const message =
    [reason, update?.message].filter((m, i, all) => m && all.indexOf(m) === i).join('; ') ||
    undefined
  const rolledBack = kind === 'deploy' && state === 'rolled back'
  const heading = memory.attempted[s.name]
  const tasks = failedTasksOf(
    s.name,
    baseline,
    now.tasks,
    message ?? '',
    rolledBack ? heading : undefined
  )
  return {
    name: s.name,
    running: s.running,
    desired: s.desired,
    before: baseline.services.find((b) => b.name === s.name)?.image,
    image: s.image,
    attempted: rolledBack
      ? (heading ?? tasks.map((t) => withoutDigest(t.image)).find((i) => i !== s.image))
      : undefined,
    state,
    failed,
    message,
    failedTasks: failed || WAITING.includes(state) ? tasks : []
  }
}

export function evaluateRollout(
  baseline: StackStatus,
  now: StackStatus,
  kind: RolloutKind,
  memory: RolloutMemory = emptyMemory()
): RolloutVerdict {
  const services = now.services.map((s) => reportService(s, baseline, now, kind, memory))
  const detail = services.map(progressOf).join('; ')
  if (services.length === 0)
    return { phase: 'waiting', services, detail: 'no services in the stack yet' }
  if (services.some((s) => WAITING.includes(s.state))) return { phase: 'waiting', services, detail }
  if (services.some((s) => s.state === 'paused' || s.state === 'rollback paused'))
    return { phase: 'failed', services, detail }
  if (services.some((s) => s.failed)) return { phase: 'rolled-back', services, detail }
  return { phase: 'completed', services, detail }
}

/** The state as the summary says it. */
export function stateLabel(s: ServiceReport): string {
  if (s.failed && s.state === 'rolled back') return 'rolled back by swarm'
  if (s.state === 'converged' && s.before === undefined) return 'created'
  if (s.state === 'converged' && s.before === s.image) return 'unchanged'
  return s.state
}

export function imageChange(s: ServiceReport): string {
  if (s.attempted) return `${s.before ?? '—'} → ${s.attempted} ↩ ${s.image}`
  return s.before === undefined || s.before === s.image ? s.image : `${s.before} → ${s.image}`
}

export function describeTask(t: SwarmTask): string {
  const id = t.id.slice(0, 12)
  return `${t.name} ${id} (${withoutDigest(t.image)}) ${t.current}${t.error ? `: ${t.error}` : ''}`
}

/** `shop_web updating 0/1 (v1 → v2)`: one service, for the progress log. */
export function progressOf(s: ServiceReport): string {
  return `${s.name} ${stateLabel(s)} ${s.running}/${s.desired} (${imageChange(s)})`
}

/** One service for an error: its progress, the swarm's message and the tasks that failed. */
export function describeService(s: ServiceReport): string {
  const head = progressOf(s) + (s.message ? `: ${s.message}` : '')
  return [head, ...s.failedTasks.map((t) => `task ${describeTask(t)}`)].join(', ')
}

/** Services that did not end as asked (or, on a timeout, have not yet), described for an error. */
export function describeProblems(verdict: RolloutVerdict): string {
  const bad = verdict.services.filter((s) => s.failed || WAITING.includes(s.state))
  return (bad.length ? bad : verdict.services).map(describeService).join('; ')
}

/** stack.json of a release: each service's image once its rollout completed. */
export function stackRecord(services: { name: string; image: string }[]): string {
  return (
    JSON.stringify({ services: Object.fromEntries(services.map((s) => [s.name, s.image])) }) + '\n'
  )
}

export interface StackRecord {
  release: string
  services: Record<string, string>
}

export function parseStackRecords(stdout: string): StackRecord[] {
  const records: StackRecord[] = []
  for (const line of stdout.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab <= 0) continue
    try {
      const services = asObject(asObject(JSON.parse(line.slice(tab + 1))).services)
      records.push({
        release: line.slice(0, tab),
        services: Object.fromEntries(Object.entries(services).map(([k, v]) => [k, text(v)]))
      })
    } catch {
      // An unreadable record identifies nothing.
    }
  }
  return records
}

/** The newest kept release whose recorded images are exactly what the services now run. */
export function releaseRunning(
  records: StackRecord[],
  services: { name: string; image: string }[]
): string | undefined {
  const running = Object.fromEntries(services.map((s) => [s.name, s.image]))
  const same = (r: StackRecord) =>
    Object.keys(r.services).length === services.length &&
    Object.entries(r.services).every(([name, image]) => running[name] === image)
  return records
    .filter(same)
    .map((r) => r.release)
    .sort()
    .at(-1)
}
