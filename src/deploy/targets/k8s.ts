/**
 * The Kubernetes target (an ApiTarget of the deploy-target seam, ../target.ts): take the app's
 * Lease, apply every object server-side, follow each workload's rollout until the cluster says it
 * completed or failed (progress deadline, or the step's timeout), undo a failed Deployment to the
 * revision that ran before and follow that too, release the Lease. It returns one RolloutOutcome
 * per workload (unit `namespace/Kind/name`, revisions before and after) with its own account
 * beside it (objects applied, failing pods). Decisions come from src/core/k8s; this file only
 * talks to the API.
 */
import { diffObjects, type FieldChange } from '../../core/k8s/diff.js'
import { leaseIsFree, leaseName, leaseSpec, leaseView } from '../../core/k8s/lease.js'
import {
  ANNOTATION,
  isWorkload,
  objectName,
  withDefaultProtocols,
  withNamespace,
  type K8sObject,
  type Manifest
} from '../../core/k8s/manifests.js'
import {
  ownedReplicaSets,
  podProblems,
  previousReplicaSet,
  revisionOf,
  rolloutStatus,
  selectorOf,
  templateOf,
  type PodProblem,
  type RolloutStatus
} from '../../core/k8s/rollout.js'
import type { K8sApi } from '../../io/k8s.js'
import { KubeError } from '../../io/k8s.js'
import { pollUntil } from '../../lib/poll.js'
import type { RolloutOutcome } from '../outcome.js'
import type { ApiTarget } from '../target.js'
import type { Clock } from '../../lib/clock.js'
import { ConfigurationError } from '../../lib/errors.js'
import type { Runner } from '../../lib/runner.js'
import type { K8sDeploySettings } from '../../actions/k8s-deploy/settings.js'

type Dict = Record<string, unknown>

export interface Ctx {
  api: K8sApi
  runner: Runner
  clock: Clock
  pollMs: number
  namespace: string
  holder: string
}

export type WorkloadResult = 'complete' | 'failed' | 'timed-out'

export interface RollbackOutcome {
  /** The revision whose template was restored (its number before the undo). */
  toRevision?: number
  /** The Deployment's revision once the undo was applied. */
  revision?: number
  result: WorkloadResult | 'impossible'
  message: string
}

export interface WorkloadOutcome {
  kind: string
  name: string
  revisionBefore?: number
  revisionAfter?: number
  result: WorkloadResult
  message: string
  problems: PodProblem[]
  events: string[]
  rollback?: RollbackOutcome
}

export interface AppliedObject {
  object: string
  action: 'created' | 'configured' | 'unchanged'
}

export interface DeployOutcome {
  namespace: string
  applied: AppliedObject[]
  workloads: WorkloadOutcome[]
  /** completed: every rollout completed; rolled-back: one failed and was undone; failed: not undone (or the undo failed). */
  result: 'completed' | 'rolled-back' | 'failed'
  durationMs: number
}

/** On the ReplicaSet of a revision whose rollout failed and was undone. */
export const FAILED_ANNOTATION = 'gantry.dev/rollout-failed'

const keyOf = (o: { kind: string; metadata: { name: string } }) => `${o.kind}/${o.metadata.name}`
const meta = (o: Dict | undefined) => (o?.metadata ?? {}) as Dict

// ---------------------------------------------------------------------------------------------
// lock

export interface Lease {
  release(): Promise<void>
}

/** Takes the app's Lease, waiting up to lock-timeout while another run holds it. */
export async function acquireLease(ctx: Ctx, settings: K8sDeploySettings): Promise<Lease> {
  const { api, clock, runner, namespace, holder } = ctx
  const name = leaseName(settings.app)
  const collection = await api.pathOf('coordination.k8s.io/v1', 'Lease', namespace)
  const path = `${collection}/${encodeURIComponent(name)}`
  // Long enough for the rollout and its rollback; a run that dies leaves a Lease that expires.
  const durationSeconds = Math.ceil((2 * settings.timeoutMs + 120_000) / 1000)
  const deadline = clock.now() + settings.lockTimeoutMs
  let announced = ''
  for (;;) {
    const now = clock.now()
    const spec = leaseSpec(holder, now, durationSeconds)
    const existing = await api.get(path)
    try {
      if (!existing) {
        await api.request('POST', collection, {
          body: {
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'gantry' } },
            spec
          }
        })
        break
      }
      const view = leaseView(existing)
      if (leaseIsFree(view, now)) {
        await api.request('PUT', path, { body: { ...existing, spec } })
        break
      }
      const expires = view.expiresAt ? new Date(view.expiresAt).toISOString() : 'never'
      if (now >= deadline) {
        throw new ConfigurationError(
          `Lease ${namespace}/${name} is held by ${view.holder} (until ${expires}); waited ${Math.round(settings.lockTimeoutMs / 1000)} s (lock-timeout). Another deploy of ${settings.app} is under way: let it finish, or raise lock-timeout.`
        )
      }
      if (announced !== view.holder) {
        runner.info(
          `Waiting for Lease ${namespace}/${name}, held by ${view.holder} until ${expires}`
        )
        announced = view.holder ?? ''
      }
    } catch (error) {
      // Someone else created or renewed it between our read and write: read again.
      if (!(error instanceof KubeError && error.status === 409)) throw error
    }
    await clock.sleep(Math.min(2000, Math.max(0, deadline - clock.now())) || 200)
  }
  runner.info(`Lease ${namespace}/${name} taken by ${holder}`)
  return {
    async release() {
      const current = await api.get(path).catch(() => undefined)
      if (!current || leaseView(current).holder !== holder) return
      const m = meta(current)
      await api
        .request('DELETE', path, {
          body: {
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            preconditions: { uid: m.uid, resourceVersion: m.resourceVersion }
          }
        })
        .catch((error: unknown) =>
          runner.warning(
            `Lease ${namespace}/${name} not released (it expires on its own): ${(error as Error).message}`
          )
        )
    }
  }
}

// ---------------------------------------------------------------------------------------------
// apply

async function livePath(api: K8sApi, o: K8sObject, namespace: string): Promise<string> {
  return api.pathOf(o.apiVersion, o.kind, namespace, o.metadata.name)
}

/** Server-side apply of every object, in the order given; what each did, and the live workloads before. */
export async function applyAll(ctx: Ctx, settings: K8sDeploySettings, manifests: Manifest[]) {
  const { api, runner, namespace } = ctx
  const applied: AppliedObject[] = []
  const before = new Map<string, Dict | undefined>()
  const after = new Map<string, Dict>()
  await runner.group(
    `Apply ${manifests.length} object(s) to namespace ${namespace} (server-side, field manager ${settings.fieldManager})`,
    async () => {
      for (const m of manifests) {
        const live = await api.get(await livePath(api, m.object, namespace))
        before.set(keyOf(m.object), live)
        let result: Dict
        try {
          result = await api.apply(m.object, namespace, {
            fieldManager: settings.fieldManager,
            force: settings.forceConflicts
          })
        } catch (error) {
          if (error instanceof KubeError && error.status === 409) {
            throw new ConfigurationError(
              `${m.source}: applying ${objectName(m.object)} conflicts with another field manager: ${error.body?.message ?? error.message}\nSet force-conflicts: true to take the fields over, or remove them from the manifest.`
            )
          }
          if (error instanceof KubeError)
            throw new ConfigurationError(
              `${m.source}: applying ${objectName(m.object)} failed: ${error.message}`
            )
          throw error
        }
        after.set(keyOf(m.object), result)
        const action = !live
          ? 'created'
          : meta(live).resourceVersion === meta(result).resourceVersion
            ? 'unchanged'
            : 'configured'
        applied.push({ object: objectName(m.object), action })
        runner.info(`${objectName(m.object)} ${action}`)
      }
    }
  )
  return { applied, before, after }
}

/** The dry run: the server's own dry-run apply of each object, and what it would change. */
export async function dryRunAll(
  ctx: Ctx,
  settings: K8sDeploySettings,
  manifests: Manifest[]
): Promise<{ object: string; live: boolean; changes: FieldChange[] }[]> {
  const { api, namespace } = ctx
  const out = []
  for (const m of manifests) {
    const live = await api.get(await livePath(api, m.object, namespace))
    const result = await api
      .apply(m.object, namespace, {
        fieldManager: settings.fieldManager,
        force: settings.forceConflicts,
        dryRun: true
      })
      .catch((error: unknown) => {
        if (error instanceof KubeError)
          throw new ConfigurationError(
            `${m.source}: the server's dry run of ${objectName(m.object)} failed: ${error.message}`
          )
        throw error
      })
    out.push({
      object: objectName(m.object),
      live: Boolean(live),
      changes: live ? diffObjects(live, result) : []
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// rollouts

interface Followed {
  kind: string
  name: string
  path: string
  object?: Dict
  status: RolloutStatus
}

/** Polls every workload (pollUntil) until none is progressing or the deadline passes; logs each change. */
export async function follow(
  ctx: Ctx,
  targets: { kind: string; name: string; path: string }[],
  deadline: number,
  label: string
): Promise<Map<string, Followed & { timedOut: boolean }>> {
  const { api, clock, runner } = ctx
  const state = new Map<string, Followed>(
    targets.map((t) => [
      `${t.kind}/${t.name}`,
      { ...t, status: { state: 'progressing', message: 'waiting for the first status' } }
    ])
  )
  const settled = () => [...state.values()].every((f) => f.status.state !== 'progressing')
  await runner.group(label, () =>
    pollUntil(
      async () => {
        for (const f of state.values()) {
          if (f.status.state !== 'progressing') continue
          const object = await api.get(f.path)
          if (!object) {
            f.status = { state: 'failed', message: `${f.kind}/${f.name} no longer exists` }
            continue
          }
          const status = rolloutStatus(object as K8sObject)
          if (status.message !== f.status.message)
            runner.info(`${f.kind}/${f.name}: ${status.message}`)
          f.object = object
          f.status = status
        }
        return settled()
      },
      {
        clock,
        timeoutMs: Math.max(0, deadline - clock.now()),
        interval: { initialMs: Math.min(500, ctx.pollMs), maxMs: ctx.pollMs },
        done: (done) => done
      }
    )
  )
  return new Map(
    [...state].map(([k, f]) => [k, { ...f, timedOut: f.status.state === 'progressing' }])
  )
}

/** The ReplicaSets of a Deployment (owned by it), newest revision first. */
async function replicaSetsOf(ctx: Ctx, deployment: Dict): Promise<Dict[]> {
  const path = await ctx.api.pathOf('apps/v1', 'ReplicaSet', ctx.namespace)
  const selector = selectorOf(deployment)
  const list = await ctx.api.request('GET', path, {
    query: selector ? { labelSelector: selector } : {}
  })
  return ownedReplicaSets(deployment, (list?.items as Dict[]) ?? [])
}

/** Why the current revision's pods are not ready, and the Warning events of its ReplicaSet. */
export async function failureDetails(
  ctx: Ctx,
  kind: string,
  object: Dict | undefined
): Promise<{ problems: PodProblem[]; events: string[] }> {
  if (!object) return { problems: [], events: [] }
  const podsPath = await ctx.api.pathOf('v1', 'Pod', ctx.namespace)
  let selector = selectorOf(object)
  let eventsFor: string | undefined = meta(object).name as string
  if (kind === 'Deployment') {
    const current = revisionOf(object)
    const rs = (await replicaSetsOf(ctx, object)).find((r) => revisionOf(r) === current)
    const hash = rs
      ? ((meta(rs).labels as Dict | undefined)?.['pod-template-hash'] as string | undefined)
      : undefined
    if (hash) selector = `${selector ? `${selector},` : ''}pod-template-hash=${hash}`
    if (rs) eventsFor = meta(rs).name as string
  }
  const pods = await ctx.api.request('GET', podsPath, {
    query: selector ? { labelSelector: selector } : {}
  })
  const problems = podProblems((pods?.items as Dict[]) ?? [])
  const eventsPath = await ctx.api.pathOf('v1', 'Event', ctx.namespace)
  const events = await ctx.api
    .request('GET', eventsPath, {
      query: { fieldSelector: `involvedObject.name=${eventsFor},type=Warning` }
    })
    .then((list) =>
      ((list?.items as Dict[]) ?? [])
        .map((e) => `${String(e.reason)}: ${String(e.message)}`)
        .slice(-5)
    )
    .catch(() => [])
  return { problems, events }
}

/**
 * What `kubectl rollout undo` does: the Deployment's pod template replaced by that of the
 * ReplicaSet at `before` (else the revision below the current one). A JSON patch under our field
 * manager, so the next apply by the same manager does not conflict with it.
 */
/**
 * What `kubectl rollout undo` does (the Deployment's pod template replaced by that of the
 * ReplicaSet at `before`, else the last good revision below the current one), but as a
 * server-side apply under our own field manager: the manifest with the old template. A plain
 * patch would leave the fields to an "Update" manager, and the next deploy would conflict with it.
 * The ReplicaSet of the failed revision is marked, so `rollback-to: previous` never goes back to it.
 */
export async function undoDeployment(
  ctx: Ctx,
  settings: K8sDeploySettings,
  manifest: K8sObject,
  deployment: Dict,
  before: number | undefined,
  failed: boolean
): Promise<RollbackOutcome | { patched: number | undefined }> {
  const current = revisionOf(deployment)
  const sets = await replicaSetsOf(ctx, deployment)
  const currentSet = sets.find((rs) => revisionOf(rs) === current)
  if (failed && currentSet) {
    const rsPath = await ctx.api.pathOf(
      'apps/v1',
      'ReplicaSet',
      ctx.namespace,
      String(meta(currentSet).name)
    )
    await ctx.api
      .request('PATCH', rsPath, {
        body: { metadata: { annotations: { [FAILED_ANNOTATION]: 'true' } } },
        contentType: 'application/merge-patch+json'
      })
      .catch(() => undefined) // only a hint for a later rollback-to; the undo matters more
  }
  const candidates = sets.filter(
    (rs) =>
      (meta(rs).annotations as Dict | undefined)?.[FAILED_ANNOTATION] !== 'true' ||
      revisionOf(rs) === before
  )
  const previous = previousReplicaSet(candidates, current, before)
  if (!previous)
    return {
      result: 'impossible',
      message: `no earlier good revision than ${current ?? 'the current one'} to go back to`
    }
  const annotations = {
    ...(manifest.metadata.annotations ?? {}),
    [ANNOTATION.changeCause]: `gantry k8s-deploy: rollback to revision ${revisionOf(previous) ?? '?'}`
  }
  const object = {
    apiVersion: manifest.apiVersion,
    kind: manifest.kind,
    metadata: { ...manifest.metadata, namespace: ctx.namespace, annotations },
    spec: { ...(manifest.spec as Dict), template: templateOf(previous) }
  }
  await ctx.api.apply(object, ctx.namespace, { fieldManager: settings.fieldManager, force: true })
  return { patched: revisionOf(previous) }
}

export async function rollBack(
  ctx: Ctx,
  settings: K8sDeploySettings,
  w: { kind: string; name: string; path: string; manifest: K8sObject },
  object: Dict | undefined,
  before: number | undefined,
  failed: boolean
): Promise<RollbackOutcome> {
  if (w.kind !== 'Deployment') {
    return {
      result: 'impossible',
      message: `automatic rollback is implemented for Deployments; roll ${w.kind}/${w.name} back by deploying the previous version`
    }
  }
  const live = object ?? (await ctx.api.get(w.path))
  if (!live) return { result: 'impossible', message: `${w.kind}/${w.name} no longer exists` }
  const undone = await undoDeployment(ctx, settings, w.manifest, live, before, failed)
  if ('result' in undone) return undone
  ctx.runner.info(`${w.kind}/${w.name}: rolling back to the template of revision ${undone.patched}`)
  const followed = (
    await follow(
      ctx,
      [w],
      ctx.clock.now() + settings.timeoutMs,
      `Follow the rollback of ${w.kind}/${w.name}`
    )
  ).get(`${w.kind}/${w.name}`)!
  return {
    ...(undone.patched !== undefined ? { toRevision: undone.patched } : {}),
    ...(revisionOf(followed.object) !== undefined ? { revision: revisionOf(followed.object) } : {}),
    result: followed.timedOut
      ? 'timed-out'
      : followed.status.state === 'complete'
        ? 'complete'
        : 'failed',
    message: followed.status.message
  }
}

/** The whole deploy (lock held by the caller). */
export async function deploy(ctx: Ctx, settings: K8sDeploySettings): Promise<DeployOutcome> {
  const started = ctx.clock.now()
  const manifests = withDefaultProtocols(withNamespace(settings.manifests, ctx.namespace))
  const { applied, before, after } = await applyAll(ctx, settings, manifests)
  const targets = await Promise.all(
    manifests
      .filter((m) => isWorkload(m.object))
      .map(async (m) => ({
        kind: m.object.kind,
        name: m.object.metadata.name,
        path: await livePath(ctx.api, m.object, ctx.namespace),
        manifest: m.object
      }))
  )
  const followed = await follow(
    ctx,
    targets,
    started + settings.timeoutMs,
    `Follow the rollout of ${targets.map((t) => `${t.kind}/${t.name}`).join(', ') || 'nothing (no workloads)'}`
  )
  const workloads: WorkloadOutcome[] = []
  for (const t of targets) {
    const key = `${t.kind}/${t.name}`
    const f = followed.get(key)!
    const revisionBefore = revisionOf(before.get(key))
    const result: WorkloadResult = f.timedOut
      ? 'timed-out'
      : f.status.state === 'complete'
        ? 'complete'
        : 'failed'
    const outcome: WorkloadOutcome = {
      kind: t.kind,
      name: t.name,
      ...(revisionBefore !== undefined ? { revisionBefore } : {}),
      ...(revisionOf(f.object ?? after.get(key)) !== undefined
        ? { revisionAfter: revisionOf(f.object ?? after.get(key)) }
        : {}),
      result,
      message: f.timedOut
        ? `not complete within ${Math.round(settings.timeoutMs / 1000)} s (timeout): ${f.status.message}`
        : f.status.message,
      problems: [],
      events: []
    }
    if (result !== 'complete') {
      const details = await failureDetails(ctx, t.kind, f.object)
      outcome.problems = details.problems
      outcome.events = details.events
      for (const p of details.problems)
        ctx.runner.info(`  ${p.pod}: ${p.reason}${p.detail ? `: ${p.detail}` : ''}`)
      if (settings.autoRollback) {
        outcome.rollback = before.get(key)
          ? await rollBack(ctx, settings, t, f.object, revisionBefore, true)
          : {
              result: 'impossible',
              message: `${key} was created by this deploy: there is no earlier revision`
            }
      }
    }
    workloads.push(outcome)
  }
  const failedOnes = workloads.filter((w) => w.result !== 'complete')
  const result =
    failedOnes.length === 0
      ? 'completed'
      : failedOnes.every((w) => w.rollback?.result === 'complete')
        ? 'rolled-back'
        : 'failed'
  return {
    namespace: ctx.namespace,
    applied,
    workloads,
    result,
    durationMs: ctx.clock.now() - started
  }
}

/** `rollback-to: previous`: each workload undone to the revision before its current one, followed. */
export async function rollbackToPrevious(
  ctx: Ctx,
  settings: K8sDeploySettings
): Promise<DeployOutcome> {
  const started = ctx.clock.now()
  const workloads: WorkloadOutcome[] = []
  for (const m of settings.manifests.filter((x) => isWorkload(x.object))) {
    const path = await livePath(ctx.api, m.object, ctx.namespace)
    const live = await ctx.api.get(path)
    if (!live)
      throw new ConfigurationError(
        `${objectName(m.object)} does not exist in namespace ${ctx.namespace}: nothing to roll back`
      )
    const manifest = withDefaultProtocols(withNamespace([m], ctx.namespace))[0]!.object
    const w = { kind: m.object.kind, name: m.object.metadata.name, path, manifest }
    const rollback = await rollBack(ctx, settings, w, live, undefined, false)
    const details =
      rollback.result === 'complete' || rollback.result === 'impossible'
        ? { problems: [], events: [] }
        : await failureDetails(ctx, w.kind, await ctx.api.get(path))
    workloads.push({
      kind: w.kind,
      name: w.name,
      ...(revisionOf(live) !== undefined ? { revisionBefore: revisionOf(live) } : {}),
      ...(rollback.revision !== undefined ? { revisionAfter: rollback.revision } : {}),
      result: rollback.result === 'impossible' ? 'failed' : rollback.result,
      message: rollback.message,
      ...details,
      rollback
    })
  }
  const result = workloads.every((w) => w.result === 'complete') ? 'completed' : 'failed'
  return {
    namespace: ctx.namespace,
    applied: [],
    workloads,
    result,
    durationMs: ctx.clock.now() - started
  }
}

/** Each workload's rollout as the seam's RolloutOutcome: revisions before and after, what was tried. */
export function rolloutOutcomes(outcome: DeployOutcome, rollbackOnly: boolean): RolloutOutcome[] {
  const rev = (n: number | undefined) => (n === undefined ? undefined : `revision ${n}`)
  return outcome.workloads.map((w) => {
    const unit = `${outcome.namespace}/${w.kind}/${w.name}`
    const common = {
      unit,
      durationMs: outcome.durationMs,
      ...(w.revisionBefore !== undefined ? { before: rev(w.revisionBefore) } : {})
    }
    if (w.result === 'complete') {
      return {
        ...common,
        status: 'deployed' as const,
        ...(w.revisionAfter !== undefined ? { after: rev(w.revisionAfter) } : {}),
        message: rollbackOnly ? `rolled back: ${w.message}` : w.message
      }
    }
    if (!rollbackOnly && w.rollback?.result === 'complete') {
      return {
        ...common,
        status: 'rolled-back' as const,
        ...(w.revisionAfter !== undefined ? { attempted: rev(w.revisionAfter) } : {}),
        ...(w.rollback.revision !== undefined ? { after: rev(w.rollback.revision) } : {}),
        message: w.message
      }
    }
    return {
      ...common,
      status: 'failed' as const,
      ...(w.revisionAfter !== undefined ? { after: rev(w.revisionAfter) } : {}),
      message:
        w.rollback && w.rollback.result !== 'complete'
          ? `${w.message}; not rolled back: ${w.rollback.message}`
          : w.message
    }
  })
}

/** The Kubernetes target: a deploy (or `rollback-to: previous`) under the app's Lease. */
export const k8sTarget: ApiTarget<
  { settings: K8sDeploySettings; ctx: Ctx },
  RolloutOutcome & { k8s: DeployOutcome; outcomes: RolloutOutcome[] }
> = {
  name: 'kubernetes',
  async deploy({ settings, ctx }) {
    const lease = await acquireLease(ctx, settings)
    let k8s: DeployOutcome
    try {
      k8s = settings.rollback
        ? await rollbackToPrevious(ctx, settings)
        : await deploy(ctx, settings)
    } finally {
      await lease.release()
    }
    const outcomes = rolloutOutcomes(k8s, settings.rollback)
    const worst =
      outcomes.find((o) => o.status === 'failed') ??
      outcomes.find((o) => o.status === 'rolled-back') ??
      outcomes[0]
    return {
      unit: `${ctx.namespace}/${settings.app}`,
      status: worst?.status ?? 'deployed',
      durationMs: k8s.durationMs,
      ...(worst?.before ? { before: worst.before } : {}),
      ...(worst?.after ? { after: worst.after } : {}),
      ...(worst?.attempted ? { attempted: worst.attempted } : {}),
      ...(worst?.message ? { message: worst.message } : {}),
      k8s,
      outcomes
    }
  }
}
