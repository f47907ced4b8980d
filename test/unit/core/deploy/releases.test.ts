import { describe, expect, test } from '@jest/globals'
import {
  evaluateContainers,
  isStale,
  parseInspect,
  parseLockReply,
  parseStatus,
  releaseId,
  releasesToPrune,
  rollbackTarget,
  versionOfRelease
} from '../../../../src/core/deploy/releases.js'

test('release ids sort by time and carry their version', () => {
  const id = releaseId(new Date('2026-11-22T15:30:00.123Z'), 'feature/x 1.2', 'ab12')
  expect(id).toBe('20261122T153000Z-feature-x-1.2-ab12')
  expect(versionOfRelease(id)).toBe('feature-x-1.2')
})

test('inspect output', () => {
  expect(
    parseInspect(
      'compose=docker-compose\nnow=1700000000\ncurrent=20261122T150000Z-v1-aaaa\nrelease=20261122T160000Z-v2-bbbb\nrelease=20261122T150000Z-v1-aaaa\nrelease=junk\n'
    )
  ).toEqual({
    compose: 'docker-compose',
    now: 1700000000,
    current: '20261122T150000Z-v1-aaaa',
    releases: ['20261122T150000Z-v1-aaaa', '20261122T160000Z-v2-bbbb']
  })
  expect(parseInspect('compose=\nnow=1\n').compose).toBeUndefined()
})

test('prune keeps the newest and never the protected ones', () => {
  expect(releasesToPrune(['a', 'b', 'c', 'd'], 2, ['d', 'a'])).toEqual(['b', 'c'])
  expect(releasesToPrune(['a', 'b'], 5, [])).toEqual([])
})

describe('rollback targets', () => {
  const state = {
    now: 0,
    current: '20261122T170000Z-v3-cccc',
    releases: ['20261122T150000Z-v1-aaaa', '20261122T160000Z-v2-bbbb', '20261122T170000Z-v3-cccc']
  }
  test('previous is the release before current', () => {
    expect(rollbackTarget(state, 'previous')).toEqual({ release: '20261122T160000Z-v2-bbbb' })
    expect(rollbackTarget({ ...state, current: '20261122T150000Z-v1-aaaa' }, 'previous')).toEqual({
      error: 'no release before 20261122T150000Z-v1-aaaa is kept on the host'
    })
  })
  test('a version picks its newest release', () => {
    expect(rollbackTarget(state, 'v1')).toEqual({ release: '20261122T150000Z-v1-aaaa' })
    expect(rollbackTarget(state, 'v9')).toEqual({
      error: 'no release of version v9 is kept on the host (kept: v1, v2, v3)'
    })
  })
})

test('lock replies and staleness', () => {
  expect(parseLockReply('acquired\n')).toEqual({ acquired: true })
  const held = parseLockReply(
    'held\nnow=1000\nsince=400\nowner={"actor":"mona","version":"1.2.3","runUrl":"https://x/1"}\n'
  )
  expect(held).toMatchObject({ acquired: false, now: 1000, since: 400, owner: { actor: 'mona' } })
  if (held.acquired) throw new Error('unreachable')
  expect(isStale(held, 600)).toBe(true)
  expect(isStale(held, 601)).toBe(false)
})

describe('container health', () => {
  test.each([
    ['web running healthy 0', 'up'],
    ['web running none 0', 'up'],
    ['web running starting 0', 'waiting'],
    ['web running unhealthy 0', 'failed'],
    ['web exited none 1', 'failed'],
    ['web restarting none 1', 'failed'],
    ['web created none 0', 'waiting'],
    ['', 'waiting'],
    ['web running healthy 0\nworker exited none 137', 'failed']
  ])('%j is %s', (text, health) => {
    expect(evaluateContainers(parseStatus(text)).health).toBe(health)
  })
  test('the failure names the service', () => {
    expect(evaluateContainers(parseStatus('web exited none 1')).detail).toBe(
      'service web is exited (exit code 1)'
    )
  })
})
