import { describe, expect, test } from '@jest/globals'
import {
  LAST_STABLE_TAG,
  PREVIOUS_STABLE_TAG,
  nextStableRecord,
  readStableRecord,
  rollbackTarget,
  stableRecordTags
} from '../../../src/core/ecs/stable-record.js'

const TD = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:${revision}`

describe('readStableRecord', () => {
  test('from ListTagsForResource tags; empty values mean nothing recorded', () => {
    expect(
      readStableRecord([
        { key: 'team', value: 'shop' },
        { key: LAST_STABLE_TAG, value: TD(42) },
        { key: PREVIOUS_STABLE_TAG, value: '' }
      ])
    ).toEqual({ last: TD(42) })
    expect(readStableRecord([])).toEqual({})
  })
})

describe('rollbackTarget', () => {
  test.each([
    [
      'on the last stable one: the one before it',
      { last: TD(42), previous: TD(39) },
      TD(42),
      { taskDefinition: TD(39), why: 'the stable revision before the one the service runs now' }
    ],
    [
      // 40 and 41 failed or were never deployed: "revision − 1" would be wrong twice.
      'on a revision that never became stable: the last stable one',
      { last: TD(39), previous: TD(35) },
      TD(42),
      {
        taskDefinition: TD(39),
        why: 'the last revision that was stable (the service does not run it now)'
      }
    ],
    [
      'nothing recorded',
      {},
      TD(42),
      {
        error:
          'no stable revision is recorded on the service (tag `gantry:last-stable-task-definition` is absent): it is set after each rollout that completes'
      }
    ],
    [
      'on the last stable one, nothing before it',
      { last: TD(42) },
      TD(42),
      {
        error: `the service runs the last stable revision (${TD(42)}) and no stable revision before it is recorded (tag \`gantry:previous-stable-task-definition\`)`
      }
    ]
  ])('%s', (_, record, current, expected) => {
    expect(rollbackTarget(record, current)).toEqual(expected)
  })
})

describe('nextStableRecord', () => {
  test.each([
    [
      'first deploy, the service was steady: what it ran becomes the previous stable one',
      {},
      { deployed: TD(42), before: TD(41), beforeWasSteady: true },
      { last: TD(42), previous: TD(41) }
    ],
    [
      'first deploy, the service was not steady: nothing to go back to',
      {},
      { deployed: TD(42), before: TD(41), beforeWasSteady: false },
      { last: TD(42) }
    ],
    [
      'after a failed rollout (the service was not steady): the recorded one stays the previous',
      { last: TD(39), previous: TD(35) },
      { deployed: TD(42), before: TD(41), beforeWasSteady: false },
      { last: TD(42), previous: TD(39) }
    ],
    [
      'a rollback to the previous one: what came before it is not known',
      { last: TD(42), previous: TD(39) },
      { deployed: TD(39), before: TD(42), beforeWasSteady: true },
      { last: TD(39) }
    ],
    [
      'a restart of the last stable one: unchanged',
      { last: TD(42), previous: TD(39) },
      { deployed: TD(42), before: TD(42), beforeWasSteady: true },
      { last: TD(42), previous: TD(39) }
    ]
  ])('%s', (_, record, transition, expected) => {
    expect(nextStableRecord(record, transition)).toEqual(expected)
  })
})

describe('stableRecordTags', () => {
  test('both tags, an empty value for nothing', () => {
    expect(stableRecordTags({ last: TD(42) })).toEqual({
      tags: [
        { key: LAST_STABLE_TAG, value: TD(42) },
        { key: PREVIOUS_STABLE_TAG, value: '' }
      ]
    })
  })

  test('an ARN longer than a tag value may be', () => {
    const long = `arn:aws:ecs:eu-west-1:123456789012:task-definition/${'f'.repeat(250)}:1`
    expect(stableRecordTags({ last: long })).toEqual({
      error: `${long} is longer than the 256 characters an ECS tag value may have`
    })
  })
})
