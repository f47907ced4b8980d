/**
 * The blue-green target driven through a scripted host (steps answered by name, instant clock):
 * the order of the phases, and that a release that fails its health check or its preview test
 * never reaches the switch. The real proxies run in test/integration/blue-green.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { deployHost } from '../../../src/deploy/engine.js'
import { blueGreenTarget } from '../../../src/deploy/targets/blue-green.js'
import type { Answers } from '../../../src/deploy/runners/scripted.js'
import { scriptedJob } from './host.js'

const TOKEN = 'ab'.repeat(16)
const target = (postDeployTest?: string) =>
  blueGreenTarget({
    app: 'shop',
    proxy: 'haproxy',
    route: {},
    options: [],
    drainTimeoutMs: 5000,
    postDeployTest,
    previewToken: TOKEN
  })
const record = JSON.stringify({
  app: 'shop',
  proxy: 'haproxy',
  route: {},
  ports: { blue: 20000, green: 20001 },
  live: 'blue',
  releases: { blue: 'v1' }
})
const proxy = `home=/home/deploy\ntool=haproxy\ntool=socat\ntool=curl\nrunning=yes\nrecords=1\n#host\n#records\n${record}\n`
const R1 = '20261101T000000Z-v1-aaaa'
const host = (extra: Answers = {}): Answers => ({
  inspect: `compose=docker-compose\nnow=1795000000\ncurrent=${R1}\nrelease=${R1}\n#gantry-proxy\n${proxy}`,
  'inspect proxy': proxy,
  'read current release': '{"version":"v1"}',
  lock: 'acquired\n',
  status: 'app running healthy 0\n',
  probe: 'status=200\nrelease=v2\n',
  drain: 'sessions=0\n',
  '*': '',
  ...extra
})
const deploy = { kind: 'deploy' as const, version: 'v2', composeFile: 'services: {}\n', env: '' }

describe('blue-green target', () => {
  test('idle slot up and healthy → preview → test on the preview route → switch → test on the public route → drain → stop the old slot', async () => {
    const { job, trips } = scriptedJob(deploy, host())
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    const names = trips().join('\n')
    const order = [
      'proxy: shop routes and slots',
      'up (slot green) + status',
      'proxy: preview v2 in slot green',
      'probe http://127.0.0.1:80/',
      'post-deploy-test (preview route, before the switch)',
      'proxy: switch shop to slot green (v2)',
      'post-deploy-test (public route)',
      'drain blue (up to 5s)',
      'proxy: retire slot blue',
      'stop slot blue',
      'switch current'
    ].map((n) => names.indexOf(n))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  test('an unhealthy release: its exit code and logs reported, the slot stopped, no preview, no switch', async () => {
    const { job, trips } = scriptedJob(
      deploy,
      host({
        status: 'app exited unhealthy 1\n',
        'why it failed': 'app exited exit=1 health=unhealthy\n| bind: Address already in use\n'
      })
    )
    const outcome = await deployHost(target(), job)
    expect(outcome.status).toBe('rolled-back')
    expect(outcome.message).toBe(
      'v2 did not go live: service app is unhealthy (container of app exited (exit code 1, unhealthy); last log lines: bind: Address already in use); v1 kept serving'
    )
    const names = trips().join('\n')
    expect(names).toContain('stop slot green')
    expect(names).not.toContain('preview')
    expect(names).not.toContain('switch shop')
  })

  test('a failing preview test: the preview ends, the new slot stops, the switch never happens', async () => {
    const { job, trips } = scriptedJob(
      deploy,
      host({
        'post-deploy-test': { code: 1, stdout: 'smoke: checkout returned 500\n' }
      })
    )
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome.status).toBe('rolled-back')
    expect(outcome.message).toContain(
      'post-deploy-test failed on the preview route (before the switch) (exit code 1): smoke: checkout returned 500'
    )
    const names = trips().join('\n')
    expect(names).toContain('proxy: end the preview of slot green')
    expect(names).not.toContain('switch shop')
  })
})
