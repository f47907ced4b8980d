/**
 * `ecs-deploy`'s target: a rollout through the ECS API rather than host steps, so it implements
 * ApiTarget (../target.ts) and returns the same RolloutOutcome as the host targets. The
 * phases of an ECS deploy, in order: inspect the service, read the stable-revision record,
 * choose (render and register) the task definition, update the service, follow the rollout, record
 * a stable revision. Each phase is a small function over the EcsApi; the outcome is plain data for
 * the report.
 */
import {
  eventsSince,
  isSteady,
  resourceName,
  revisionName,
  type Rollout,
  type RolloutTarget,
  type ServiceView
} from '../../core/ecs/rollout.js'
import {
  nextStableRecord,
  readStableRecord,
  rollbackTarget,
  stableRecordTags,
  type StableRecord
} from '../../core/ecs/stable-record.js'
import { groupStoppedTasks, type StoppedTaskGroup } from '../../core/ecs/stopped-tasks.js'
import {
  prepareTaskDefinition,
  redactEnvironment,
  renderImage,
  type TaskDefinitionInput
} from '../../core/ecs/task-definition.js'
import {
  EcsNotFoundError,
  followRollout,
  type Clock,
  type EcsApi,
  type FollowResult,
  type RegisteredTaskDefinition
} from '../../io/ecs.js'
import { ConfigurationError, errorMessage, InputError } from '../../lib/errors.js'
import type { Runner } from '../../lib/runner.js'
import { INPUTS, type EcsDeploySettings } from '../../actions/ecs-deploy/settings.js'
import type { RolloutOutcome } from '../outcome.js'
import type { ApiTarget } from '../target.js'

export type RolloutState = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS'

export interface ChosenTaskDefinition {
  arn: string
  /** How it was chosen, for the log and the summary. */
  how: string
  registered?: RegisteredTaskDefinition
  image?: { container: string; before?: string; after: string }
}

export interface DeployOutcome {
  serviceArn?: string
  before?: string
  chosen: ChosenTaskDefinition
  deploymentId?: string
  state: RolloutState
  waited: boolean
  timedOut: boolean
  rolledBack: boolean
  /** Why it failed, or what it was still waiting for at the timeout. */
  reason?: string
  /** The task definition the service runs at the end, when not ours (after a rollback). */
  serviceRunsAfter?: string
  circuitBreaker: boolean
  stopped: StoppedTaskGroup[]
  stoppedError?: string
  events: string[]
  record: { before: StableRecord; written?: StableRecord; error?: string }
  durationMs: number
}

export interface DeployContext {
  api: EcsApi
  runner: Runner
  clock: Clock
  pollMs: number
}

export async function deploy(
  settings: EcsDeploySettings,
  ctx: DeployContext
): Promise<DeployOutcome> {
  const started = ctx.clock.now()
  const prepared = await prepare(settings, ctx)
  const updated = await updateService(settings, prepared.chosen, ctx)
  const deploymentId = updated.deployments?.find((d) => d.status === 'PRIMARY')?.id
  ctx.runner.info(
    `Updated the service: deployment ${deploymentId ?? '(no id)'} of ${revisionName(prepared.chosen.arn)}. Watch it: ${consoleUrl(settings)}`
  )
  const base = {
    serviceArn: prepared.serviceArn,
    before: prepared.taskDefinition,
    chosen: prepared.chosen,
    deploymentId,
    circuitBreaker: prepared.circuitBreaker,
    record: { before: prepared.record },
    stopped: [],
    events: []
  }
  const elapsed = () => ctx.clock.now() - started
  if (!settings.wait) {
    const notWaited = { waited: false, timedOut: false, rolledBack: false }
    return { ...base, ...notWaited, state: 'IN_PROGRESS', durationMs: elapsed() }
  }
  const followed = await follow(settings, ctx, {
    deploymentId,
    taskDefinitionArn: prepared.chosen.arn
  })
  if (followed.rollout.state === 'COMPLETED') {
    const written = await writeRecord(ctx, prepared.serviceArn, prepared.record, {
      deployed: prepared.chosen.arn,
      before: prepared.taskDefinition,
      beforeWasSteady: prepared.steady
    })
    const completed = { waited: true, timedOut: false, rolledBack: false }
    const record = { before: prepared.record, ...written }
    return { ...base, ...completed, state: 'COMPLETED', record, durationMs: elapsed() }
  }
  const diagnosis = await diagnose(settings, ctx, prepared.chosen.arn, followed)
  return { ...base, ...diagnosis, waited: true, durationMs: elapsed() }
}

interface Prepared {
  serviceArn: string
  /** What the service ran, and whether it was at rest, before this deploy. */
  taskDefinition?: string
  steady: boolean
  circuitBreaker: boolean
  record: StableRecord
  chosen: ChosenTaskDefinition
}

/** Everything before the service changes: its state, the record, the task definition to deploy. */
async function prepare(settings: EcsDeploySettings, ctx: DeployContext): Promise<Prepared> {
  const service = await inspectService(settings, ctx)
  const serviceArn = service.serviceArn as string
  const steady = isSteady(service)
  ctx.runner.info(
    `Service ${settings.cluster}/${settings.service} runs ${revisionName(service.taskDefinition)} (${steady ? 'steady' : 'not steady: a rollout is under way or stuck'})`
  )
  warnAboutCircuitBreaker(settings, service, ctx.runner)
  const record = await readRecord(settings, serviceArn, ctx)
  const chosen = await chooseTaskDefinition(settings, service, record, ctx)
  return {
    serviceArn,
    ...(service.taskDefinition ? { taskDefinition: service.taskDefinition } : {}),
    steady,
    circuitBreaker: service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true,
    record,
    chosen
  }
}

/** Follows the rollout; losing track of it (AWS errors) says that the service was updated. */
async function follow(
  settings: EcsDeploySettings,
  ctx: DeployContext,
  target: RolloutTarget
): Promise<FollowResult> {
  try {
    return await followRollout(ctx.api, {
      cluster: settings.cluster,
      service: settings.service,
      target,
      timeoutMs: settings.timeoutMs,
      pollMs: ctx.pollMs,
      clock: ctx.clock,
      onProgress: (line) => ctx.runner.untrusted(line, 'Rollout in progress: ')
    })
  } catch (error) {
    throw new ConfigurationError(
      `The service was updated (deployment ${target.deploymentId ?? '(no id)'} of ${revisionName(target.taskDefinitionArn)}), but its rollout could not be followed: ${errorMessage(error)} See ${consoleUrl(settings)}`
    )
  }
}

/** A failed or timed-out rollout: why, in ECS's words, the stopped tasks' and the events'. */
async function diagnose(
  settings: EcsDeploySettings,
  ctx: DeployContext,
  taskDefinitionArn: string,
  followed: FollowResult
): Promise<
  Pick<
    DeployOutcome,
    | 'state'
    | 'timedOut'
    | 'rolledBack'
    | 'reason'
    | 'serviceRunsAfter'
    | 'stopped'
    | 'stoppedError'
    | 'events'
  >
> {
  const { rollout } = followed
  const stopped = await stoppedTasks(settings, taskDefinitionArn, ctx)
  const events = eventsSince(followed.service, rollout.ours?.createdAt)
  if (rollout.state !== 'FAILED') {
    const state = 'IN_PROGRESS' as const
    return {
      state,
      timedOut: true,
      rolledBack: false,
      reason: progressOf(rollout),
      ...stopped,
      events
    }
  }
  const runsAfter = rollout.primary?.taskDefinition
  return {
    state: 'FAILED',
    timedOut: false,
    rolledBack: rollout.rolledBack,
    reason: rollout.reason,
    ...(runsAfter && runsAfter !== taskDefinitionArn ? { serviceRunsAfter: runsAfter } : {}),
    ...stopped,
    events
  }
}

function progressOf(rollout: Rollout): string {
  return rollout.state === 'IN_PROGRESS' ? rollout.waitingFor : rollout.state
}

/** The service must exist, be ACTIVE and use rolling (ECS) deployments. */
async function inspectService(
  settings: EcsDeploySettings,
  ctx: DeployContext
): Promise<ServiceView> {
  const service = await describe(settings, ctx.api)
  if (service.status !== 'ACTIVE') {
    throw new InputError(
      INPUTS.service,
      settings.service,
      `an ACTIVE service in cluster \`${settings.cluster}\`; it is ${service.status ?? 'in an unknown state'}`
    )
  }
  const controller = service.deploymentController?.type ?? 'ECS'
  if (controller !== 'ECS') {
    throw new InputError(
      INPUTS.service,
      settings.service,
      `a service with rolling (\`ECS\`) deployments; it uses the ${controller} deployment controller (for CodeDeploy blue/green, use aws-actions/amazon-ecs-deploy-task-definition with its codedeploy-* inputs)`
    )
  }
  if (!service.serviceArn) throw new Error('ECS DescribeServices returned a service without an ARN')
  return service
}

/** DescribeServices, with "not found" turned into an error about the input that named it. */
export async function describe(settings: EcsDeploySettings, api: EcsApi): Promise<ServiceView> {
  try {
    return await api.describeService(settings.cluster, settings.service)
  } catch (error) {
    throw notFoundAsInputError(settings, error)
  }
}

function notFoundAsInputError(settings: EcsDeploySettings, error: unknown): unknown {
  if (!(error instanceof EcsNotFoundError)) return error
  return error.resource === 'cluster'
    ? new InputError(
        INPUTS.cluster,
        settings.cluster,
        `an existing ECS cluster in ${settings.region} (${error.said})`
      )
    : new InputError(
        INPUTS.service,
        settings.service,
        `an existing service in cluster \`${settings.cluster}\` (${settings.region}) (${error.said})`
      )
}

function warnAboutCircuitBreaker(
  settings: EcsDeploySettings,
  service: ServiceView,
  runner: Runner
) {
  const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker
  if (!settings.wait || breaker?.enable) return
  runner.notice(
    `The deployment circuit breaker is off for ${settings.cluster}/${settings.service}: a rollout whose tasks keep failing never fails by itself, so this step waits up to ${settings.timeoutMs / 60_000} minutes (wait-for-minutes). Turn it on (deploymentConfiguration.deploymentCircuitBreaker: enable, rollback) to fail fast and roll back.`,
    { title: 'ECS circuit breaker off' }
  )
}

/** The stable-revision record; unreadable is a warning, except for a rollback that needs it. */
async function readRecord(
  settings: EcsDeploySettings,
  serviceArn: string,
  ctx: DeployContext
): Promise<StableRecord> {
  try {
    return readStableRecord(await ctx.api.listTags(serviceArn))
  } catch (error) {
    if (settings.source.kind === 'rollback') {
      throw new ConfigurationError(
        `Cannot read the stable-revision record on ${serviceArn} for \`${INPUTS.rollbackTo}: previous\`: ${errorMessage(error)}`
      )
    }
    ctx.runner.warning(
      `Cannot read the stable-revision record on the service (${errorMessage(error)}); this deploy will still be recorded if it completes.`
    )
    return {}
  }
}

async function chooseTaskDefinition(
  settings: EcsDeploySettings,
  service: ServiceView,
  record: StableRecord,
  ctx: DeployContext
): Promise<ChosenTaskDefinition> {
  const source = settings.source
  if (source.kind === 'rollback') return chooseRollback(settings, service, record, ctx.runner)
  if (source.kind === 'file') {
    logPrepared(ctx.runner, source.path, source.prepared)
    const definition = source.rendered?.definition ?? source.prepared.definition
    const image = source.rendered && {
      container: source.rendered.container,
      ...(source.rendered.previousImage ? { before: source.rendered.previousImage } : {}),
      after: settings.image?.reference as string
    }
    return register(definition, `the file ${source.path}`, image, ctx)
  }
  const current = service.taskDefinition as string
  if (settings.image === undefined) {
    return { arn: current, how: 'the current task definition, restarted (force-new-deployment)' }
  }
  return renderCurrent(settings, settings.image, current, ctx)
}

function chooseRollback(
  settings: EcsDeploySettings,
  service: ServiceView,
  record: StableRecord,
  runner: Runner
): ChosenTaskDefinition {
  const target = rollbackTarget(record, service.taskDefinition)
  if ('error' in target) {
    throw new InputError(
      INPUTS.rollbackTo,
      'previous',
      `a recorded stable revision, but ${target.error}`
    )
  }
  runner.info(`Rolling back to ${revisionName(target.taskDefinition)}: ${target.why}`)
  return { arn: target.taskDefinition, how: `rollback to ${target.why}` }
}

/** The service's current task definition with the new image, registered as a new revision. */
async function renderCurrent(
  settings: EcsDeploySettings,
  image: NonNullable<EcsDeploySettings['image']>,
  current: string,
  ctx: DeployContext
): Promise<ChosenTaskDefinition> {
  const described = await ctx.api.describeTaskDefinition(current)
  const prepared = prepareTaskDefinition({
    taskDefinition: described.definition,
    tags: described.tags
  })
  if ('error' in prepared) {
    throw new ConfigurationError(
      `ECS returned an unusable task definition ${current}: expected ${prepared.error}`
    )
  }
  const rendered = renderImage(prepared.definition, image.container, image.reference)
  if ('error' in rendered) {
    throw new InputError(
      INPUTS.container,
      image.container ?? '',
      `${rendered.error} (in ${revisionName(current)}, the service's current task definition)`
    )
  }
  return register(
    rendered.definition,
    `${revisionName(current)} with the new image`,
    {
      container: rendered.container,
      ...(rendered.previousImage ? { before: rendered.previousImage } : {}),
      after: image.reference
    },
    ctx
  )
}

function logPrepared(
  runner: Runner,
  path: string,
  prepared: { stripped: string[]; unknown: string[]; unwrapped: boolean }
): void {
  if (prepared.unwrapped) runner.info(`${path}: using its \`taskDefinition\` (and \`tags\`)`)
  if (prepared.stripped.length > 0) {
    runner.info(
      `${path}: left out ${prepared.stripped.join(', ')} (read-only fields DescribeTaskDefinition returns; RegisterTaskDefinition does not take them)`
    )
  }
  for (const field of prepared.unknown) {
    runner.warning(
      `${path}: \`${field}\` is not a RegisterTaskDefinition field and is ignored (a typo?)`,
      { title: 'Unknown task definition field', file: path }
    )
  }
}

async function register(
  definition: TaskDefinitionInput,
  how: string,
  image: ChosenTaskDefinition['image'],
  ctx: DeployContext
): Promise<ChosenTaskDefinition> {
  let registered: RegisteredTaskDefinition
  try {
    registered = await ctx.api.registerTaskDefinition(definition)
  } catch (error) {
    ctx.runner.debug(
      `The task definition sent (environment values not shown):\n${JSON.stringify(redactEnvironment(definition), null, 2)}`
    )
    throw error
  }
  const images = image ? ` (${image.container}: ${image.before ?? 'none'} → ${image.after})` : ''
  ctx.runner.info(`Registered ${revisionName(registered.arn)} from ${how}${images}`)
  return { arn: registered.arn, how, registered, ...(image ? { image } : {}) }
}

async function updateService(
  settings: EcsDeploySettings,
  chosen: ChosenTaskDefinition,
  ctx: DeployContext
): Promise<ServiceView> {
  try {
    return await ctx.api.updateService({
      cluster: settings.cluster,
      service: settings.service,
      taskDefinition: chosen.arn,
      forceNewDeployment: settings.forceNewDeployment,
      ...(settings.desiredCount === undefined ? {} : { desiredCount: settings.desiredCount })
    })
  } catch (error) {
    throw notFoundAsInputError(settings, error)
  }
}

/** Records a completed rollout on the service; a failure to record is a warning, not a failure. */
async function writeRecord(
  ctx: DeployContext,
  serviceArn: string,
  record: StableRecord,
  transition: Parameters<typeof nextStableRecord>[1]
): Promise<{ written?: StableRecord; error?: string }> {
  const next = nextStableRecord(record, transition)
  const tags = stableRecordTags(next)
  try {
    if ('error' in tags) throw new Error(tags.error)
    await ctx.api.tagResource(serviceArn, tags.tags)
    return { written: next }
  } catch (error) {
    const message = errorMessage(error)
    ctx.runner.warning(
      `The rollout completed, but the stable revision could not be recorded on the service (${message}); \`${INPUTS.rollbackTo}: previous\` will not know about it.`,
      { title: 'Stable revision not recorded' }
    )
    return { error: message }
  }
}

/** Why the new task definition's tasks stopped; a failure to find out does not hide the failure. */
async function stoppedTasks(
  settings: EcsDeploySettings,
  taskDefinitionArn: string,
  ctx: DeployContext
): Promise<{ stopped: StoppedTaskGroup[]; stoppedError?: string }> {
  try {
    const tasks = await ctx.api.stoppedTasks(settings.cluster, settings.service)
    return { stopped: groupStoppedTasks(tasks, taskDefinitionArn) }
  } catch (error) {
    return { stopped: [], stoppedError: errorMessage(error) }
  }
}

export function consoleUrl(settings: EcsDeploySettings): string {
  const host = settings.region.startsWith('cn-') ? 'console.amazonaws.cn' : 'console.aws.amazon.com'
  const cluster = encodeURIComponent(resourceName(settings.cluster))
  const service = encodeURIComponent(resourceName(settings.service))
  return `https://${host}/ecs/v2/clusters/${cluster}/services/${service}/deployments?region=${settings.region}`
}

/** The ECS rollout as a RolloutOutcome (with ECS's own account of it, for its outputs and summary). */
export const ecsTarget: ApiTarget<
  { settings: EcsDeploySettings; ctx: DeployContext },
  RolloutOutcome & { ecs: DeployOutcome }
> = {
  name: 'ecs',
  async deploy({ settings, ctx }) {
    const ecs = await deploy(settings, ctx)
    const before = ecs.before && revisionName(ecs.before)
    const chosen = revisionName(ecs.chosen.arn)
    const common = {
      unit: `${settings.cluster}/${settings.service}`,
      before,
      durationMs: ecs.durationMs,
      ecs
    }
    if (ecs.state === 'COMPLETED') return { ...common, status: 'deployed', after: chosen }
    if (!ecs.waited) return { ...common, status: 'started', after: chosen }
    if (ecs.rolledBack)
      return {
        ...common,
        status: 'rolled-back',
        attempted: chosen,
        after: ecs.serviceRunsAfter && revisionName(ecs.serviceRunsAfter),
        message: ecs.reason
      }
    return { ...common, status: 'failed', after: chosen, message: ecs.reason }
  }
}
