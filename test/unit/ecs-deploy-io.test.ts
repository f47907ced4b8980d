/**
 * src/io/ecs.ts against a mocked SDK client (aws-sdk-client-mock) whose answers are shaped like
 * ECS's, and against the real SDK with a request handler that answers as ECS does on the wire
 * (JSON 1.1, `__type` error codes), so the error names we classify are the names the real SDK
 * gives real ECS error bodies. The rollout follower runs on a fake clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  AccessDeniedException,
  ClusterNotFoundException,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ECSServiceException,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Deployment,
  type Service
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { EcsNotFoundError, ecsApi, followRollout, type Clock } from '../../src/io/ecs.js'
import { ConfigurationError } from '../../src/lib/errors.js'

const REGION = 'eu-west-1'
const SERVICE_ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api'
const TD = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:${revision}`

const mockEcs = () => mockClient(ECSClient)
let ecs: ReturnType<typeof mockEcs>
function useMockedClient() {
  beforeAll(() => {
    ecs = mockEcs()
  })
  afterEach(() => {
    ecs.reset()
  })
  afterAll(() => {
    ecs.restore()
  })
}

/** How the SDK surfaces an AWS error code it has no class for (the JSON protocol's `__type`). */
function awsError(name: string, message: string, status = 400) {
  return new ECSServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: status }
  })
}

function fakeClock(start = Date.parse('2026-11-22T15:00:00Z')) {
  const sleeps: number[] = []
  let now = start
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    }
  }
  return { clock, sleeps }
}

function api(sleeps: number[] = [], retries: string[] = []) {
  return ecsApi({
    region: REGION,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    onRetry: (m) => retries.push(m)
  })
}

const deployment = (fields: Partial<Deployment>): Deployment => ({
  id: 'ecs-svc/5432109876543210987',
  status: 'PRIMARY',
  taskDefinition: TD(42),
  desiredCount: 2,
  pendingCount: 0,
  runningCount: 0,
  failedTasks: 0,
  createdAt: new Date('2026-11-22T15:00:00Z'),
  updatedAt: new Date('2026-11-22T15:00:05Z'),
  launchType: 'FARGATE',
  rolloutState: 'IN_PROGRESS',
  rolloutStateReason: 'ECS deployment ecs-svc/5432109876543210987 in progress.',
  ...fields
})

const described = (...deployments: Deployment[]): { services: Service[]; failures: [] } => ({
  services: [
    {
      serviceArn: SERVICE_ARN,
      serviceName: 'api',
      clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      taskDefinition: TD(42),
      deployments,
      events: []
    }
  ],
  failures: []
})

describe('describeService', () => {
  useMockedClient()

  test('a missing service (failures[], reason MISSING) is an EcsNotFoundError for the service', async () => {
    ecs.on(DescribeServicesCommand).resolves({
      services: [],
      failures: [{ arn: SERVICE_ARN, reason: 'MISSING' }]
    })
    const error = await api()
      .describeService('prod', 'api')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcsNotFoundError)
    expect(error).toMatchObject({
      resource: 'service',
      said: `DescribeServices: MISSING ${SERVICE_ARN}`
    })
  })

  test('a missing cluster is an EcsNotFoundError for the cluster, not retried', async () => {
    ecs.on(DescribeServicesCommand).rejects(
      new ClusterNotFoundException({
        message: 'Cluster not found.',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const sleeps: number[] = []
    const error = await api(sleeps)
      .describeService('prod', 'api')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      resource: 'cluster',
      said: 'DescribeServices: ClusterNotFoundException: Cluster not found.'
    })
    expect(sleeps).toEqual([])
  })

  test('throttling is retried with backoff, then succeeds', async () => {
    ecs
      .on(DescribeServicesCommand)
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .resolves(described(deployment({})))
    const sleeps: number[] = []
    const retries: string[] = []
    const service = await api(sleeps, retries).describeService('prod', 'api')
    expect(service.serviceArn).toBe(SERVICE_ARN)
    expect(sleeps).toEqual([1000, 2000])
    expect(retries[0]).toBe(
      'ECS DescribeServices: ThrottlingException: Rate exceeded; attempt 2 of 5 in 1000 ms'
    )
  })

  test('throttling that does not stop: a clear failure after five attempts', async () => {
    ecs.on(DescribeServicesCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'))
    const sleeps: number[] = []
    await expect(api(sleeps).describeService('prod', 'api')).rejects.toThrow(
      'ECS DescribeServices still failed after 5 attempts (ThrottlingException: Rate exceeded).'
    )
    expect(sleeps).toEqual([1000, 2000, 4000, 8000])
  })
})

describe('the other calls', () => {
  useMockedClient()

  test('AccessDeniedException names the permission to grant, and iam:PassRole for registering', async () => {
    const denied = (op: string) =>
      new AccessDeniedException({
        message: `User: arn:aws:sts::123456789012:assumed-role/github-deploy/gh is not authorized to perform: ecs:${op} on resource: *`,
        $metadata: { httpStatusCode: 400 }
      })
    ecs.on(RegisterTaskDefinitionCommand).rejects(denied('RegisterTaskDefinition'))
    ecs.on(UpdateServiceCommand).rejects(denied('UpdateService'))
    const register = await api()
      .registerTaskDefinition({
        family: 'shop-api',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }]
      })
      .catch((e: unknown) => e)
    expect(register).toBeInstanceOf(ConfigurationError)
    expect((register as Error).message).toMatch(
      /^AWS denied RegisterTaskDefinition \(AccessDeniedException: User: .* is not authorized to perform: ecs:RegisterTaskDefinition on resource: \*\)\. The role or user needs the ecs:RegisterTaskDefinition permission, and iam:PassRole for the task and execution roles\.$/
    )
    await expect(
      api().updateService({
        cluster: 'prod',
        service: 'api',
        taskDefinition: TD(42),
        forceNewDeployment: false
      })
    ).rejects.toThrow(/needs the ecs:UpdateService permission\.$/)
  })

  test('registerTaskDefinition returns the ARN, family and revision ECS gave', async () => {
    ecs.on(RegisterTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: TD(42),
        family: 'shop-api',
        revision: 42,
        status: 'ACTIVE',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
        registeredAt: new Date('2026-11-22T15:00:00Z')
      },
      tags: []
    })
    expect(
      await api().registerTaskDefinition({
        family: 'shop-api',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }]
      })
    ).toEqual({ arn: TD(42), family: 'shop-api', revision: 42 })
  })

  test('updateService sends only what was asked (desiredCount only when given)', async () => {
    ecs.on(UpdateServiceCommand).resolves({ service: described(deployment({}))!.services[0] })
    await api().updateService({
      cluster: 'prod',
      service: 'api',
      taskDefinition: TD(42),
      forceNewDeployment: true
    })
    await api().updateService({
      cluster: 'prod',
      service: 'api',
      taskDefinition: TD(42),
      forceNewDeployment: false,
      desiredCount: 0
    })
    expect(ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'prod', service: 'api', taskDefinition: TD(42), forceNewDeployment: true },
      {
        cluster: 'prod',
        service: 'api',
        taskDefinition: TD(42),
        forceNewDeployment: false,
        desiredCount: 0
      }
    ])
  })

  test('stoppedTasks: ListTasks STOPPED for the service, then DescribeTasks; none → no second call', async () => {
    ecs
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [] })
      .resolves({
        taskArns: ['arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c3d4e5f']
      })
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c3d4e5f',
          lastStatus: 'STOPPED'
        }
      ],
      failures: []
    })
    expect(await api().stoppedTasks('prod', 'api')).toEqual([])
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0)
    expect(await api().stoppedTasks('prod', 'api')).toHaveLength(1)
    expect(ecs.commandCalls(ListTasksCommand)[0]!.args[0].input).toEqual({
      cluster: 'prod',
      serviceName: 'api',
      desiredStatus: 'STOPPED',
      maxResults: 100
    })
  })
})

describe('followRollout', () => {
  useMockedClient()
  const target = { deploymentId: 'ecs-svc/5432109876543210987', taskDefinitionArn: TD(42) }

  test('polls every pollMs until COMPLETED; progress printed only when it changes', async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(described(deployment({ pendingCount: 2 })))
      .resolvesOnce(described(deployment({ pendingCount: 2 })))
      .resolvesOnce(described(deployment({ runningCount: 1, pendingCount: 1 })))
      .resolves(described(deployment({ runningCount: 2, rolloutState: 'COMPLETED' })))
    const { clock, sleeps } = fakeClock()
    const lines: string[] = []
    const result = await followRollout(api(), {
      cluster: 'prod',
      service: 'api',
      target,
      timeoutMs: 600_000,
      pollMs: 15_000,
      clock,
      onProgress: (line) => lines.push(line)
    })
    expect(result.rollout.state).toBe('COMPLETED')
    expect(result.timedOut).toBe(false)
    expect(sleeps).toEqual([15_000, 15_000, 15_000])
    expect(lines).toEqual(['0/2 tasks running, 2 pending', '1/2 tasks running, 1 pending'])
  })

  test('gives up at the deadline, the last sleep cut to it, with the state it saw', async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolves(described(deployment({ pendingCount: 2, failedTasks: 3 })))
    const { clock, sleeps } = fakeClock()
    const result = await followRollout(api(), {
      cluster: 'prod',
      service: 'api',
      target,
      timeoutMs: 40_000,
      pollMs: 15_000,
      clock
    })
    expect(result).toMatchObject({
      timedOut: true,
      rollout: { state: 'IN_PROGRESS', waitingFor: '0/2 tasks running, 2 pending, 3 failed' }
    })
    expect(sleeps).toEqual([15_000, 15_000, 10_000])
  })
})

describe('on the wire: error bodies as ECS sends them', () => {
  /** A request handler that answers every request with one ECS JSON 1.1 response. */
  function wireApi(status: number, body: object, seen: string[] = []) {
    return ecsApi({
      region: REGION,
      attempts: 2,
      sleep: async () => {},
      clientConfig: {
        credentials: {
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
        },
        requestHandler: {
          handle: async (request: { headers: Record<string, string> }) => {
            seen.push(request.headers['x-amz-target'] ?? '')
            return {
              response: {
                statusCode: status,
                headers: {
                  'content-type': 'application/x-amz-json-1.1',
                  'x-amzn-requestid': 'b3f4c5d6-0000-4000-8000-000000000000'
                },
                body: Buffer.from(JSON.stringify(body))
              }
            }
          }
        } as never
      }
    })
  }

  test('ClusterNotFoundException', async () => {
    const seen: string[] = []
    const error = await wireApi(
      400,
      { __type: 'ClusterNotFoundException', message: 'Cluster not found.' },
      seen
    )
      .describeService('prod', 'api')
      .catch((e: unknown) => e)
    expect(seen).toEqual(['AmazonEC2ContainerServiceV20141113.DescribeServices'])
    expect(error).toMatchObject({
      resource: 'cluster',
      said: 'DescribeServices: ClusterNotFoundException: Cluster not found.'
    })
  })

  test('ServiceNotFoundException from UpdateService', async () => {
    const error = await wireApi(400, {
      __type: 'ServiceNotFoundException',
      message: 'Service not found.'
    })
      .updateService({
        cluster: 'prod',
        service: 'api',
        taskDefinition: TD(42),
        forceNewDeployment: false
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      resource: 'service',
      said: 'UpdateService: ServiceNotFoundException: Service not found.'
    })
  })

  test('ThrottlingException (not modelled by the SDK) is recognised and retried', async () => {
    const seen: string[] = []
    await expect(
      wireApi(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, seen).listTags(
        SERVICE_ARN
      )
    ).rejects.toThrow(
      'ECS ListTagsForResource still failed after 2 attempts (ThrottlingException: Rate exceeded).'
    )
    expect(seen).toHaveLength(2)
  })

  test('the DescribeServices answer is parsed into the shapes the rollout reads (dates as Dates)', async () => {
    const service = await wireApi(200, {
      services: [
        {
          serviceArn: SERVICE_ARN,
          serviceName: 'api',
          status: 'ACTIVE',
          taskDefinition: TD(42),
          deployments: [
            {
              id: 'ecs-svc/5432109876543210987',
              status: 'PRIMARY',
              taskDefinition: TD(42),
              desiredCount: 2,
              runningCount: 2,
              pendingCount: 0,
              failedTasks: 0,
              createdAt: 1795878000.123,
              updatedAt: 1795878120.456,
              rolloutState: 'COMPLETED',
              rolloutStateReason: 'ECS deployment ecs-svc/5432109876543210987 completed.'
            }
          ],
          events: [
            {
              id: 'e1',
              createdAt: 1795878120.5,
              message: '(service api) has reached a steady state.'
            }
          ]
        }
      ],
      failures: []
    }).describeService('prod', 'api')
    expect(service.deployments?.[0]?.rolloutState).toBe('COMPLETED')
    expect(service.deployments?.[0]?.createdAt).toEqual(new Date(1795878000123))
    expect(service.events?.[0]?.createdAt).toBeInstanceOf(Date)
  })
})
