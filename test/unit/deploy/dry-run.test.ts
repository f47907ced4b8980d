/**
 * ssh-deploy's dry run in every mode: it is the real sequence (the engine against a printing
 * runner), so each mode shows the steps its deploy would run, and connects nowhere.
 */
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../../src/actions/ssh-deploy/main.js'
import type { Runner } from '../../../src/lib/runner.js'

const dir = mkdtempSync(join(tmpdir(), 'gantry-dry-'))
writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot used\n-----END OPENSSH PRIVATE KEY-----\n'

async function dryRun(inputs: Record<string, string>) {
  const all: Record<string, string> = {
    hosts: 'deploy@10.0.0.5',
    key: KEY,
    fingerprint: 'SHA256:' + 'A'.repeat(43),
    app: 'shop',
    env: 'IMAGE=127.0.0.1:5000/shop:v2',
    'dry-run': 'true',
    ...inputs
  }
  const infos: string[] = []
  const failed: string[] = []
  const runner: Runner = {
    env: { GITHUB_ACTIONS: 'true' },
    isDebug: false,
    getInput: (name) => all[name] ?? '',
    setOutput: () => {},
    setSecret: () => {},
    debug: () => {},
    info: (m) => void infos.push(...m.split('\n')),
    untrusted: (m, prefix = '') => void infos.push(...m.split('\n').map((l) => prefix + l)),
    notice: () => {},
    warning: () => {},
    error: (m) => void failed.push(m),
    group: (_, body) => body(),
    appendSummary: () => {},
    saveState: () => {},
    getState: () => '',
    setFailed: (m) => void failed.push(m)
  }
  let connected = false
  await run({
    runner,
    workspace: dir,
    connect: async () => {
      connected = true
      throw new Error('the dry run connected')
    }
  })
  expect(connected).toBe(false)
  expect(failed).toEqual([])
  const steps = infos
    .filter((l) => l.startsWith('[deploy@10.0.0.5]   # '))
    .map((l) => l.slice('[deploy@10.0.0.5]   # '.length))
  return { steps, infos }
}

describe('dry run', () => {
  test('compose rollback-to previous: the release before current, up, healthy, switch', async () => {
    const { steps, infos } = await dryRun({ 'rollback-to': 'previous' })
    expect(steps).toEqual([
      'inspect',
      'read current release',
      'lock',
      'read release',
      'up',
      'status',
      'switch current',
      'unlock'
    ])
    expect(infos.join('\n')).toContain('releases/19700101T000300Z-previous-0000')
  })

  test('swarm deploy: the baseline with the upload, stack deploy, the rollout followed, the record', async () => {
    const { steps } = await dryRun({ target: 'swarm' })
    expect(steps).toEqual([
      'inspect swarm',
      'read current release',
      'lock',
      'upload compose.yml, .env, release.json',
      'stack status',
      'stack deploy',
      'stack status',
      'upload stack.json',
      'switch current',
      'prune 1 old release(s)',
      'unlock'
    ])
  })

  test('swarm rollback-to previous and to a kept version', async () => {
    expect((await dryRun({ target: 'swarm', 'rollback-to': 'previous' })).steps).toEqual([
      'inspect swarm',
      'read current release',
      'lock',
      'stack status',
      'service rollback shop_<service>',
      'stack status',
      'read stack records',
      'unlock'
    ])
    expect((await dryRun({ target: 'swarm', 'rollback-to': 'v1' })).steps).toEqual([
      'inspect swarm',
      'read current release',
      'lock',
      'read release',
      'read .env',
      'stack status',
      'stack deploy',
      'stack status',
      'upload stack.json',
      'switch current',
      'prune 0 old release(s)',
      'unlock'
    ])
  })
})
