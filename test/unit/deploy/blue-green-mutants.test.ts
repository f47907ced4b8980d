/**
 * Blue-green where the mutation run (scripts/mutations.mjs, module `proxy-switch`) found no test:
 * a proxy that answers 2xx from the wrong release. The proxy steps run for real under /bin/sh
 * (proxy-fakes.ts); the probe through the proxy is answered from the fake's state, except where a
 * test makes the proxy answer from the release that was live. What is checked is what a user
 * notices: the release the proxy sends requests to, what the records say, the reported outcome.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { proxyInspectStep } from '../../../src/core/deploy/blue-green.js'
import { recordText, type ProxyApp } from '../../../src/core/deploy/proxy.js'
import { deployHost } from '../../../src/deploy/engine.js'
import type { Answers } from '../../../src/deploy/runners/scripted.js'
import { blueGreenTarget } from '../../../src/deploy/targets/blue-green.js'
import type { Step } from '../../../src/deploy/step.js'
import { fakeProxyHost, seedLive, type FakeProxyHost } from '../core/deploy/proxy-fakes.js'
import { scriptedJob } from './host.js'

const target = blueGreenTarget({
  app: 'shop',
  proxy: 'haproxy',
  route: {},
  options: [],
  drainTimeoutMs: 5000,
  postDeployTest: 'run-tests',
  previewToken: 'cd'.repeat(16)
})
const R1 = '20261101T000000Z-v1-aaaa'
const deploy = { kind: 'deploy' as const, version: 'v2', composeFile: 'services: {}\n', env: '' }

let fake: FakeProxyHost
beforeEach(() => {
  fake = fakeProxyHost()
  seedLive(fake, {
    app: 'shop',
    proxy: 'haproxy',
    route: {},
    ports: { blue: 20000, green: 20001 },
    live: 'blue',
    releases: { blue: 'v1' }
  })
})
afterEach(() => fake.cleanup())

type Answer = { status: number; release?: string }

/** The proxy as the fake's state says: the release of the ready slot (of the preview's backend). */
const truthful = (token?: string) => fake.answer('shop', token)

/**
 * The host: proxy steps run on the fake (`before` sees each first), a probe gets `answer` (by the
 * preview token it sends), and a post-deploy test on the public route fails when `publicFails`.
 */
function host(
  answer: (token?: string) => Answer,
  options: { before?: (step: Step) => void; publicFails?: boolean } = {}
): Answers {
  const inspectProxy = () => fake.run(proxyInspectStep('haproxy')).stdout
  return {
    inspect: () =>
      `compose=docker-compose\nnow=1795000000\ncurrent=${R1}\nrelease=${R1}\n#gantry-proxy\n${inspectProxy()}`,
    'inspect proxy': () => inspectProxy(),
    'read current release': '{"version":"v1"}',
    lock: 'acquired\n',
    status: 'app running healthy 0\n',
    drain: 'sessions=0\n',
    'proxy:': (step) => {
      options.before?.(step)
      return fake.run(step)
    },
    'post-deploy-test': (step) =>
      options.publicFails && step.name.includes('public')
        ? { code: 1, stdout: 'checkout: 500\n' }
        : '',
    probe: (step) => {
      const { status, release } = answer(/X-Gantry-Preview: (\w+)/.exec(step.stdin ?? '')?.[1])
      return `status=${status}\n${release ? `release=${release}\n` : ''}`
    },
    '*': ''
  }
}

const recorded = () => {
  const r = JSON.parse(fake.read('apps/shop.json') ?? '{}') as ProxyApp
  return r.live ? r.releases[r.live] : undefined
}

describe('a proxy that answers from the release that was live', () => {
  test('the preview route reaches v1, not the new slot: v2 is not tested through it, never switched to, and stops', async () => {
    // The preview header is not routed (as if the preview map were not loaded): v1 answers.
    const { job, trips } = scriptedJob(
      deploy,
      host(() => fake.answer('shop'))
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(recorded()).toBe('v1')
    const ran = trips().join('\n')
    // A post-deploy test run now would test v1 and pass for v2.
    expect(ran).not.toContain('post-deploy-test')
    expect(ran).not.toContain('proxy: switch shop to slot')
    expect(ran).toContain('stop slot green')
  })

  test('after the switch the public route still answers v1 (another HAProxy on the port): not reported live, the records go back to v1', async () => {
    const { job } = scriptedJob(
      deploy,
      host((token) => (token ? fake.answer('shop', token) : { status: 200, release: 'v1' }))
    )
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
    expect(outcome.message).toContain('did not answer from v2')
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(recorded()).toBe('v1')
  })
})

describe('a proxy commit that fails once', () => {
  test('switching back fails once after the public test failed: it is tried again, v1 serves and is recorded, v2 stops', async () => {
    let backs = 0
    const before = (step: Step) => {
      // The admin socket is silent for the first switch back only (a busy HAProxy).
      if (step.name.startsWith('proxy: switch shop back') && backs++ === 0)
        fake.fault('socat-silent')
      else fake.clear('socat-silent')
    }
    const { job, trips } = scriptedJob(deploy, host(truthful, { before, publicFails: true }))
    const outcome = await deployHost(target, job)
    expect(backs).toBe(2)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: 'v1', attempted: 'v2' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(recorded()).toBe('v1')
    expect(trips().join('\n')).toContain('stop slot green')
  })

  test("another app's deploy changes the proxy just before the switch: read again and switched, v2 serves, the other app's record kept", async () => {
    const cart: ProxyApp = {
      app: 'cart',
      proxy: 'haproxy',
      route: { path: '/cart' },
      ports: { blue: 20002, green: 20003 },
      releases: {}
    }
    let changed = false
    const before = (step: Step) => {
      if (changed || !step.name.startsWith('proxy: switch shop to slot')) return
      fake.write('apps/cart.json', recordText(cart))
      changed = true
    }
    const { job } = scriptedJob(deploy, host(truthful, { before }))
    const outcome = await deployHost(target, job)
    expect(outcome).toMatchObject({ status: 'deployed', after: 'v2' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v2' })
    expect(recorded()).toBe('v2')
    expect(JSON.parse(fake.read('apps/cart.json') ?? '{}')).toEqual(cart)
  })
})
