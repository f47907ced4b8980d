/** What the user is told from the outcomes: outputs, summary, annotations, the verdict; and batches. */
import { describe, expect, test } from '@jest/globals'
import { deployHosts } from '../../../src/deploy/engine.js'
import {
  failureAnnotations,
  hostOutputs,
  renderSummary,
  verdict,
  type DeployReport,
  type RolloutOutcome
} from '../../../src/deploy/outcome.js'

const base = {
  action: 'ssh-deploy',
  app: 'shop',
  what: 'v2',
  version: 'v2',
  rolledBackBy: 'Gantry'
}
const ok: RolloutOutcome = {
  unit: 'a@h1',
  status: 'deployed',
  before: 'v1',
  after: 'v2',
  durationMs: 2100
}
const back: RolloutOutcome = {
  unit: 'a@h2',
  status: 'rolled-back',
  before: 'v1',
  after: 'v1',
  attempted: 'v2',
  durationMs: 9000,
  message: 'v2 failed its health check (service web is unhealthy); rolled back to v1'
}

describe('the report of a deploy', () => {
  test('outputs, summary rows, an annotation per failed host, the failed verdict', () => {
    const report: DeployReport = { ...base, outcomes: [ok, back] }
    expect(hostOutputs(report)).toEqual({
      version: 'v2',
      'previous-version': 'v1',
      'hosts-succeeded': '["a@h1"]',
      'hosts-failed': '["a@h2"]',
      'rolled-back': 'true'
    })
    const md = renderSummary(report)
    expect(md).toContain('| <code>a@h1</code> | v1 → v2 | 2.1 s | deployed |  |')
    expect(md).toContain('| <code>a@h2</code> | v1 → v2 ↩ v1 | 9.0 s | rolled back |')
    expect(failureAnnotations(report)).toEqual([
      { message: `a@h2: ${back.message}`, title: 'ssh-deploy: a@h2 rolled back' }
    ])
    expect(verdict(report)).toEqual({ failed: '1 of 2 host(s) did not deploy v2 (rolled back).' })
  })

  test('a platform that rolls back itself, and a scope, say so', () => {
    const report: DeployReport = {
      ...base,
      scope: 'stack shop',
      rolledBackBy: 'the swarm',
      outcomes: [{ ...back, unit: 'm@h' }]
    }
    expect(failureAnnotations(report)[0]?.title).toBe(
      'ssh-deploy: stack shop on m@h rolled back by the swarm'
    )
    expect(verdict(report)).toEqual({
      failed: 'Stack shop did not deploy v2: the swarm rolled it back.'
    })
    expect(verdict({ ...report, outcomes: [ok] })).toEqual({ ok: 'Deployed v2 as stack shop.' })
  })

  test('a rollback reports the version it went back to', () => {
    const report: DeployReport = {
      ...base,
      what: 'rollback to previous',
      version: 'unversioned',
      rollbackTo: 'previous',
      outcomes: [{ ...ok, before: 'v2', after: 'v1' }]
    }
    expect(hostOutputs(report).version).toBe('v1')
    expect(verdict(report)).toEqual({ ok: 'Deployed v1 to 1 host(s).' })
  })
})

describe('the version output names what runs, never a version that failed everywhere', () => {
  const lost: RolloutOutcome = {
    unit: 'a@h3',
    status: 'failed',
    before: 'v1',
    durationMs: 4000,
    message: 'Connection to a@h3 lost'
  }
  test.each([
    ['every host rolled back: the version running again', [back, { ...back, unit: 'a@h3' }], 'v1'],
    ['a host lost mid-deploy: unknown, so empty', [lost], ''],
    ['rolled back on one, lost on another: they may differ, so empty', [back, lost], ''],
    ['one host deployed: the version asked for', [ok, lost], 'v2']
  ])('%s', (_, outcomes, version) => {
    expect(hostOutputs({ ...base, outcomes }).version).toBe(version)
  })
})

describe('hosts in batches', () => {
  test('max-parallel batches; after a failed batch, stop skips the rest, continue does not', async () => {
    const started: string[][] = []
    let batch: string[] = []
    const run = (onHostFailure: 'stop' | 'continue') =>
      deployHosts(['h1', 'h2', 'h3', 'h4', 'h5'], {
        maxParallel: 2,
        onHostFailure,
        name: (h) => h,
        deploy: async (h, i) => {
          if (i % 2 === 0) started.push((batch = []))
          batch.push(h)
          await Promise.resolve()
          return { unit: h, status: h === 'h2' ? 'failed' : 'deployed', durationMs: 1 }
        }
      })
    const stopped = await run('stop')
    expect(started).toEqual([['h1', 'h2']])
    expect(stopped.map((o) => `${o.unit} ${o.status}`)).toEqual([
      'h1 deployed',
      'h2 failed',
      'h3 skipped',
      'h4 skipped',
      'h5 skipped'
    ])
    started.length = 0
    const all = await run('continue')
    expect(started).toEqual([['h1', 'h2'], ['h3', 'h4'], ['h5']])
    expect(all.filter((o) => o.status === 'skipped')).toEqual([])
  })
})
