/**
 * Rollout interpretation on DescribeServices answers shaped as ECS returns them, including the
 * sequence ECS goes through when the circuit breaker rolls a deployment back: a new PRIMARY
 * deployment of the old task definition whose rolloutStateReason says "rolling back to
 * deploymentId …", and ours ACTIVE, FAILED, "tasks failed to start", then gone.
 */
import { describe, expect, test } from '@jest/globals'
import {
  eventsSince,
  interpretRollout,
  isSteady,
  progress,
  resourceName,
  revisionName,
  type DeploymentView,
  type ServiceView
} from '../../../src/core/ecs/rollout.js'
import { groupStoppedTasks, stoppedReason } from '../../../src/core/ecs/stopped-tasks.js'

const TD = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:${revision}`
const OURS = 'ecs-svc/5432109876543210987'
const OLD = 'ecs-svc/1234567890123456789'
const ROLLBACK = 'ecs-svc/7777777777777777777'
const target = { deploymentId: OURS, taskDefinitionArn: TD(42) }

function deployment(fields: Partial<DeploymentView>): DeploymentView {
  return {
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: new Date('2026-11-22T15:00:00Z'),
    updatedAt: new Date('2026-11-22T15:01:00Z'),
    ...fields
  }
}

const service = (...deployments: DeploymentView[]): ServiceView => ({
  serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api',
  serviceName: 'api',
  status: 'ACTIVE',
  desiredCount: 2,
  deployments
})

const primary = (fields: Partial<DeploymentView>) =>
  deployment({ id: OURS, status: 'PRIMARY', taskDefinition: TD(42), ...fields })
const old = (fields: Partial<DeploymentView> = {}) =>
  deployment({
    id: OLD,
    status: 'ACTIVE',
    taskDefinition: TD(41),
    runningCount: 2,
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/1234567890123456789 completed.',
    ...fields
  })

describe('interpretRollout', () => {
  test('IN_PROGRESS while the new tasks start; what it waits for', () => {
    const rollout = interpretRollout(
      service(
        primary({
          rolloutState: 'IN_PROGRESS',
          runningCount: 1,
          pendingCount: 1,
          rolloutStateReason: 'ECS deployment ecs-svc/5432109876543210987 in progress.'
        }),
        old()
      ),
      target
    )
    expect(rollout).toMatchObject({
      state: 'IN_PROGRESS',
      waitingFor: '1/2 tasks running, 1 pending; 1 older deployment still draining'
    })
  })

  test('COMPLETED: success', () => {
    const rollout = interpretRollout(
      service(
        primary({
          rolloutState: 'COMPLETED',
          runningCount: 2,
          rolloutStateReason: 'ECS deployment ecs-svc/5432109876543210987 completed.'
        })
      ),
      target
    )
    expect(rollout.state).toBe('COMPLETED')
  })

  test('circuit breaker rolling back: a new PRIMARY of the old revision → FAILED, rolled back', () => {
    const rollout = interpretRollout(
      service(
        deployment({
          id: ROLLBACK,
          status: 'PRIMARY',
          taskDefinition: TD(41),
          rolloutState: 'IN_PROGRESS',
          rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`
        }),
        primary({
          status: 'ACTIVE',
          rolloutState: 'FAILED',
          failedTasks: 3,
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
        })
      ),
      target
    )
    expect(rollout).toMatchObject({
      state: 'FAILED',
      rolledBack: true,
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
      primary: { taskDefinition: TD(41) }
    })
  })

  test('the rollback finished and ours is gone from the list: still FAILED, rolled back', () => {
    const rollout = interpretRollout(
      service(
        deployment({
          id: ROLLBACK,
          status: 'PRIMARY',
          taskDefinition: TD(41),
          runningCount: 2,
          rolloutState: 'COMPLETED',
          rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`
        })
      ),
      target
    )
    expect(rollout).toMatchObject({
      state: 'FAILED',
      rolledBack: true,
      reason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`
    })
  })

  test('the circuit breaker without rollback: ours stays PRIMARY and FAILED', () => {
    const rollout = interpretRollout(
      service(
        primary({
          rolloutState: 'FAILED',
          failedTasks: 10,
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
        }),
        old()
      ),
      target
    )
    expect(rollout).toMatchObject({ state: 'FAILED', rolledBack: false })
  })

  test('another deployment (someone else) replaced ours: FAILED, not a rollback', () => {
    const rollout = interpretRollout(
      service(
        deployment({
          id: 'ecs-svc/9',
          status: 'PRIMARY',
          taskDefinition: TD(43),
          rolloutState: 'IN_PROGRESS',
          rolloutStateReason: 'ECS deployment ecs-svc/9 in progress.'
        }),
        primary({ status: 'ACTIVE', rolloutState: 'IN_PROGRESS' })
      ),
      target
    )
    expect(rollout).toMatchObject({
      state: 'FAILED',
      rolledBack: false,
      reason: 'another deployment replaced it (ecs-svc/9, shop-api:43)'
    })
  })

  test('no rolloutState (Classic Load Balancer): steady when alone with every task running', () => {
    const noState = (fields: Partial<DeploymentView>) =>
      primary({ rolloutState: undefined, ...fields })
    expect(
      interpretRollout(
        service(noState({ runningCount: 2 }), old({ rolloutState: undefined })),
        target
      ).state
    ).toBe('IN_PROGRESS')
    expect(interpretRollout(service(noState({ runningCount: 1 })), target).state).toBe(
      'IN_PROGRESS'
    )
    expect(interpretRollout(service(noState({ runningCount: 2 })), target).state).toBe('COMPLETED')
  })

  test('without a deployment id, ours is the PRIMARY one of our task definition', () => {
    const s = service(primary({ rolloutState: 'COMPLETED' }))
    expect(interpretRollout(s, { taskDefinitionArn: TD(42) }).state).toBe('COMPLETED')
    expect(interpretRollout(s, { taskDefinitionArn: TD(43) }).state).toBe('FAILED')
  })
})

describe('isSteady', () => {
  test.each([
    ['one COMPLETED deployment', service(old({ status: 'PRIMARY' })), true],
    ['a rollout under way', service(primary({ rolloutState: 'IN_PROGRESS' }), old()), false],
    ['a FAILED primary', service(primary({ rolloutState: 'FAILED' })), false],
    ['no deployments', service(), false],
    [
      'no rollout states, all running',
      service(primary({ rolloutState: undefined, runningCount: 2 })),
      true
    ]
  ])('%s: %s', (_, s, steady) => {
    expect(isSteady(s)).toBe(steady)
  })
})

describe('helpers', () => {
  test('progress counts failed tasks', () => {
    expect(progress(service(), primary({ runningCount: 0, pendingCount: 2, failedTasks: 3 }))).toBe(
      '0/2 tasks running, 2 pending, 3 failed'
    )
  })

  test('eventsSince: the deployment’s events, oldest first', () => {
    const s: ServiceView = {
      events: [
        {
          id: '3',
          createdAt: new Date('2026-11-22T15:04:00Z'),
          message: '(service api) has started 1 tasks: (task c).'
        },
        {
          id: '2',
          createdAt: new Date('2026-11-22T15:02:00Z'),
          message: '(service api) has started 1 tasks: (task b).'
        },
        {
          id: '1',
          createdAt: new Date('2026-11-22T14:00:00Z'),
          message: '(service api) has reached a steady state.'
        }
      ]
    }
    expect(eventsSince(s, new Date('2026-11-22T15:00:00Z'))).toEqual([
      '2026-11-22T15:02:00.000Z (service api) has started 1 tasks: (task b).',
      '2026-11-22T15:04:00.000Z (service api) has started 1 tasks: (task c).'
    ])
  })

  test.each([
    [TD(42), 'shop-api:42'],
    [undefined, 'none'],
    ['shop-api:7', 'shop-api:7']
  ])('revisionName(%s) = %s', (arn, name) => {
    expect(revisionName(arn)).toBe(name)
  })

  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:service/prod/api', 'api'],
    ['arn:aws:ecs:eu-west-1:123456789012:cluster/prod', 'prod'],
    ['api', 'api']
  ])('resourceName(%s) = %s', (value, name) => {
    expect(resourceName(value)).toBe(name)
  })
})

describe('stopped tasks', () => {
  const task = (id: string, fields: object) => ({
    taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`,
    taskDefinitionArn: TD(42),
    lastStatus: 'STOPPED',
    startedBy: OURS,
    ...fields
  })
  const pull = {
    stopCode: 'TaskFailedToStart',
    stoppedReason:
      'CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2: not found',
    containers: [{ name: 'web', lastStatus: 'STOPPED' }]
  }
  const crash = {
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: [
      { name: 'web', lastStatus: 'STOPPED', exitCode: 1 },
      { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 }
    ]
  }

  test('one line per task: its reason, then the containers that say something', () => {
    expect(stoppedReason(task('a', crash))).toBe(
      'Essential container in task exited; web: exit 1; log-router: exit 0'
    )
    expect(
      stoppedReason(
        task('a', {
          stoppedReason: 'Task stopped',
          containers: [
            {
              name: 'web',
              reason: 'OutOfMemoryError: Container killed due to memory usage',
              exitCode: 137
            }
          ]
        })
      )
    ).toBe('Task stopped; web: exit 137, OutOfMemoryError: Container killed due to memory usage')
  })

  test('grouped by reason, newest first, only our task definition', () => {
    const groups = groupStoppedTasks(
      [
        task('t1', { ...pull, stoppedAt: new Date('2026-11-22T15:01:00Z') }),
        task('t2', { ...crash, stoppedAt: new Date('2026-11-22T15:03:00Z') }),
        task('t3', { ...pull, stoppedAt: new Date('2026-11-22T15:05:00Z') }),
        task('old', {
          ...crash,
          taskDefinitionArn: TD(40),
          stoppedAt: new Date('2026-11-22T15:06:00Z')
        })
      ],
      TD(42)
    )
    expect(groups).toEqual([
      { reason: pull.stoppedReason, count: 2, example: 't3' },
      {
        reason: 'Essential container in task exited; web: exit 1; log-router: exit 0',
        count: 1,
        example: 't2'
      }
    ])
  })
})
