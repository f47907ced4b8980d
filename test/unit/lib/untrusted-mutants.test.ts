/**
 * A region of untrusted output closes on its own after a pause, so what Gantry prints next is read
 * by the runner again: the bug `npm run mutation` seeds into src/lib/untrusted.ts (the idle close
 * never firing) would leave every later command of the step ignored.
 */
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { untrustedChannel } from '../../../src/lib/untrusted.js'
import { actedOn } from '../../harness/runner-commands.js'

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

test("after a pause in the untrusted output, Gantry's own commands are acted on again", () => {
  const out: string[] = []
  const channel = untrustedChannel(
    (t) => out.push(t),
    () => 'tok',
    200
  )
  channel.print('::error::FORGED from the host')
  jest.advanceTimersByTime(199)
  channel.print('still the host')
  jest.advanceTimersByTime(199)
  // Printed by Gantry without calling close(): e.g. from a timer of its own.
  out.push('::warning::not yet, the host keeps printing')
  jest.advanceTimersByTime(1)
  out.push('::error::deploy failed')
  const { commands, stopped } = actedOn(out.join('\n'))
  expect(commands.map((c) => [c.name, c.data])).toEqual([['error', 'deploy failed']])
  expect(stopped).toBe(false)
})

test('the next untrusted print after the pause opens a region again', () => {
  const out: string[] = []
  const tokens = ['one', 'two']
  const channel = untrustedChannel(
    (t) => out.push(t),
    () => tokens.shift() ?? 'more',
    200
  )
  channel.print('first')
  jest.advanceTimersByTime(200)
  channel.print('::error::FORGED after the pause')
  channel.close()
  expect(out.join('\n').split('\n')).toEqual([
    '::stop-commands::one',
    'first',
    '::one::',
    '::stop-commands::two',
    '::error::FORGED after the pause',
    '::two::'
  ])
  expect(actedOn(out.join('\n')).commands).toEqual([])
})
