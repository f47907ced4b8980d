/**
 * Amazon ECS through `@aws-sdk/client-ecs`, loaded lazily (`await import()`): an input error or a
 * dry run never pays for the SDK. Credentials come from the SDK's standard chain. Retries are
 * ours, through src/lib/retry.ts (the client's own are off), so throttling is handled one way and
 * tests drive it, and the rollout polling, with a fake clock. Errors a user can act on become
 * ConfigurationErrors that say what AWS said and what to do.
 */
import type {
  ECSClient,
  ECSClientConfig,
  RegisterTaskDefinitionCommandInput
} from '@aws-sdk/client-ecs'
import {
  interpretRollout,
  type Rollout,
  type RolloutTarget,
  type ServiceView
} from '../core/ecs/rollout.js'
import type { Tag } from '../core/ecs/stable-record.js'
import type { TaskView } from '../core/ecs/stopped-tasks.js'
import type { TaskDefinitionInput } from '../core/ecs/task-definition.js'
import { ConfigurationError } from '../lib/errors.js'
import type { Clock } from '../lib/clock.js'
import { pollUntil } from '../lib/poll.js'
import { awsCall, awsSaid, explainAwsError, type AwsError } from './aws.js'

export type { Clock }
export interface RegisteredTaskDefinition {
  arn: string
  family?: string
  revision?: number
}

export interface UpdateServiceRequest {
  cluster: string
  service: string
  taskDefinition: string
  forceNewDeployment: boolean
  desiredCount?: number
}

export interface EcsApi {
  /** The service, ACTIVE or not; a missing cluster or service throws EcsNotFoundError. */
  describeService(cluster: string, service: string): Promise<ServiceView>
  listTags(resourceArn: string): Promise<Tag[]>
  tagResource(resourceArn: string, tags: { key: string; value: string }[]): Promise<void>
  /** The task definition as DescribeTaskDefinition returns it (read-only fields included). */
  describeTaskDefinition(
    taskDefinition: string
  ): Promise<{ definition: Record<string, unknown>; tags: Tag[] }>
  registerTaskDefinition(definition: TaskDefinitionInput): Promise<RegisteredTaskDefinition>
  /** The service as UpdateService returns it: its new PRIMARY deployment first. */
  updateService(request: UpdateServiceRequest): Promise<ServiceView>
  /** The service's stopped tasks that ECS still remembers (about an hour), at most 100. */
  stoppedTasks(cluster: string, service: string): Promise<TaskView[]>
}

export interface EcsOptions {
  region: string
  attempts?: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Extra client configuration (tests pass a request handler or an endpoint). */
  clientConfig?: ECSClientConfig
}

/** A cluster or service that does not exist (the caller names the input it came from). */
export class EcsNotFoundError extends ConfigurationError {
  constructor(
    readonly resource: 'cluster' | 'service',
    readonly said: string
  ) {
    super(`ECS ${resource} not found (${said})`)
  }
}

type Sdk = typeof import('@aws-sdk/client-ecs')

export function ecsApi(options: EcsOptions): EcsApi {
  let connected: Promise<{ sdk: Sdk; client: ECSClient }> | undefined
  const connect = () =>
    (connected ??= import('@aws-sdk/client-ecs').then((sdk) => ({
      sdk,
      client: new sdk.ECSClient({
        region: options.region,
        maxAttempts: 1,
        customUserAgent: 'gantry-ecs-deploy',
        ...options.clientConfig
      })
    })))
  const attempts = options.attempts ?? 5
  const call = async <T>(
    operation: string,
    send: (sdk: Sdk, client: ECSClient) => Promise<T>
  ): Promise<T> => {
    const { sdk, client } = await connect()
    try {
      return await awsCall(`ECS ${operation}`, () => send(sdk, client), {
        attempts,
        sleep: options.sleep,
        onRetry: options.onRetry
      })
    } catch (error) {
      throw explain(operation, error, attempts)
    }
  }

  return {
    async describeService(cluster, service) {
      const output = await call('DescribeServices', (sdk, client) =>
        client.send(new sdk.DescribeServicesCommand({ cluster, services: [service] }))
      )
      const found = output.services?.[0]
      if (found) return found
      const failure = output.failures?.[0]
      throw new EcsNotFoundError(
        'service',
        `DescribeServices: ${failure?.reason ?? 'no such service'}${failure?.arn ? ` ${failure.arn}` : ''}${failure?.detail ? `: ${failure.detail}` : ''}`
      )
    },

    async listTags(resourceArn) {
      const output = await call('ListTagsForResource', (sdk, client) =>
        client.send(new sdk.ListTagsForResourceCommand({ resourceArn }))
      )
      return output.tags ?? []
    },

    async tagResource(resourceArn, tags) {
      await call('TagResource', (sdk, client) =>
        client.send(new sdk.TagResourceCommand({ resourceArn, tags }))
      )
    },

    async describeTaskDefinition(taskDefinition) {
      const output = await call('DescribeTaskDefinition', (sdk, client) =>
        client.send(new sdk.DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }))
      )
      if (!output.taskDefinition) {
        throw new ConfigurationError(
          `ECS DescribeTaskDefinition returned nothing for ${taskDefinition}`
        )
      }
      return {
        definition: output.taskDefinition as Record<string, unknown>,
        tags: output.tags ?? []
      }
    },

    async registerTaskDefinition(definition) {
      const output = await call('RegisterTaskDefinition', (sdk, client) =>
        client.send(
          new sdk.RegisterTaskDefinitionCommand(
            definition as unknown as RegisterTaskDefinitionCommandInput
          )
        )
      )
      const registered = output.taskDefinition
      if (!registered?.taskDefinitionArn) {
        throw new Error('ECS RegisterTaskDefinition returned no taskDefinitionArn')
      }
      return {
        arn: registered.taskDefinitionArn,
        ...(registered.family ? { family: registered.family } : {}),
        ...(registered.revision !== undefined ? { revision: registered.revision } : {})
      }
    },

    async updateService(request) {
      const output = await call('UpdateService', (sdk, client) =>
        client.send(
          new sdk.UpdateServiceCommand({
            cluster: request.cluster,
            service: request.service,
            taskDefinition: request.taskDefinition,
            forceNewDeployment: request.forceNewDeployment,
            ...(request.desiredCount === undefined ? {} : { desiredCount: request.desiredCount })
          })
        )
      )
      if (!output.service) throw new Error('ECS UpdateService returned no service')
      return output.service
    },

    async stoppedTasks(cluster, service) {
      const listed = await call('ListTasks', (sdk, client) =>
        client.send(
          new sdk.ListTasksCommand({
            cluster,
            serviceName: service,
            desiredStatus: 'STOPPED',
            maxResults: 100
          })
        )
      )
      const tasks = listed.taskArns ?? []
      if (tasks.length === 0) return []
      const described = await call('DescribeTasks', (sdk, client) =>
        client.send(new sdk.DescribeTasksCommand({ cluster, tasks }))
      )
      return described.tasks ?? []
    }
  }
}

/** What the user reads: what AWS said, and what to do about it. */
export function explain(operation: string, error: unknown, attempts: number): Error {
  if (error instanceof ConfigurationError) return error
  switch ((error as AwsError | undefined)?.name) {
    case 'ClusterNotFoundException':
      return new EcsNotFoundError('cluster', `${operation}: ${awsSaid(error)}`)
    case 'ServiceNotFoundException':
    case 'ServiceNotActiveException':
      return new EcsNotFoundError('service', `${operation}: ${awsSaid(error)}`)
  }
  const passRole =
    operation === 'RegisterTaskDefinition'
      ? ', and iam:PassRole for the task and execution roles'
      : ''
  return explainAwsError(
    'ECS',
    operation,
    error,
    attempts,
    `the ecs:${operation} permission${passRole}`
  )
}

export interface FollowOptions {
  cluster: string
  service: string
  target: RolloutTarget
  timeoutMs: number
  pollMs: number
  clock: Clock
  /** Called when what the rollout is waiting for changes. */
  onProgress?: (line: string) => void
}

export interface FollowResult {
  rollout: Rollout
  /** The last DescribeServices answer. */
  service: ServiceView
  timedOut: boolean
}

/** Polls DescribeServices until the deployment COMPLETED or FAILED, or the time is up. */
export async function followRollout(api: EcsApi, options: FollowOptions): Promise<FollowResult> {
  let last = ''
  const result = await pollUntil(
    async () => {
      const service = await api.describeService(options.cluster, options.service)
      const rollout = interpretRollout(service, options.target)
      if (rollout.state === 'IN_PROGRESS' && rollout.waitingFor !== last)
        options.onProgress?.((last = rollout.waitingFor))
      return { rollout, service }
    },
    {
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      interval: options.pollMs,
      done: ({ rollout }) => rollout.state !== 'IN_PROGRESS'
    }
  )
  return { ...result.value, timedOut: !result.settled }
}
