// The ecs-deploy bundle end to end, under Node 20 and 24, on the paths that need no AWS: input
// and task-definition validation (which happen before any AWS call) and the dry run. AWS is
// unreachable from here and the SDK cannot be mocked inside a child process; the deploy paths run
// in process against a mocked SDK in test/unit/ecs-deploy.test.ts. AWS_ENDPOINT_URL_ECS points at
// a closed loopback port, so a call that should not happen fails differently than expected.
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction } from '../harness/run-action.js'

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2'
const DEFINITION = {
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:41',
  family: 'shop-api',
  revision: 41,
  status: 'ACTIVE',
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
  requiresCompatibilities: ['FARGATE'],
  registeredAt: '2026-11-20T10:15:30.123000+00:00',
  registeredBy: 'arn:aws:sts::123456789012:assumed-role/github-deploy/GitHubActions',
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.1',
      essential: true
    },
    {
      name: 'log-router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      essential: true
    }
  ]
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-e2e-ecs-'))
  writeFileSync(join(dir, 'task-definition.json'), JSON.stringify(DEFINITION, null, 2))
  return dir
}

const AWS_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_ENDPOINT_URL_ECS: 'http://127.0.0.1:9',
  AWS_EC2_METADATA_DISABLED: 'true'
}

describe.each(NODES)('ecs-deploy on $name', ({ path: node }) => {
  const run = (inputs: Record<string, string>, env: Record<string, string> = AWS_ENV) => {
    const cwd = workspace()
    return runAction('ecs-deploy', { inputs, env, cwd, node })
  }

  test.each([
    [
      'a task definition without the named container: the containers it has',
      { service: 'api', 'task-definition': 'task-definition.json', container: 'api', image: IMAGE },
      'Input \'container\' is "api": expected a container of the task definition: `web`, `log-router` (in task-definition.json).'
    ],
    [
      'no service',
      { 'task-definition': 'task-definition.json', container: 'web', image: IMAGE },
      'Input \'service\' is "": expected the name (or ARN) of the ECS service to deploy to.'
    ],
    [
      'rollback-to with an image',
      { service: 'api', 'rollback-to': 'previous', image: IMAGE },
      'Input \'rollback-to\' is "previous": expected no `image` with it: a rollback redeploys the recorded stable revision as it is (or leave `rollback-to` empty to deploy).'
    ],
    [
      'wait-for-minutes out of range',
      { service: 'api', 'task-definition': 'task-definition.json', 'wait-for-minutes': '720' },
      'Input \'wait-for-minutes\' is "720": expected a whole number from 1 to 360.'
    ],
    [
      'a boolean that is not one',
      { service: 'api', 'task-definition': 'task-definition.json', 'force-new-deployment': 'yes' },
      'Input \'force-new-deployment\' is "yes": expected `true` or `false`.'
    ]
  ])(
    '%s: one error annotation naming input, value and expectation; nothing else',
    async (_, inputs, message) => {
      const result = await run(inputs)
      expect(result.exitCode).toBe(1)
      expect(result.annotations).toEqual([{ level: 'error', message, properties: {} }])
      expect(result.outputs).toEqual({})
      expect(result.summary).toBe('')
      // Under Node 20 the AWS SDK warns on stderr once loaded: nothing there, it was never loaded.
      expect(result.stderr).toBe('')
    }
  )

  test('no region anywhere: says where it is read from', async () => {
    const { AWS_REGION: _, ...env } = AWS_ENV
    const result = await run({ service: 'api', 'task-definition': 'task-definition.json' }, env)
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      'Input \'region\' is "": expected an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).'
    ])
  })

  test('dry run: the rendered definition, read-only fields left out; a summary; no AWS call', async () => {
    const result = await run({
      service: 'api',
      cluster: 'prod',
      'task-definition': 'task-definition.json',
      container: 'web',
      image: IMAGE,
      'dry-run': 'true'
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([])
    const printed = result.stdout.slice(result.stdout.indexOf('{'))
    const rendered = JSON.parse(printed.slice(0, printed.lastIndexOf('}') + 1))
    expect(rendered.containerDefinitions.map((c: { image: string }) => c.image)).toEqual([
      IMAGE,
      'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'
    ])
    for (const field of [
      'taskDefinitionArn',
      'revision',
      'status',
      'compatibilities',
      'requiresAttributes',
      'registeredAt',
      'registeredBy'
    ]) {
      expect(rendered).not.toHaveProperty(field)
    }
    expect(result.summary).toContain('### ECS deploy (dry run): prod/api')
    expect(result.summary).toContain(
      '| Would register | <code>shop-api</code> from <code>task-definition.json</code> |'
    )
    expect(result.outputs).toEqual({})
  })

  test('an untagged image: a notice that a rollback cannot bring the old image back', async () => {
    const result = await run({
      service: 'api',
      'task-definition': 'task-definition.json',
      container: 'web',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
      'dry-run': 'true'
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([
      {
        level: 'notice',
        message:
          'Input \'image\' is "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop": without a tag or digest ECS pulls `latest`, and a rollback to an older revision cannot bring the older image back. Deploy a unique tag (e.g. the version) or a digest.',
        properties: { title: 'Image without a tag' }
      }
    ])
  })
})
