import { describe, expect, test } from '@jest/globals'
import {
  READ_ONLY_FIELDS,
  containerImages,
  prepareTaskDefinition,
  redactEnvironment,
  renderImage,
  type TaskDefinitionInput
} from '../../../src/core/ecs/task-definition.js'

/** `aws ecs describe-task-definition --query taskDefinition` of a Fargate service, as printed. */
const described = {
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:41',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.1',
      cpu: 0,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
      essential: true,
      environment: [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'FEATURE_FLAGS', value: '' }
      ],
      mountPoints: [],
      volumesFrom: [],
      secrets: [
        {
          name: 'DATABASE_URL',
          valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf'
        }
      ],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/shop-api',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'ecs'
        }
      },
      systemControls: []
    },
    {
      name: 'log-router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      cpu: 0,
      essential: true,
      firelensConfiguration: { type: 'fluentbit' },
      user: '0'
    }
  ],
  family: 'shop-api',
  taskRoleArn: 'arn:aws:iam::123456789012:role/shop-api-task',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  revision: 41,
  volumes: [],
  status: 'ACTIVE',
  requiresAttributes: [
    { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
    { name: 'ecs.capability.execution-role-awslogs' },
    { name: 'com.amazonaws.ecs.capability.ecr-auth' },
    { name: 'ecs.capability.secrets.asm.environment-variables' },
    { name: 'ecs.capability.task-eni' },
    { name: 'ecs.capability.firelens.fluentbit' }
  ],
  placementConstraints: [],
  compatibilities: ['EC2', 'FARGATE'],
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  registeredAt: '2026-11-20T10:15:30.123000+00:00',
  registeredBy: 'arn:aws:sts::123456789012:assumed-role/github-deploy/GitHubActions',
  deregisteredAt: '2026-11-21T08:00:00.000000+00:00'
}

describe('prepareTaskDefinition', () => {
  test('the read-only fields of describe-task-definition are left out, and only those', () => {
    const prepared = prepareTaskDefinition(described)
    if ('error' in prepared) throw new Error(prepared.error)
    expect(prepared.stripped.sort()).toEqual(
      [
        'compatibilities',
        'deregisteredAt',
        'registeredAt',
        'registeredBy',
        'requiresAttributes',
        'revision',
        'status',
        'taskDefinitionArn'
      ].sort()
    )
    for (const field of READ_ONLY_FIELDS) expect(prepared.definition).not.toHaveProperty(field)
    expect(Object.keys(prepared.definition).sort()).toEqual(
      [
        'containerDefinitions',
        'cpu',
        'executionRoleArn',
        'family',
        'memory',
        'networkMode',
        'requiresCompatibilities',
        'taskRoleArn'
      ].sort()
    )
    expect(prepared.unknown).toEqual([])
    expect(prepared.unwrapped).toBe(false)
  })

  test('empty lists are dropped, but an environment variable keeps its empty value; 0 stays', () => {
    const prepared = prepareTaskDefinition(described)
    if ('error' in prepared) throw new Error(prepared.error)
    const web = prepared.definition.containerDefinitions[0]!
    expect(web).not.toHaveProperty('mountPoints')
    expect(web).not.toHaveProperty('systemControls')
    expect(web.environment).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'FEATURE_FLAGS', value: '' }
    ])
    expect(web.cpu).toBe(0)
    expect(web.essential).toBe(true)
  })

  test('the input is not changed', () => {
    const copy = structuredClone(described)
    prepareTaskDefinition(copy)
    expect(copy).toEqual(described)
  })

  test("describe-task-definition's whole answer: its taskDefinition and its tags", () => {
    const tags = [{ key: 'team', value: 'shop' }]
    const prepared = prepareTaskDefinition({ taskDefinition: described, tags })
    if ('error' in prepared) throw new Error(prepared.error)
    expect(prepared.unwrapped).toBe(true)
    expect(prepared.definition.family).toBe('shop-api')
    expect(prepared.definition.tags).toEqual(tags)
    expect(prepared.definition).not.toHaveProperty('taskDefinitionArn')
  })

  test('a --generate-cli-skeleton file: empty strings and nulls dropped', () => {
    const prepared = prepareTaskDefinition({
      family: 'shop-api',
      taskRoleArn: '',
      networkMode: null,
      ipcMode: '',
      proxyConfiguration: { type: '', containerName: '', properties: [{ name: '', value: '' }] },
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', environment: [{ name: 'EMPTY' }], dnsServers: [''] }
      ],
      volumes: [{ name: '', host: { sourcePath: '' } }]
    })
    if ('error' in prepared) throw new Error(prepared.error)
    expect(prepared.definition).toEqual({
      family: 'shop-api',
      proxyConfiguration: { properties: [{ value: '' }] },
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', environment: [{ name: 'EMPTY', value: '' }] }
      ]
    })
  })

  test('fields RegisterTaskDefinition does not know are reported (the SDK drops them silently)', () => {
    const prepared = prepareTaskDefinition({
      family: 'shop-api',
      containerDefinition: [],
      memmory: '512',
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', portMapping: [{ containerPort: 80 }] }
      ]
    })
    if ('error' in prepared) throw new Error(prepared.error)
    expect(prepared.unknown).toEqual(['memmory', 'containerDefinitions[0].portMapping'])
  })

  test.each([
    ['a list', [described], 'a JSON object with `family` and `containerDefinitions`'],
    ['a string', 'shop-api', 'a JSON object with `family` and `containerDefinitions`'],
    [
      'no family',
      { containerDefinitions: [{ name: 'web' }] },
      'a task definition with a `family` (its name), e.g. `"family": "shop-api"`'
    ],
    [
      'no containers',
      { family: 'shop-api', containerDefinitions: [] },
      'a task definition with `containerDefinitions`, a list of containers'
    ],
    [
      'containers not a list',
      { family: 'shop-api', containerDefinitions: { name: 'web' } },
      'a task definition with `containerDefinitions`, a list of containers'
    ],
    [
      'a container without a name',
      { family: 'shop-api', containerDefinitions: [{ name: 'web' }, { image: 'x' }] },
      'a `name` for every container (containerDefinitions[1] has none)'
    ]
  ])('%s: says what was expected', (_, value, error) => {
    expect(prepareTaskDefinition(value)).toEqual({ error })
  })
})

describe('renderImage', () => {
  const prepared = prepareTaskDefinition(described) as { definition: TaskDefinitionInput }
  const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2'

  test("the named container's image, and nothing else, is replaced", () => {
    const rendered = renderImage(prepared.definition, 'web', image)
    if ('error' in rendered) throw new Error(rendered.error)
    expect(rendered.container).toBe('web')
    expect(rendered.previousImage).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.1')
    expect(containerImages(rendered.definition)).toEqual({
      web: image,
      'log-router': 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'
    })
    expect({ ...rendered.definition.containerDefinitions[0], image: 'x' }).toEqual({
      ...prepared.definition.containerDefinitions[0],
      image: 'x'
    })
    // The prepared definition is untouched (a retry or the summary still sees the old image).
    expect(prepared.definition.containerDefinitions[0]!.image).toContain(':1.4.1')
  })

  test('a container that is not there: the containers it has', () => {
    expect(renderImage(prepared.definition, 'api', image)).toEqual({
      error: 'a container of the task definition: `web`, `log-router`',
      containers: ['web', 'log-router']
    })
  })

  test('no container named: the only one, or a list to choose from', () => {
    const single = { ...prepared.definition, containerDefinitions: [{ name: 'app', image: 'a:1' }] }
    expect(renderImage(single, undefined, image)).toEqual({
      definition: { ...single, containerDefinitions: [{ name: 'app', image }] },
      container: 'app',
      previousImage: 'a:1'
    })
    expect(renderImage(prepared.definition, undefined, image)).toEqual({
      error: 'the name of the container to update: `web`, `log-router`',
      containers: ['web', 'log-router']
    })
  })
})

describe('redactEnvironment', () => {
  test('environment values replaced for logs; names, secrets (ARNs) and the input untouched', () => {
    const prepared = prepareTaskDefinition(described) as { definition: TaskDefinitionInput }
    const redacted = redactEnvironment(prepared.definition)
    expect(redacted.containerDefinitions[0]!.environment).toEqual([
      { name: 'LOG_LEVEL', value: '[REDACTED]' },
      { name: 'FEATURE_FLAGS', value: '[REDACTED]' }
    ])
    expect(redacted.containerDefinitions[0]!.secrets).toEqual(
      prepared.definition.containerDefinitions[0]!.secrets
    )
    expect(redacted.containerDefinitions[1]).toBe(prepared.definition.containerDefinitions[1])
    expect(prepared.definition.containerDefinitions[0]!.environment).toContainEqual({
      name: 'LOG_LEVEL',
      value: 'info'
    })
  })
})
