/**
 * A rollout as the cluster reports it, read the way `kubectl rollout status` reads it: the
 * controller has seen the new generation, then updated, ready and available replicas, and the
 * Deployment's `Progressing` condition. Also why pods fail (image pulls, crash loops with the
 * last termination message, unschedulable), and which revision `rollout undo` goes back to.
 * Pure: objects in, verdicts out.
 */
import type { K8sObject } from './manifests.js'

export type RolloutState = 'progressing' | 'complete' | 'failed'

export interface RolloutStatus {
  state: RolloutState
  /** What is being waited for, or why it failed (as kubectl words it). */
  message: string
}

type Dict = Record<string, unknown>
const rec = (v: unknown): Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Dict) : {}
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/** The Deployment's revision (`deployment.kubernetes.io/revision`), if it has one yet. */
export function revisionOf(o: K8sObject | Dict | undefined): number | undefined {
  const annotations = rec(rec(rec(o).metadata).annotations)
  const value = str(annotations[REVISION_ANNOTATION])
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

export function rolloutStatus(o: K8sObject): RolloutStatus {
  const metadata = rec(o.metadata)
  const spec = rec(o.spec)
  const status = rec(o.status)
  const generation = num(metadata.generation)
  const observed = num(status.observedGeneration, -1)
  if (observed < generation) {
    return {
      state: 'progressing',
      message: `waiting for the ${o.kind} controller to observe generation ${generation}`
    }
  }
  switch (o.kind) {
    case 'Deployment':
      return deploymentStatus(spec, status)
    case 'StatefulSet':
      return statefulSetStatus(spec, status)
    case 'DaemonSet':
      return daemonSetStatus(status)
    default:
      return { state: 'complete', message: `${o.kind} has no rollout` }
  }
}

function deploymentStatus(spec: Dict, status: Dict): RolloutStatus {
  const conditions = Array.isArray(status.conditions) ? status.conditions.map(rec) : []
  const progressing = conditions.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      state: 'failed',
      message: `progress deadline exceeded: ${str(progressing.message) ?? 'no progress'}`
    }
  }
  const desired = num(spec.replicas, 1)
  const updated = num(status.updatedReplicas)
  const replicas = num(status.replicas)
  const available = num(status.availableReplicas)
  if (updated < desired)
    return {
      state: 'progressing',
      message: `${updated} of ${desired} updated replicas are available... waiting for ${desired - updated} more to be updated`
    }
  if (replicas > updated)
    return {
      state: 'progressing',
      message: `${replicas - updated} old replicas are pending termination`
    }
  if (available < updated)
    return {
      state: 'progressing',
      message: `${available} of ${updated} updated replicas are available`
    }
  return { state: 'complete', message: `${updated} of ${desired} replicas updated and available` }
}

function statefulSetStatus(spec: Dict, status: Dict): RolloutStatus {
  const strategy = rec(spec.updateStrategy)
  if (strategy.type === 'OnDelete')
    return {
      state: 'complete',
      message: 'updateStrategy OnDelete: pods are replaced only when deleted'
    }
  const desired = num(spec.replicas, 1)
  const ready = num(status.readyReplicas)
  if (ready < desired)
    return { state: 'progressing', message: `${ready} of ${desired} pods are ready` }
  const partition = num(rec(strategy.rollingUpdate).partition)
  if (partition > 0) {
    const updated = num(status.updatedReplicas)
    if (updated < desired - partition)
      return {
        state: 'progressing',
        message: `${updated} of ${desired - partition} pods above the partition are updated`
      }
    return { state: 'complete', message: `partitioned rollout: ${updated} pods updated` }
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      state: 'progressing',
      message: `${num(status.updatedReplicas)} of ${desired} pods are at revision ${str(status.updateRevision) ?? '?'}`
    }
  }
  return {
    state: 'complete',
    message: `${ready} pods ready at revision ${str(status.currentRevision) ?? '?'}`
  }
}

function daemonSetStatus(status: Dict): RolloutStatus {
  const desired = num(status.desiredNumberScheduled)
  const updated = num(status.updatedNumberScheduled)
  const available = num(status.numberAvailable)
  if (updated < desired)
    return { state: 'progressing', message: `${updated} of ${desired} updated pods are scheduled` }
  if (available < desired)
    return {
      state: 'progressing',
      message: `${available} of ${desired} updated pods are available`
    }
  return { state: 'complete', message: `${available} of ${desired} pods updated and available` }
}

export interface PodProblem {
  pod: string
  phase: string
  /** `ImagePullBackOff`, `CrashLoopBackOff`, `Unschedulable`, `NotReady`… */
  reason: string
  /** Details: the waiting message, the last termination message and exit code, the scheduler's words. */
  detail: string
  container?: string
  restarts?: number
}

/** Why each pod that is not ready is not ready, in the words the cluster used. */
export function podProblems(pods: Dict[]): PodProblem[] {
  const out: PodProblem[] = []
  for (const pod of pods) {
    const metadata = rec(pod.metadata)
    if (metadata.deletionTimestamp) continue
    const status = rec(pod.status)
    const name = str(metadata.name) ?? '?'
    const phase = str(status.phase) ?? 'Unknown'
    const conditions = Array.isArray(status.conditions) ? status.conditions.map(rec) : []
    if (conditions.find((c) => c.type === 'Ready')?.status === 'True') continue
    const scheduled = conditions.find((c) => c.type === 'PodScheduled')
    if (scheduled?.status === 'False') {
      out.push({
        pod: name,
        phase,
        reason: str(scheduled.reason) ?? 'Unschedulable',
        detail: str(scheduled.message) ?? ''
      })
      continue
    }
    const statuses = [
      ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
      ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : [])
    ].map(rec)
    const bad = statuses.filter((s) => s.ready !== true)
    if (bad.length === 0) {
      out.push({
        pod: name,
        phase,
        reason: phase === 'Pending' ? 'Pending' : 'NotReady',
        detail:
          str(conditions.find((c) => c.type === 'Ready')?.message) ??
          'no container status reported yet'
      })
      continue
    }
    for (const s of bad) {
      const state = rec(s.state)
      const waiting = rec(state.waiting)
      const terminated = rec(state.terminated)
      const last = rec(rec(s.lastState).terminated)
      const parts: string[] = []
      const reason =
        str(waiting.reason) ?? str(terminated.reason) ?? (state.running ? 'NotReady' : 'Waiting')
      const message = str(waiting.message) ?? str(terminated.message)
      if (message) parts.push(message)
      if (Object.keys(last).length > 0) {
        parts.push(
          `last termination: ${str(last.reason) ?? 'terminated'}, exit code ${num(last.exitCode)}${str(last.message) ? `: ${str(last.message)?.trim()}` : ''}`
        )
      }
      out.push({
        pod: name,
        phase,
        reason,
        detail: parts.join('; '),
        container: str(s.name),
        restarts: num(s.restartCount)
      })
    }
  }
  return out
}

/** `pod-a (app): CrashLoopBackOff, 3 restarts: back-off…; last termination: Error, exit code 1: …`. */
export function describeProblem(p: PodProblem): string {
  const who = p.container ? `${p.pod} (container ${p.container})` : p.pod
  const restarts = p.restarts ? `, ${p.restarts} restart${p.restarts === 1 ? '' : 's'}` : ''
  return `${who}: ${p.reason}${restarts}${p.detail ? `: ${p.detail}` : ''}`
}

/**
 * The ReplicaSet `kubectl rollout undo` goes back to: the one at `before` when given (the revision
 * that ran before this deploy), else the highest revision below the current one.
 */
export function previousReplicaSet(
  replicaSets: Dict[],
  current: number | undefined,
  before?: number
): Dict | undefined {
  const withRevision = replicaSets
    .map((rs) => ({ rs, revision: revisionOf(rs) }))
    .filter((x): x is { rs: Dict; revision: number } => x.revision !== undefined)
  if (before !== undefined && before !== current) {
    const exact = withRevision.find((x) => x.revision === before)
    if (exact) return exact.rs
  }
  const below = withRevision.filter((x) => current === undefined || x.revision < current)
  below.sort((a, b) => b.revision - a.revision)
  return below[0]?.rs
}

/** The pod template of a ReplicaSet without the hash label the controller added to it. */
export function templateOf(rs: Dict): Dict {
  const template = structuredClone(rec(rec(rs.spec).template))
  const metadata = rec(template.metadata)
  const labels = { ...rec(metadata.labels) }
  delete labels['pod-template-hash']
  template.metadata = { ...metadata, labels }
  return template
}

/** The ReplicaSets a Deployment owns (by owner uid), newest revision first. */
export function ownedReplicaSets(deployment: Dict, replicaSets: Dict[]): Dict[] {
  const uid = rec(deployment.metadata).uid
  return replicaSets
    .filter((rs) => {
      const owners = rec(rs.metadata).ownerReferences
      return (
        Array.isArray(owners) &&
        owners.some((o) => rec(o).uid === uid && rec(o).controller === true)
      )
    })
    .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0))
}

/** The label selector of a workload as a query string value (`app=shop,tier=web`). */
export function selectorOf(o: Dict): string | undefined {
  const labels = rec(rec(rec(o.spec).selector).matchLabels)
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`)
  return pairs.length > 0 ? pairs.join(',') : undefined
}
