/**
 * The blue-green target driven through a scripted host (steps answered by name, instant clock):
 * the order of the phases, and that a release that fails its health check or its preview test
 * never reaches the switch. The real proxies run in test/integration/blue-green.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { proxyInspectStep } from '../../../src/core/deploy/blue-green.js'
import { recordText, type ProxyApp } from '../../../src/core/deploy/proxy.js'
import {
  fakeProxyHost,
  seedLive,
  type Fault,
  type FakeProxyHost
} from '../core/deploy/proxy-fakes.js'
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

/**
 * The same target against a host whose proxy steps run for real under /bin/sh (the real flock,
 * recording fakes of haproxy and socat: proxy-fakes.ts): what the user notices is which release
 * the proxy sends requests to, what the records say is live, and the reported outcome.
 */
describe('blue-green through a proxy that runs its steps', () => {
  let fake: FakeProxyHost
  beforeEach(() => {
    fake = fakeProxyHost()
    // The app live in slot blue (v1), as a deploy leaves it.
    seedLive(fake, { ...(JSON.parse(record) as ProxyApp), live: 'blue' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
  })
  afterEach(() => fake.cleanup())

  /** Faults by step name (prefix): started before that step runs, cleared before any other. */
  function proxied(faults: Record<string, [Fault, string?]> = {}, extra: Answers = {}): Answers {
    const inspectProxy = () => fake.run(proxyInspectStep('haproxy')).stdout
    return host({
      inspect: () =>
        `compose=docker-compose\nnow=1795000000\ncurrent=${R1}\nrelease=${R1}\n#gantry-proxy\n${inspectProxy()}`,
      'inspect proxy': () => inspectProxy(),
      'proxy:': (step) => {
        for (const [prefix, [kind, content]] of Object.entries(faults))
          if (step.name.startsWith(prefix)) fake.fault(kind, content)
          else fake.clear(kind)
        const { code, stdout, stderr } = fake.run(step)
        return { code, stdout, stderr }
      },
      probe: (step) => {
        const token = /X-Gantry-Preview: (\w+)/.exec(step.stdin ?? '')?.[1]
        const { status, release } = fake.answer('shop', token)
        return `status=${status}\n${release ? `release=${release}\n` : ''}`
      },
      ...extra
    })
  }
  const liveRecord = () => JSON.parse(fake.read('apps/shop.json') ?? '{}') as ProxyApp
  /** The release the records say is live. */
  const recorded = () => {
    const r = liveRecord()
    return r.live ? r.releases[r.live] : undefined
  }
  const publicTestFails: Answers = {
    'post-deploy-test': (step) =>
      step.name.includes('public') ? { code: 1, stdout: 'checkout: expected 200, got 500\n' } : ''
  }

  test('a deploy: the proxy answers v2, and the records say so', async () => {
    const { job } = scriptedJob(deploy, proxied())
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'deployed', after: 'v2' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v2' })
    expect(liveRecord().live).toBe('green')
    expect(recorded()).toBe('v2')
  })

  test('the public test fails: traffic goes back to v1, the records say v1, v2 stops', async () => {
    const { job, trips } = scriptedJob(deploy, proxied({}, publicTestFails))
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(recorded()).toBe('v1')
    expect(trips().join('\n')).toContain('stop slot green')
  })

  test.each([
    ['the admin socket is silent', 'socat-silent' as const, undefined],
    ['HAProxy refuses a command', 'socat-refuses' as const, 'preview.map'],
    ['the disk is full', 'mv-fails' as const, 'apps/shop.json.new']
  ])(
    'the preview fails (%s): v2 never serves and stops, v1 serves and is recorded',
    async (_, kind, content) => {
      const { job, trips } = scriptedJob(deploy, proxied({ 'proxy: preview': [kind, content] }))
      const outcome = await deployHost(target('run-tests'), job)
      expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
      expect(outcome.message).toContain('v1 kept serving')
      expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
      expect(recorded()).toBe('v1')
      expect(trips().join('\n')).toContain('stop slot green')
      expect(trips().join('\n')).not.toContain('proxy: switch shop to slot')
    }
  )

  test('closing the preview fails after a failed preview test: v2 still stops', async () => {
    const { job, trips } = scriptedJob(
      deploy,
      proxied(
        { 'proxy: end the preview': ['socat-silent'] },
        { 'post-deploy-test': { code: 1, stdout: 'smoke failed\n' } }
      )
    )
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1' })
    expect(trips().join('\n')).toContain('stop slot green')
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
  })

  test.each([
    ['the admin socket is silent', 'socat-silent' as const, undefined],
    // Half applied: green ready, then the drain of blue refused.
    ['HAProxy refuses half of it', 'socat-refuses' as const, 'shop/blue state drain'],
    ['the disk is full', 'mv-fails' as const, 'apps/shop.json.new']
  ])('the switch fails (%s): v1 serves and is recorded, v2 stops', async (_, kind, content) => {
    const { job, trips } = scriptedJob(
      deploy,
      proxied({ 'proxy: switch shop to': [kind, content] })
    )
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
    expect(outcome.message).toContain('the switch failed')
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(recorded()).toBe('v1')
    expect(trips().join('\n')).toContain('stop slot green')
  })

  test('switching back fails after the public test failed: reported failed, v2 named as what serves, records agree, its slot kept', async () => {
    const { job, trips } = scriptedJob(
      deploy,
      proxied({ 'proxy: switch shop back': ['socat-silent'] }, publicTestFails)
    )
    const outcome = await deployHost(target('run-tests'), job)
    expect(outcome).toMatchObject({ status: 'failed', after: 'v2' })
    expect(outcome.message).toContain('v2 still serves')
    expect(outcome.message).toContain('post-deploy-test failed on the public route')
    expect(outcome.message).toContain('switching back failed')
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v2' })
    expect(recorded()).toBe('v2')
    // Stopping the only slot that serves would leave nothing serving.
    expect(trips().join('\n')).not.toContain('stop slot green')
  })

  test('the first deploy of an app whose switch fails: its slot leaves the proxy and stops', async () => {
    fake.write(
      'apps/shop.json',
      recordText({ ...(JSON.parse(record) as ProxyApp), live: undefined, releases: {} })
    )
    const { job, trips } = scriptedJob(
      deploy,
      proxied(
        { 'proxy: switch shop to': ['socat-refuses', 'shop/green state drain'] },
        {
          inspect: () =>
            `compose=docker-compose\nnow=1795000000\n#gantry-proxy\n${fake.run(proxyInspectStep('haproxy')).stdout}`
        }
      )
    )
    const outcome = await deployHost(target(), job)
    expect(outcome.status).toBe('failed')
    expect(outcome.after).not.toBe('v2')
    expect(trips().join('\n')).toContain('stop slot blue')
    expect(fake.server('shop/blue')).not.toBe('ready')
    expect(liveRecord().live).toBeUndefined()
  })
})
