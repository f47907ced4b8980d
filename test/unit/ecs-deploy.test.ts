/**
 * The `ecs-deploy` action in process: its real run(), the real io layer and AWS SDK with the ECS
 * client mocked (aws-sdk-client-mock, answers shaped as ECS's API reference shows them), a
 * recording runner and a fake clock (no real waiting). The built bundle's validation paths run
 * through the runner-contract harness in test/e2e/ecs-deploy.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  ClusterNotFoundException,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ECSServiceException,
  InvalidParameterException,
  ListTagsForResourceCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  type Deployment,
  type RegisterTaskDefinitionCommandOutput,
  type Service,
  type Task,
  type TaskDefinition
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INPUTS, run } from '../../src/actions/ecs-deploy/main.js'
import type { Clock } from '../../src/io/ecs.js'
import type { Runner } from '../../src/lib/runner.js'

const mockEcs = () => mockClient(ECSClient)
let ecs: ReturnType<typeof mockEcs>
beforeAll(() => {
  ecs = mockEcs()
})
afterEach(() => {
  ecs.reset()
})
afterAll(() => {
  ecs.restore()
})

const ACCOUNT = '123456789012'
const CLUSTER_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/prod`
const SERVICE_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/api`
const TD = (revision: number) =>
  `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/shop-api:${revision}`
const IMAGE = (tag: string) => `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/shop:${tag}`
const OLD_ID = 'ecs-svc/1234567890123456789'
const NEW_ID = 'ecs-svc/5432109876543210987'
const ROLLBACK_ID = 'ecs-svc/7777777777777777777'
const T0 = Date.parse('2026-11-22T15:00:00Z')
const PLAINTEXT_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'

// ---------------------------------------------------------------------------------------------
// Answers shaped as ECS returns them.

/** `aws ecs describe-task-definition --query taskDefinition`, saved to a file by the user. */
const DESCRIBED_41 = {
  taskDefinitionArn: TD(41),
  containerDefinitions: [
    {
      name: 'web',
      image: IMAGE('1.4.1'),
      cpu: 0,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      essential: true,
      // Belongs in `secrets`, but plain environment values like this one exist: never printed.
      environment: [{ name: 'PAYMENTS_API_KEY', value: PLAINTEXT_KEY }],
      mountPoints: [],
      volumesFrom: [],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/shop-api',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'ecs'
        }
      }
    },
    {
      name: 'log-router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      essential: true,
      firelensConfiguration: { type: 'fluentbit' }
    }
  ],
  family: 'shop-api',
  taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-api-task`,
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
  networkMode: 'awsvpc',
  revision: 41,
  volumes: [],
  status: 'ACTIVE',
  requiresAttributes: [
    { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
    { name: 'ecs.capability.execution-role-awslogs' },
    { name: 'ecs.capability.task-eni' }
  ],
  placementConstraints: [],
  compatibilities: ['EC2', 'FARGATE'],
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  registeredAt: '2026-11-20T10:15:30.123000+00:00',
  registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/github-deploy/GitHubActions`,
  deregisteredAt: '2026-11-21T08:00:00.000000+00:00'
}

function deployment(fields: Partial<Deployment>): Deployment {
  return {
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: new Date(T0),
    updatedAt: new Date(T0 + 5000),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d'],
        securityGroups: ['sg-0a1b2c3d'],
        assignPublicIp: 'DISABLED'
      }
    },
    ...fields
  }
}

const steadyOld = (fields: Partial<Deployment> = {}) =>
  deployment({
    id: OLD_ID,
    status: 'PRIMARY',
    taskDefinition: TD(41),
    runningCount: 2,
    createdAt: new Date(T0 - 86_400_000),
    rolloutState: 'COMPLETED',
    rolloutStateReason: `ECS deployment ${OLD_ID} completed.`,
    ...fields
  })
const ours = (fields: Partial<Deployment> = {}) =>
  deployment({
    id: NEW_ID,
    status: 'PRIMARY',
    taskDefinition: TD(42),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${NEW_ID} in progress.`,
    ...fields
  })

function service(deployments: Deployment[], fields: Partial<Service> = {}): Service {
  const primary = deployments.find((d) => d.status === 'PRIMARY')
  return {
    serviceArn: SERVICE_ARN,
    serviceName: 'api',
    clusterArn: CLUSTER_ARN,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: deployments.reduce((n, d) => n + (d.runningCount ?? 0), 0),
    pendingCount: deployments.reduce((n, d) => n + (d.pendingCount ?? 0), 0),
    launchType: 'FARGATE',
    taskDefinition: primary?.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100
    },
    deployments,
    events: [],
    createdAt: new Date('2026-01-05T09:00:00Z'),
    schedulingStrategy: 'REPLICA',
    ...fields
  }
}

const describedServices = (s: Service) => ({ services: [s], failures: [] })
const tags = (last?: string, previous?: string) => ({
  tags: [
    { key: 'team', value: 'shop' },
    ...(last ? [{ key: 'gantry:last-stable-task-definition', value: last }] : []),
    ...(previous ? [{ key: 'gantry:previous-stable-task-definition', value: previous }] : [])
  ]
})
const registered = (revision: number): Partial<RegisterTaskDefinitionCommandOutput> => ({
  // The file's JSON as the SDK would parse ECS's answer (its enums are plain strings there).
  taskDefinition: {
    ...DESCRIBED_41,
    taskDefinitionArn: TD(revision),
    revision,
    registeredAt: new Date(T0),
    deregisteredAt: undefined
  } as TaskDefinition,
  tags: []
})

// ---------------------------------------------------------------------------------------------
// The runner, the clock and the workspace.

function recordingRunner(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const r = {
    outputs: {} as Record<string, string>,
    infos: [] as string[],
    notices: [] as string[],
    warnings: [] as string[],
    debug: [] as string[],
    failed: [] as string[],
    summary: ''
  }
  for (const name of Object.keys(inputs)) {
    if (!(Object.values(INPUTS) as string[]).includes(name)) throw new Error(`no input '${name}'`)
  }
  const runner: Runner = {
    env: { GITHUB_ACTIONS: 'true', AWS_REGION: 'eu-west-1', ...env },
    isDebug: false,
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => void (r.outputs[name] = value),
    setSecret: () => {},
    debug: (m) => void r.debug.push(m),
    info: (m) => void r.infos.push(m),
    untrusted: (text, prefix = '') => void r.infos.push(prefix + text),
    notice: (m) => void r.notices.push(m),
    warning: (m) => void r.warnings.push(m),
    error: (m) => void r.failed.push(m),
    group: (_, body) => body(),
    appendSummary: (m) => void (r.summary += m),
    saveState: () => {},
    getState: () => '',
    setFailed: (m) => void r.failed.push(m)
  }
  return { runner, r }
}

function fakeClock() {
  const sleeps: number[] = []
  let now = T0
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    }
  }
  return { clock, sleeps }
}

function workspace(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-ecs-deploy-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const FILE = { 'task-definition.json': JSON.stringify(DESCRIBED_41, null, 2) }
const DEPLOY = {
  cluster: 'prod',
  service: 'api',
  'task-definition': 'task-definition.json',
  container: 'web',
  image: IMAGE('1.4.2')
}

async function deploy(inputs: Record<string, string>, files: Record<string, string> = FILE) {
  const { runner, r } = recordingRunner(inputs)
  const { clock, sleeps } = fakeClock()
  await run({ runner, clock, pollMs: 15_000, workspace: workspace(files) })
  return { r, sleeps }
}

/** The common start: the service steady on revision 41, 41 recorded as stable, 42 registered. */
function serviceOn41(record = tags()) {
  ecs.on(ListTagsForResourceCommand).resolves(record)
  ecs.on(RegisterTaskDefinitionCommand).resolves(registered(42))
  ecs
    .on(UpdateServiceCommand)
    .resolves({ service: service([ours(), steadyOld({ status: 'ACTIVE' })]) })
  ecs.on(TagResourceCommand).resolves({})
}

const names = (commands: { constructor: { name: string } }[]) =>
  commands.map((c) => c.constructor.name)
const sent = () => names(ecs.calls().map((c) => c.args[0] as never))

// ---------------------------------------------------------------------------------------------

describe('a deploy that completes', () => {
  test('render → register → update → poll until COMPLETED → record; outputs and summary', async () => {
    serviceOn41(tags(TD(41), TD(38)))
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolvesOnce(
        describedServices(service([ours({ pendingCount: 2 }), steadyOld({ status: 'ACTIVE' })]))
      )
      .resolvesOnce(
        describedServices(
          service([ours({ runningCount: 2 }), steadyOld({ status: 'ACTIVE', runningCount: 1 })])
        )
      )
      .resolves(
        describedServices(
          service([
            ours({
              runningCount: 2,
              rolloutState: 'COMPLETED',
              rolloutStateReason: `ECS deployment ${NEW_ID} completed.`
            })
          ])
        )
      )
    const { r, sleeps } = await deploy(DEPLOY)
    expect(r.failed).toEqual([])

    // Registered: the file's definition, read-only fields left out, the new image in `web` only.
    const sentDefinition = ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input
    for (const field of [
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
      'deregisteredAt'
    ]) {
      expect(sentDefinition).not.toHaveProperty(field)
    }
    expect(sentDefinition.family).toBe('shop-api')
    expect(sentDefinition.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
      ['web', IMAGE('1.4.2')],
      ['log-router', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable']
    ])
    expect(sentDefinition.requiresCompatibilities).toEqual(['FARGATE'])
    expect(sentDefinition.containerDefinitions?.[0]?.environment).toEqual([
      { name: 'PAYMENTS_API_KEY', value: PLAINTEXT_KEY }
    ])

    expect(ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({
      cluster: 'prod',
      service: 'api',
      taskDefinition: TD(42),
      forceNewDeployment: false
    })
    expect(sleeps).toEqual([15_000, 15_000])
    // 41 was steady and recorded stable: 42 is now the last stable one, 41 the one before.
    expect(ecs.commandCalls(TagResourceCommand)[0]!.args[0].input).toEqual({
      resourceArn: SERVICE_ARN,
      tags: [
        { key: 'gantry:last-stable-task-definition', value: TD(42) },
        { key: 'gantry:previous-stable-task-definition', value: TD(41) }
      ]
    })
    expect(sent()).toEqual([
      'DescribeServicesCommand',
      'ListTagsForResourceCommand',
      'RegisterTaskDefinitionCommand',
      'UpdateServiceCommand',
      'DescribeServicesCommand',
      'DescribeServicesCommand',
      'DescribeServicesCommand',
      'TagResourceCommand'
    ])

    expect(r.outputs).toEqual({
      'task-definition-arn': TD(42),
      'previous-task-definition-arn': TD(41),
      'deployment-id': NEW_ID,
      'rollout-state': 'COMPLETED',
      'rolled-back': 'false'
    })
    expect(r.summary).toContain('### ECS deploy: prod/api')
    expect(r.summary).toContain(
      '| Task definition | <code>shop-api:41</code> → <code>shop-api:42</code> |'
    )
    expect(r.summary).toContain(
      `| Image (<code>web</code>) | <code>${IMAGE('1.4.1')}</code> → <code>${IMAGE('1.4.2')}</code> |`
    )
    expect(r.summary).toContain('| Rollout | COMPLETED |')
    expect(r.summary).toContain('| Duration | 30s |')
    expect(r.summary).toContain(
      '| Stable revision record | last stable: <code>shop-api:42</code>; before it: <code>shop-api:41</code> |'
    )
    expect(r.infos).toContain(
      'task-definition.json: left out compatibilities, taskDefinitionArn, requiresAttributes, revision, status, registeredAt, deregisteredAt, registeredBy (read-only fields DescribeTaskDefinition returns; RegisterTaskDefinition does not take them)'
    )
    expect(r.infos).toContain(
      `Updated the service: deployment ${NEW_ID} of shop-api:42. Watch it: https://console.aws.amazon.com/ecs/v2/clusters/prod/services/api/deployments?region=eu-west-1`
    )
    expect(r.infos).toContain(
      'Rollout in progress: 0/2 tasks running, 2 pending; 1 older deployment still draining'
    )
    expect(r.infos).toContain(
      `Registered shop-api:42 from the file task-definition.json (web: ${IMAGE('1.4.1')} → ${IMAGE('1.4.2')})`
    )
    expect(r.summary).toContain('| Source | the file task-definition.json |')
    expect(r.infos.at(-1)).toBe('Rollout of shop-api:42 COMPLETED in 30s')
    expect(r.warnings).toEqual([])
    expect(r.notices).toEqual([])
  })

  test("no file: the service's current task definition, with the new image and its tags", async () => {
    serviceOn41()
    ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        ...DESCRIBED_41,
        registeredAt: new Date(T0 - 1e9),
        deregisteredAt: undefined
      } as never,
      tags: [{ key: 'team', value: 'shop' }]
    })
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolves(describedServices(service([ours({ runningCount: 2, rolloutState: 'COMPLETED' })])))
    const { r } = await deploy(
      { service: 'api', cluster: 'prod', image: IMAGE('1.4.2'), container: 'web' },
      {}
    )
    expect(r.failed).toEqual([])
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)[0]!.args[0].input).toEqual({
      taskDefinition: TD(41),
      include: ['TAGS']
    })
    const input = ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input
    expect(input).not.toHaveProperty('revision')
    expect(input).not.toHaveProperty('registeredAt')
    expect(input.tags).toEqual([{ key: 'team', value: 'shop' }])
    expect(input.containerDefinitions?.[0]?.image).toBe(IMAGE('1.4.2'))
    expect(r.summary).toContain('| Source | shop-api:41 with the new image |')
  })

  test('a service without rollout states (Classic Load Balancer): steady by its task counts', async () => {
    const noState = { rolloutState: undefined, rolloutStateReason: undefined }
    serviceOn41()
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld(noState)])))
      .resolvesOnce(
        describedServices(
          service([
            ours({ ...noState, runningCount: 2 }),
            steadyOld({ ...noState, status: 'ACTIVE' })
          ])
        )
      )
      .resolves(describedServices(service([ours({ ...noState, runningCount: 2 })])))
    const { r, sleeps } = await deploy(DEPLOY)
    expect(r.failed).toEqual([])
    expect(r.outputs['rollout-state']).toBe('COMPLETED')
    expect(sleeps).toEqual([15_000])
  })

  test('wait-for-service-stability: false → IN_PROGRESS, no polling, nothing recorded', async () => {
    serviceOn41()
    ecs.on(DescribeServicesCommand).resolves(describedServices(service([steadyOld()])))
    const { r, sleeps } = await deploy({ ...DEPLOY, 'wait-for-service-stability': 'false' })
    expect(r.failed).toEqual([])
    expect(r.outputs['rollout-state']).toBe('IN_PROGRESS')
    expect(sleeps).toEqual([])
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(1)
    expect(ecs.commandCalls(TagResourceCommand)).toHaveLength(0)
    expect(r.summary).toContain('IN_PROGRESS (not waited for: wait-for-service-stability is false)')
    expect(r.summary).toContain(
      '| Stable revision record | unchanged (the rollout was not waited for) |'
    )
  })

  test('throttling on the way is retried (fake clock) and the deploy completes', async () => {
    const throttled = () =>
      new ECSServiceException({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 }
      })
    ecs.on(ListTagsForResourceCommand).resolves(tags())
    ecs.on(RegisterTaskDefinitionCommand).rejectsOnce(throttled()).resolves(registered(42))
    ecs
      .on(UpdateServiceCommand)
      .resolves({ service: service([ours(), steadyOld({ status: 'ACTIVE' })]) })
    ecs.on(TagResourceCommand).resolves({})
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves(describedServices(service([ours({ runningCount: 2, rolloutState: 'COMPLETED' })])))
    const { r, sleeps } = await deploy(DEPLOY)
    expect(r.failed).toEqual([])
    expect(r.outputs['rollout-state']).toBe('COMPLETED')
    expect(sleeps).toEqual([1000, 1000, 2000])
    expect(r.infos).toContain(
      'ECS RegisterTaskDefinition: ThrottlingException: Rate exceeded; attempt 2 of 5 in 1000 ms'
    )
    expect(r.infos).toContain(
      'ECS DescribeServices: ThrottlingException: Rate exceeded; attempt 3 of 5 in 2000 ms'
    )
  })

  test('the record cannot be written (old ARN format): a warning; the deploy still succeeds', async () => {
    serviceOn41()
    ecs.on(TagResourceCommand).rejects(
      new InvalidParameterException({
        message: 'Long arn format must be used for tagging operations',
        $metadata: { httpStatusCode: 400 }
      })
    )
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolves(describedServices(service([ours({ runningCount: 2, rolloutState: 'COMPLETED' })])))
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([])
    expect(r.warnings).toEqual([
      'The rollout completed, but the stable revision could not be recorded on the service (ECS TagResource failed (InvalidParameterException: Long arn format must be used for tagging operations).); `rollback-to: previous` will not know about it.'
    ])
    expect(r.summary).toContain('| Stable revision record | not recorded: ECS TagResource failed')
  })
})

describe('a rollout that fails', () => {
  const pullFailure = (id: string, minute: number): Task => ({
    taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/${id}`,
    clusterArn: CLUSTER_ARN,
    taskDefinitionArn: TD(42),
    group: 'service:api',
    startedBy: NEW_ID,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    launchType: 'FARGATE',
    stopCode: 'TaskFailedToStart',
    stoppedReason: `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${IMAGE('1.4.2')}: not found`,
    stoppedAt: new Date(T0 + minute * 60_000),
    containers: [
      { name: 'web', lastStatus: 'STOPPED', image: IMAGE('1.4.2') },
      { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 }
    ]
  })
  const oldTask: Task = {
    taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/0ld0ld0ld`,
    taskDefinitionArn: TD(41),
    lastStatus: 'STOPPED',
    stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)',
    stoppedAt: new Date(T0 - 3600_000)
  }

  test('the circuit breaker rolled it back: a FAILURE, with the stopped tasks and the events', async () => {
    serviceOn41(tags(TD(41)))
    ecs.on(ListTasksCommand).resolves({
      taskArns: ['t1', 't2', 't3', 'old'].map(
        (id) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/${id}`
      )
    })
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [pullFailure('t1', 1), pullFailure('t2', 3), pullFailure('t3', 5), oldTask],
      failures: []
    })
    const rollingBack = service(
      [
        deployment({
          id: ROLLBACK_ID,
          status: 'PRIMARY',
          taskDefinition: TD(41),
          runningCount: 2,
          createdAt: new Date(T0 + 6 * 60_000),
          rolloutState: 'IN_PROGRESS',
          rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD_ID}.`
        }),
        ours({
          status: 'ACTIVE',
          failedTasks: 3,
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
        })
      ],
      {
        events: [
          {
            id: 'e3',
            createdAt: new Date(T0 + 6 * 60_000),
            message: `(service api) rolling back to deployment ${OLD_ID}.`
          },
          {
            id: 'e2',
            createdAt: new Date(T0 + 6 * 60_000),
            message: `(service api) (deployment ${NEW_ID}) deployment failed: tasks failed to start.`
          },
          {
            id: 'e1',
            createdAt: new Date(T0 + 60_000),
            message: '(service api) has started 2 tasks: (task t1) (task t2).'
          },
          {
            id: 'e0',
            createdAt: new Date(T0 - 86_400_000),
            message: '(service api) has reached a steady state.'
          }
        ]
      }
    )
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolvesOnce(
        describedServices(
          service([ours({ pendingCount: 2, failedTasks: 1 }), steadyOld({ status: 'ACTIVE' })])
        )
      )
      // What the peer action reports as success: the service is stable again — on revision 41.
      .resolves(describedServices(rollingBack))
    const { r } = await deploy(DEPLOY)

    const reason = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${IMAGE('1.4.2')}: not found; log-router: exit 0`
    expect(r.failed).toEqual([
      [
        'The rollout of shop-api:42 to prod/api FAILED and ECS rolled the service back to shop-api:41: ECS deployment circuit breaker: tasks failed to start.',
        'Stopped tasks of shop-api:42:',
        `  3× ${reason} (task t3)`,
        'Service events:',
        '  2026-11-22T15:01:00.000Z (service api) has started 2 tasks: (task t1) (task t2).',
        `  2026-11-22T15:06:00.000Z (service api) (deployment ${NEW_ID}) deployment failed: tasks failed to start.`,
        `  2026-11-22T15:06:00.000Z (service api) rolling back to deployment ${OLD_ID}.`
      ].join('\n')
    ])
    expect(r.outputs).toEqual({
      'task-definition-arn': TD(42),
      'previous-task-definition-arn': TD(41),
      'deployment-id': NEW_ID,
      'rollout-state': 'FAILED',
      'rolled-back': 'true'
    })
    expect(ecs.commandCalls(TagResourceCommand)).toHaveLength(0)
    expect(ecs.commandCalls(ListTasksCommand)[0]!.args[0].input).toMatchObject({
      cluster: 'prod',
      serviceName: 'api',
      desiredStatus: 'STOPPED'
    })
    expect(r.summary).toContain(
      '| Rollout | FAILED — rolled back by ECS to shop-api:41: ECS deployment circuit breaker: tasks failed to start. |'
    )
    expect(r.summary).toContain(
      '| Stable revision record | unchanged (only completed rollouts are recorded) |'
    )
    expect(r.summary).toContain('**Stopped tasks of <code>shop-api:42</code>**')
    expect(r.summary).toContain(`| 3 | ${reason} | <code>t3</code> |`)
  })

  test('the circuit breaker without rollback: FAILED, not rolled back', async () => {
    serviceOn41()
    ecs.on(ListTasksCommand).resolves({ taskArns: [] })
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolves(
        describedServices(
          service(
            [
              ours({
                failedTasks: 10,
                rolloutState: 'FAILED',
                rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
              }),
              steadyOld({ status: 'ACTIVE' })
            ],
            {
              deploymentConfiguration: {
                deploymentCircuitBreaker: { enable: true, rollback: false }
              }
            }
          )
        )
      )
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      'The rollout of shop-api:42 to prod/api FAILED: ECS deployment circuit breaker: tasks failed to start.'
    ])
    expect(r.outputs['rolled-back']).toBe('false')
  })

  test('timeout: a failure naming the state seen; the circuit breaker being off is said', async () => {
    serviceOn41()
    const off = {
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } }
    }
    ecs.on(ListTasksCommand).resolves({
      taskArns: ['t1'].map((id) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/${id}`)
    })
    ecs.on(DescribeTasksCommand).resolves({ tasks: [pullFailure('t1', 1)], failures: [] })
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()], off)))
      .resolves(
        describedServices(
          service([ours({ pendingCount: 2, failedTasks: 4 }), steadyOld({ status: 'ACTIVE' })], off)
        )
      )
    const { r, sleeps } = await deploy({ ...DEPLOY, 'wait-for-minutes': '2' })
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(120_000)
    expect(r.notices).toEqual([
      'The deployment circuit breaker is off for prod/api: a rollout whose tasks keep failing never fails by itself, so this step waits up to 2 minutes (wait-for-minutes). Turn it on (deploymentConfiguration.deploymentCircuitBreaker: enable, rollback) to fail fast and roll back.'
    ])
    expect(r.failed[0]?.split('\n').slice(0, 3)).toEqual([
      'The rollout of shop-api:42 to prod/api did not complete within 2 minutes (wait-for-minutes): still IN_PROGRESS, 0/2 tasks running, 2 pending, 4 failed; 1 older deployment still draining. The circuit breaker is off, so ECS keeps trying on its own.',
      'Stopped tasks of shop-api:42:',
      `  1× CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${IMAGE('1.4.2')}: not found; log-router: exit 0 (task t1)`
    ])
    expect(r.outputs['rollout-state']).toBe('IN_PROGRESS')
    expect(r.summary).toContain(
      '| Rollout | IN_PROGRESS after 2 minutes (timed out): 0/2 tasks running, 2 pending, 4 failed; 1 older deployment still draining |'
    )
  })

  test('stopped tasks cannot be listed: the failure is still reported, saying so', async () => {
    serviceOn41()
    ecs.on(ListTasksCommand).rejects(
      new ECSServiceException({
        name: 'AccessDeniedException',
        message: 'not authorized to perform: ecs:ListTasks',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 }
      })
    )
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolves(
        describedServices(
          service([
            ours({
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
            })
          ])
        )
      )
    const { r } = await deploy(DEPLOY)
    expect(r.failed[0]).toBe(
      'The rollout of shop-api:42 to prod/api FAILED: ECS deployment circuit breaker: tasks failed to start.\n(The stopped tasks could not be listed: AWS denied ListTasks (AccessDeniedException: not authorized to perform: ecs:ListTasks). The role or user needs the ecs:ListTasks permission.)'
    )
  })
})

describe('losing track of a rollout', () => {
  test('DescribeServices keeps failing after the update: says the service was updated', async () => {
    serviceOn41()
    const unavailable = () =>
      new ECSServiceException({
        name: 'ServerException',
        message: 'Service Unavailable',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 }
      })
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .rejects(unavailable())
    const { r, sleeps } = await deploy(DEPLOY)
    expect(sleeps).toEqual([1000, 2000, 4000, 8000])
    expect(r.failed).toEqual([
      `The service was updated (deployment ${NEW_ID} of shop-api:42), but its rollout could not be followed: ECS DescribeServices still failed after 5 attempts (ServerException: Service Unavailable). See https://console.aws.amazon.com/ecs/v2/clusters/prod/services/api/deployments?region=eu-west-1`
    ])
  })
})

describe('rollback-to: previous', () => {
  test('redeploys the recorded stable revision (not revision − 1), registers nothing', async () => {
    // 43 failed and stays PRIMARY (no circuit breaker rollback); 42 was the last stable one.
    ecs.on(ListTagsForResourceCommand).resolves(tags(TD(42), TD(39)))
    ecs.on(UpdateServiceCommand).resolves({
      service: service([
        ours({ id: ROLLBACK_ID, taskDefinition: TD(42) }),
        ours({ status: 'ACTIVE', taskDefinition: TD(43) })
      ])
    })
    ecs.on(TagResourceCommand).resolves({})
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(
        describedServices(
          service([ours({ taskDefinition: TD(43), failedTasks: 5, rolloutState: 'FAILED' })])
        )
      )
      .resolves(
        describedServices(
          service([
            ours({
              id: ROLLBACK_ID,
              taskDefinition: TD(42),
              runningCount: 2,
              rolloutState: 'COMPLETED'
            })
          ])
        )
      )
    const { r } = await deploy({ cluster: 'prod', service: 'api', 'rollback-to': 'previous' }, {})
    expect(r.failed).toEqual([])
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0)
    expect(ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input.taskDefinition).toBe(TD(42))
    expect(r.infos).toContain(
      'Rolling back to shop-api:42: the last revision that was stable (the service does not run it now)'
    )
    expect(r.outputs).toMatchObject({
      'task-definition-arn': TD(42),
      'previous-task-definition-arn': TD(43),
      'rollout-state': 'COMPLETED'
    })
    // 42 was already the last stable one: the record is unchanged.
    expect(ecs.commandCalls(TagResourceCommand)[0]!.args[0].input.tags).toEqual([
      { key: 'gantry:last-stable-task-definition', value: TD(42) },
      { key: 'gantry:previous-stable-task-definition', value: TD(39) }
    ])
  })

  test('on the last stable revision: the stable one before it; what came before that is unknown', async () => {
    ecs.on(ListTagsForResourceCommand).resolves(tags(TD(42), TD(39)))
    ecs.on(UpdateServiceCommand).resolves({
      service: service([
        ours({ id: ROLLBACK_ID, taskDefinition: TD(39) }),
        steadyOld({ status: 'ACTIVE', taskDefinition: TD(42) })
      ])
    })
    ecs.on(TagResourceCommand).resolves({})
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld({ taskDefinition: TD(42) })])))
      .resolves(
        describedServices(
          service([
            ours({
              id: ROLLBACK_ID,
              taskDefinition: TD(39),
              runningCount: 2,
              rolloutState: 'COMPLETED'
            })
          ])
        )
      )
    const { r } = await deploy({ cluster: 'prod', service: 'api', 'rollback-to': 'previous' }, {})
    expect(r.failed).toEqual([])
    expect(ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input.taskDefinition).toBe(TD(39))
    expect(ecs.commandCalls(TagResourceCommand)[0]!.args[0].input.tags).toEqual([
      { key: 'gantry:last-stable-task-definition', value: TD(39) },
      { key: 'gantry:previous-stable-task-definition', value: '' }
    ])
    expect(r.summary).toContain(
      '| Source | rollback to the stable revision before the one the service runs now |'
    )
  })

  test('nothing recorded: a clear error before anything changes', async () => {
    ecs.on(ListTagsForResourceCommand).resolves(tags())
    ecs.on(DescribeServicesCommand).resolves(describedServices(service([steadyOld()])))
    const { r } = await deploy({ cluster: 'prod', service: 'api', 'rollback-to': 'previous' }, {})
    expect(r.failed).toEqual([
      'Input \'rollback-to\' is "previous": expected a recorded stable revision, but no stable revision is recorded on the service (tag `gantry:last-stable-task-definition` is absent): it is set after each rollout that completes.'
    ])
    expect(sent()).toEqual(['DescribeServicesCommand', 'ListTagsForResourceCommand'])
  })
})

describe('errors that stop a deploy before it changes anything', () => {
  test('a missing service: DescribeServices failures[] MISSING; nothing registered', async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolves({ services: [], failures: [{ arn: SERVICE_ARN, reason: 'MISSING' }] })
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      `Input 'service' is "api": expected an existing service in cluster \`prod\` (eu-west-1) (DescribeServices: MISSING ${SERVICE_ARN}).`
    ])
    expect(sent()).toEqual(['DescribeServicesCommand'])
    expect(r.outputs).toEqual({})
  })

  test('a missing cluster: ClusterNotFoundException', async () => {
    ecs.on(DescribeServicesCommand).rejects(
      new ClusterNotFoundException({
        message: 'Cluster not found.',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      'Input \'cluster\' is "prod": expected an existing ECS cluster in eu-west-1 (DescribeServices: ClusterNotFoundException: Cluster not found.).'
    ])
  })

  test('an INACTIVE (deleted) service', async () => {
    ecs.on(DescribeServicesCommand).resolves(describedServices(service([], { status: 'INACTIVE' })))
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      'Input \'service\' is "api": expected an ACTIVE service in cluster `prod`; it is INACTIVE.'
    ])
  })

  test('a CodeDeploy (blue/green) service', async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolves(
        describedServices(
          service([], { deploymentController: { type: 'CODE_DEPLOY' }, taskSets: [] })
        )
      )
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      'Input \'service\' is "api": expected a service with rolling (`ECS`) deployments; it uses the CODE_DEPLOY deployment controller (for CodeDeploy blue/green, use aws-actions/amazon-ecs-deploy-task-definition with its codedeploy-* inputs).'
    ])
    expect(sent()).toEqual(['DescribeServicesCommand'])
  })

  test('RegisterTaskDefinition refused: what ECS said; the definition in the debug log', async () => {
    ecs.on(DescribeServicesCommand).resolves(describedServices(service([steadyOld()])))
    ecs.on(ListTagsForResourceCommand).resolves(tags())
    ecs.on(RegisterTaskDefinitionCommand).rejects(
      new ECSServiceException({
        name: 'ClientException',
        message:
          'Fargate requires task definition to have execution role ARN to support ECR images.',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const { r } = await deploy(DEPLOY)
    expect(r.failed).toEqual([
      'ECS RegisterTaskDefinition failed (ClientException: Fargate requires task definition to have execution role ARN to support ECR images.).'
    ])
    expect(r.debug[0]).toMatch(
      /^The task definition sent \(environment values not shown\):\n\{\n {2}"containerDefinitions"/
    )
    expect(r.debug[0]).not.toContain(PLAINTEXT_KEY)
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0)
  })

  test.each([
    [
      { ...DEPLOY, service: '' },
      'Input \'service\' is "": expected the name (or ARN) of the ECS service to deploy to.'
    ],
    [
      { ...DEPLOY, container: 'api' },
      'Input \'container\' is "api": expected a container of the task definition: `web`, `log-router` (in task-definition.json).'
    ],
    [
      { ...DEPLOY, image: 'shop:' },
      /^Input 'image' is "shop:": expected a tag of 1 to 128 letters/
    ],
    [
      { ...DEPLOY, 'wait-for-minutes': '0' },
      'Input \'wait-for-minutes\' is "0": expected a whole number from 1 to 360.'
    ],
    [
      { ...DEPLOY, 'rollback-to': 'previous' },
      'Input \'rollback-to\' is "previous": expected no `task-definition` with it: a rollback redeploys the recorded stable revision as it is (or leave `rollback-to` empty to deploy).'
    ],
    [
      { ...DEPLOY, 'rollback-to': '41' },
      'Input \'rollback-to\' is "41": expected `previous` (the last stable revision, as recorded on the service), or empty to deploy.'
    ],
    [
      { ...DEPLOY, 'task-definition': 'missing.json' },
      /^Input 'task-definition' is "missing.json": expected a task definition file \(JSON, .*\); \/.*\/missing.json does not exist\.$/
    ],
    [
      { ...DEPLOY, region: 'Europe (Ireland)' },
      'Input \'region\' is "Europe (Ireland)": expected an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).'
    ],
    [
      { ...DEPLOY, cluster: 'prod cluster' },
      'Input \'cluster\' is "prod cluster": expected an ECS cluster name (letters, digits, `-` and `_`, up to 255) or its ARN.'
    ]
  ])('%j: %s — and no AWS call', async (inputs, message) => {
    const { r } = await deploy(inputs)
    expect(r.failed).toHaveLength(1)
    if (typeof message === 'string') expect(r.failed[0]).toBe(message)
    else expect(r.failed[0]).toMatch(message)
    expect(ecs.calls()).toHaveLength(0)
  })

  test('a task definition file that is not JSON: what JSON.parse said, on one line', async () => {
    const { r } = await deploy(DEPLOY, {
      'task-definition.json': '{\n  "family": "shop-api",\n  "containerDefinitions": [,]\n}'
    })
    // Node 20 says `Unexpected token ','…` (sometimes with a position, turned into a line), Node 22+ adds `(line 3 column 27)`.
    expect(r.failed[0]).toMatch(
      /^Input 'task-definition' is "task-definition.json": expected valid JSON \(.*Unexpected token.*\)\.$/
    )
    expect(r.failed[0]).not.toContain('\n')
    expect(ecs.calls()).toHaveLength(0)
  })

  test('a YAML task definition works as the peer action allows; an unknown field is warned about', async () => {
    serviceOn41()
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(describedServices(service([steadyOld()])))
      .resolves(describedServices(service([ours({ runningCount: 2, rolloutState: 'COMPLETED' })])))
    const yaml =
      'family: shop-api\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    memoryReservaton: 256\n'
    const { r } = await deploy(
      { ...DEPLOY, 'task-definition': 'task-definition.yml' },
      { 'task-definition.yml': yaml }
    )
    expect(r.failed).toEqual([])
    expect(r.warnings).toEqual([
      'task-definition.yml: `containerDefinitions[0].memoryReservaton` is not a RegisterTaskDefinition field and is ignored (a typo?)'
    ])
  })
})

describe('dry run', () => {
  test.each(['us-gov-west-1', 'cn-north-1', 'eusc-de-east-1'])(
    'region %s is accepted',
    async (region) => {
      const { r } = await deploy({ ...DEPLOY, region, 'dry-run': 'true' })
      expect(r.failed).toEqual([])
    }
  )

  test('renders and prints the definition; no AWS call; a summary that says so', async () => {
    const { r } = await deploy({ ...DEPLOY, 'dry-run': 'true' })
    expect(r.failed).toEqual([])
    expect(ecs.calls()).toHaveLength(0)
    expect(r.infos[0]).toMatch(
      /^Dry run: nothing is sent to AWS\. Service prod\/api in eu-west-1\.\nWould register family shop-api \(web=.*shop:1\.4\.2, log-router=/
    )
    expect(r.infos[0]).not.toContain('taskDefinitionArn')
    const printed = JSON.parse(r.infos[0]!.slice(r.infos[0]!.indexOf('{')))
    expect(printed.containerDefinitions[0].environment).toEqual([
      { name: 'PAYMENTS_API_KEY', value: '[REDACTED]' }
    ])
    expect(r.infos.join('\n')).not.toContain(PLAINTEXT_KEY)
    expect(r.summary).toContain('### ECS deploy (dry run): prod/api')
    expect(r.outputs).toEqual({})
  })
})
