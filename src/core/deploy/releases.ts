/** Release bookkeeping on a host, decided from what the host printed. Pure. */
import { sanitizeTag } from '../docker-reference.js'
import type { ComposeCommand, LockOwner } from './remote.js'

export interface HostState {
  compose?: ComposeCommand
  /** The host's clock, seconds since the epoch. */
  now: number
  current?: string
  /** Release ids, oldest first (ids sort by time). */
  releases: string[]
}

export function parseInspect(stdout: string): HostState {
  const state: HostState = { now: 0, releases: [] }
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=')
    if (eq < 0) continue
    const key = line.slice(0, eq)
    const value = line.slice(eq + 1).trim()
    if (key === 'compose' && (value === 'docker compose' || value === 'docker-compose'))
      state.compose = value
    else if (key === 'now') state.now = Number(value)
    else if (key === 'current' && value) state.current = value
    else if (key === 'release' && RELEASE_ID.test(value)) state.releases.push(value)
  }
  state.releases.sort()
  return state
}

/** `20261122T153000Z-1.3.57-ab12`: sortable by time, readable, unique per deploy. */
const RELEASE_ID = /^\d{8}T\d{6}Z-[A-Za-z0-9_.-]+$/

export function releaseId(at: Date, version: string, unique: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${stamp}-${sanitizeTag(version) ?? 'release'}-${unique}`
}

/** The version a release id was made for (the part between the time and the unique suffix). */
export function versionOfRelease(id: string): string {
  return id.replace(/^\d{8}T\d{6}Z-/, '').replace(/-[0-9a-f]{4}$/, '')
}

/** Releases to delete so that `keep` remain, never the ones in `protect`. */
export function releasesToPrune(
  releases: string[],
  keep: number,
  protect: (string | undefined)[]
): string[] {
  const excess = releases.length - keep
  if (excess <= 0) return []
  return releases.filter((r) => !protect.includes(r)).slice(0, excess)
}

/** For `rollback-to`: `previous` is the release before the current one; else the newest of that version. */
export function rollbackTarget(
  state: HostState,
  to: string
): { release: string } | { error: string } {
  if (to === 'previous') {
    const index = state.current ? state.releases.indexOf(state.current) : -1
    const previous = index > 0 ? state.releases[index - 1] : undefined
    return previous
      ? { release: previous }
      : {
          error: state.current
            ? `no release before ${state.current} is kept on the host`
            : 'no current release on the host'
        }
  }
  const wanted = sanitizeTag(to)
  const match = state.releases.filter((r) => versionOfRelease(r) === wanted).at(-1)
  return match
    ? { release: match }
    : {
        error: `no release of version ${to} is kept on the host (kept: ${state.releases.map(versionOfRelease).join(', ') || 'none'})`
      }
}

export type LockReply =
  | { acquired: true }
  | {
      acquired: false
      now: number
      since?: number
      sinceText: string
      owner?: Partial<LockOwner>
      /** The lock was taken before the host's last boot (both boot ids known, and different). */
      earlierBoot?: boolean
    }

export function parseLockReply(stdout: string): LockReply {
  const lines = stdout.split('\n')
  if (lines[0]?.trim() === 'acquired') return { acquired: true }
  const field = (name: string) =>
    lines
      .find((l) => l.startsWith(`${name}=`))
      ?.slice(name.length + 1)
      .trim() ?? ''
  let owner: Partial<LockOwner> | undefined
  try {
    owner = JSON.parse(field('owner')) as Partial<LockOwner>
  } catch {
    owner = undefined
  }
  const sinceText = field('since')
  const [boot, bootNow] = [field('boot'), field('bootnow')]
  return {
    acquired: false,
    now: Number(field('now')),
    since: /^\d+$/.test(sinceText) ? Number(sinceText) : undefined,
    sinceText,
    owner,
    ...(boot && bootNow && boot !== bootNow ? { earlierBoot: true } : {})
  }
}

export function describeLockHolder(reply: Extract<LockReply, { acquired: false }>): string {
  const o = reply.owner ?? {}
  const age =
    reply.since !== undefined
      ? `${Math.max(0, reply.now - reply.since)}s ago`
      : 'at an unknown time'
  const boot = reply.earlierBoot ? ', before the host last booted' : ''
  return `${o.actor ?? 'someone'} deploying ${o.version ?? 'an unknown version'} (${o.runUrl ?? 'no run URL'}), locked ${age}${boot}`
}

/** A lock with no readable time, older than the stale age, or from an earlier boot, may be broken. */
export function isStale(
  reply: Extract<LockReply, { acquired: false }>,
  staleAfterSeconds: number
): boolean {
  if (reply.earlierBoot) return true
  return reply.since === undefined
    ? reply.sinceText === ''
    : reply.now - reply.since >= staleAfterSeconds
}

export type ServiceHealth = 'up' | 'waiting' | 'failed'

export interface ContainerStatus {
  service: string
  state: string
  health: string
  exitCode: number
  id?: string
  /** Its health check as `docker exec` takes it (CMD as is, CMD-SHELL through `sh -c`). */
  check?: string[]
}

export function parseStatus(stdout: string): ContainerStatus[] {
  const containers: ContainerStatus[] = []
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(-?\d+)(?:\s+([0-9a-f]{12,64})\s+(.*))?$/.exec(line.trim())
    if (!m) continue
    const [, service = '', state = '', health = '', exit = '0', id, test] = m
    const check = test === undefined ? undefined : healthCheckArgv(test)
    containers.push({
      service,
      state,
      health,
      exitCode: Number(exit),
      ...(id ? { id } : {}),
      ...(check ? { check } : {})
    })
  }
  return containers
}

/** A health check's `Test` (JSON) as argv; undefined for NONE, none or unreadable. */
function healthCheckArgv(json: string): string[] | undefined {
  let test: unknown
  try {
    test = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!Array.isArray(test) || !test.every((t) => typeof t === 'string')) return undefined
  const [kind, ...rest] = test as string[]
  if (kind === 'CMD-SHELL' && rest.length === 1) return ['/bin/sh', '-c', rest[0] as string]
  if (kind === 'CMD' && rest.length > 0) return rest
  return undefined
}

/**
 * The project's health from its containers: failed as soon as one is unhealthy, exited, dead or
 * restarting; up when every one runs and those with a health check report healthy.
 */
export function evaluateContainers(containers: ContainerStatus[]): {
  health: ServiceHealth
  detail: string
} {
  if (containers.length === 0) return { health: 'waiting', detail: 'no containers yet' }
  const failed = containers.find(
    (c) => c.health === 'unhealthy' || ['exited', 'dead', 'restarting'].includes(c.state)
  )
  if (failed) {
    const why =
      failed.health === 'unhealthy' ? 'unhealthy' : `${failed.state} (exit code ${failed.exitCode})`
    return { health: 'failed', detail: `service ${failed.service} is ${why}` }
  }
  const pending = containers.find(
    (c) => c.state !== 'running' || (c.health !== 'none' && c.health !== 'healthy')
  )
  if (pending)
    return {
      health: 'waiting',
      detail: `service ${pending.service} is ${pending.state}${pending.health !== 'none' ? `, ${pending.health}` : ''}`
    }
  return {
    health: 'up',
    detail: containers
      .map((c) => `${c.service} ${c.health === 'none' ? 'running' : 'healthy'}`)
      .join(', ')
  }
}

/**
 * With Gantry's own runs of the containers' health checks: still starting by Docker, but every
 * container running and each one still starting answering its check, is up.
 */
export function evaluateWithProbes(
  containers: ContainerStatus[],
  passed: ReadonlySet<string>
): { health: ServiceHealth; detail: string } {
  const verdict = evaluateContainers(containers)
  if (verdict.health !== 'waiting' || containers.length === 0) return verdict
  const pending = containers.filter((c) => c.health === 'starting' || c.state !== 'running')
  const early =
    pending.length > 0 &&
    pending.every(
      (c) => c.state === 'running' && c.health === 'starting' && passed.has(c.service)
    ) &&
    containers.every(
      (c) => c.state === 'running' && ['none', 'healthy', 'starting'].includes(c.health)
    )
  if (!early) return verdict
  return {
    health: 'up',
    detail: containers
      .map((c) =>
        c.health === 'none'
          ? `${c.service} running`
          : c.health === 'starting'
            ? `${c.service} answers its health check`
            : `${c.service} healthy`
      )
      .join(', ')
  }
}
