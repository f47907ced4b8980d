/**
 * What a DescribeServices answer says about one deployment's rollout. The trap this avoids (the
 * peer action's): a service the circuit breaker rolled back is "stable" again, on the OLD task
 * definition, so waiting for stability reports success. Here the deployment is followed by its
 * id: when it is FAILED, or another deployment has become PRIMARY, the rollout failed. Pure.
 */

/** The fields of ECS's Deployment this reads (names and values as the API returns them). */
export interface DeploymentView {
  id?: string
  /** PRIMARY (the newest), ACTIVE (older, still has tasks), INACTIVE. */
  status?: string
  taskDefinition?: string
  desiredCount?: number
  pendingCount?: number
  runningCount?: number
  failedTasks?: number
  createdAt?: Date
  updatedAt?: Date
  /** IN_PROGRESS, COMPLETED, FAILED; absent for services behind a Classic Load Balancer. */
  rolloutState?: string
  rolloutStateReason?: string
}

export interface ServiceEventView {
  id?: string
  createdAt?: Date
  message?: string
}

/** The fields of ECS's Service this reads. */
export interface ServiceView {
  serviceArn?: string
  serviceName?: string
  clusterArn?: string
  /** ACTIVE, DRAINING, INACTIVE. */
  status?: string
  taskDefinition?: string
  desiredCount?: number
  runningCount?: number
  pendingCount?: number
  deployments?: DeploymentView[]
  events?: ServiceEventView[]
  deploymentController?: { type?: string }
  deploymentConfiguration?: {
    deploymentCircuitBreaker?: { enable?: boolean; rollback?: boolean }
  }
}

/** Which deployment is ours: its id from UpdateService, and the task definition it deploys. */
export interface RolloutTarget {
  deploymentId?: string
  taskDefinitionArn: string
}

export type Rollout =
  | { state: 'IN_PROGRESS'; ours: DeploymentView; waitingFor: string }
  | { state: 'COMPLETED'; ours: DeploymentView }
  | {
      state: 'FAILED'
      ours?: DeploymentView
      /** The circuit breaker (or an alarm) put the previous deployment back. */
      rolledBack: boolean
      reason: string
      primary?: DeploymentView
    }

const ROLLBACK_REASON = /circuit breaker|alarm|roll(ing|ed)? ?back/i

export function findOurDeployment(
  service: ServiceView,
  target: RolloutTarget
): DeploymentView | undefined {
  const deployments = service.deployments ?? []
  if (target.deploymentId !== undefined)
    return deployments.find((d) => d.id === target.deploymentId)
  return deployments.find(
    (d) => d.status === 'PRIMARY' && d.taskDefinition === target.taskDefinitionArn
  )
}

export function interpretRollout(service: ServiceView, target: RolloutTarget): Rollout {
  const deployments = service.deployments ?? []
  const primary = deployments.find((d) => d.status === 'PRIMARY')
  const ours = findOurDeployment(service, target)

  if (ours?.rolloutState === 'FAILED') {
    return {
      state: 'FAILED',
      ours,
      rolledBack: primary !== undefined && primary.id !== ours.id,
      reason: ours.rolloutStateReason ?? 'ECS marked the deployment FAILED',
      primary
    }
  }
  if (ours === undefined || ours.status !== 'PRIMARY') {
    const rolledBack =
      primary !== undefined && ROLLBACK_REASON.test(primary.rolloutStateReason ?? '')
    return {
      state: 'FAILED',
      ours,
      rolledBack,
      reason: rolledBack
        ? (primary?.rolloutStateReason ?? 'rolled back')
        : `another deployment replaced it${primary ? ` (${primary.id ?? 'no id'}, ${revisionName(primary.taskDefinition)})` : ''}`,
      primary
    }
  }
  if (ours.rolloutState === 'COMPLETED') return { state: 'COMPLETED', ours }
  if (ours.rolloutState === undefined && isSteady(service)) return { state: 'COMPLETED', ours }
  return { state: 'IN_PROGRESS', ours, waitingFor: progress(service, ours) }
}

/**
 * Whether the service is at rest: its only deployment has every task running (the check of the
 * `services-stable` waiter, for services without rollout states) or its PRIMARY one COMPLETED.
 */
export function isSteady(service: ServiceView): boolean {
  const deployments = service.deployments ?? []
  const primary = deployments.find((d) => d.status === 'PRIMARY')
  if (primary === undefined) return false
  if (primary.rolloutState !== undefined) return primary.rolloutState === 'COMPLETED'
  return deployments.length === 1 && primary.runningCount === primary.desiredCount
}

/** `2/3 tasks running, 1 pending, 4 failed; 1 older deployment still has tasks`. */
export function progress(service: ServiceView, deployment: DeploymentView): string {
  const parts = [
    `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} tasks running`,
    `${deployment.pendingCount ?? 0} pending`
  ]
  if (deployment.failedTasks) parts.push(`${deployment.failedTasks} failed`)
  const older = (service.deployments ?? []).filter((d) => d.id !== deployment.id).length
  const tail = older > 0 ? `; ${older} older deployment${older > 1 ? 's' : ''} still draining` : ''
  return `${parts.join(', ')}${tail}`
}

/** The service's events since a time, oldest first (ECS lists them newest first). */
export function eventsSince(service: ServiceView, since: Date | undefined, limit = 5): string[] {
  return (service.events ?? [])
    .filter((e) => e.message && (!since || !e.createdAt || e.createdAt >= since))
    .slice(0, limit)
    .reverse()
    .map((e) => `${e.createdAt ? e.createdAt.toISOString() + ' ' : ''}${e.message}`)
}

/** `shop-api:42` from `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:42`. */
export function revisionName(arn: string | undefined): string {
  if (!arn) return 'none'
  const slash = arn.lastIndexOf('/')
  return slash >= 0 ? arn.slice(slash + 1) : arn
}

/** The name at the end of a cluster or service ARN, or the name itself. */
export function resourceName(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? (nameOrArn.split('/').at(-1) ?? nameOrArn) : nameOrArn
}
