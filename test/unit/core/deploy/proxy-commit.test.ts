/**
 * The proxy commit (the script that changes the proxy under ~/gantry-proxy/.lock) run for real
 * under /bin/sh: the real flock, recording fakes of haproxy, nginx, socat (proxy-fakes.ts).
 * Asserted: what it did (files moved, commands run, the lock, exit codes), not its text.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { proxyCommitStep, type ProxyCommit } from '../../../../src/core/deploy/blue-green.js'
import { haproxyCommands, haproxyConfig, releaseMap } from '../../../../src/core/deploy/haproxy.js'
import { nginxConfig } from '../../../../src/core/deploy/nginx.js'
import { recordText, type ProxyApp, type ProxyHost } from '../../../../src/core/deploy/proxy.js'
import { fakeHostSettings, fakeProxyHost, seedLive, type FakeProxyHost } from './proxy-fakes.js'

let fake: FakeProxyHost
let host: ProxyHost
beforeEach(() => {
  fake = fakeProxyHost()
  host = fakeHostSettings(fake)
})
afterEach(() => fake.cleanup())

const shop: ProxyApp = {
  app: 'shop',
  proxy: 'haproxy',
  route: {},
  ports: { blue: 20000, green: 20001 },
  live: 'blue',
  releases: { blue: 'v1' }
}
const files = (r: ProxyApp) => [
  { path: `apps/${r.app}.json`, content: recordText(r) },
  ...(r.proxy === 'haproxy' ? [{ path: `haproxy/maps/${r.app}.map`, content: releaseMap(r) }] : [])
]
const commit = (r: ProxyApp, more: Partial<ProxyCommit> = {}) =>
  proxyCommitStep({
    name: 'proxy: test',
    driver: r.proxy,
    host,
    files: files(r),
    config: r.proxy === 'haproxy' ? haproxyConfig(host, [r]) : nginxConfig(host, [r]),
    ...more
  })
/** Whether another process gets the proxy lock at once. */
const lockFree = () => spawnSync('flock', ['-n', `${fake.dir}/.lock`, 'true']).status === 0
const started = () => fake.calls().filter((c) => / -W -D | -e .* -c [^ ]*nginx.conf$/.test(c))

/** A host where the app's record, configuration and HAProxy already run (blue live, v1). */
function running() {
  seedLive(fake, { ...shop, live: 'blue' })
  expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
}

describe('a proxy that is not running (a fresh host, a reboot)', () => {
  test('HAProxy is started without the lock: the next commit gets the lock at once', () => {
    const first = fake.run(commit({ ...shop, live: undefined, releases: {} }))
    expect(first).toMatchObject({ code: 0, stdout: 'config=started\n' })
    expect(started()).toHaveLength(1)
    // The HAProxy it started runs on, and does not hold the lock.
    expect(lockFree()).toBe(true)
    const second = fake.run(commit(shop, { runtime: haproxyCommands.switch(shop, 'blue') }))
    expect(second.code).toBe(0)
    expect(second.ms).toBeLessThan(5000)
    expect(fake.answer('shop')).toEqual({ status: 200 })
  })

  test('HAProxy is started from its configuration (which names the pidfile), without -p', () => {
    fake.run(commit(shop))
    expect(started()).toEqual([`haproxy -W -D -f ${fake.dir}/haproxy/haproxy.cfg`])
  })

  test('nginx is started without the lock too', () => {
    const site: ProxyApp = { ...shop, proxy: 'nginx' }
    expect(fake.run(commit(site))).toMatchObject({ code: 0, stdout: 'config=started\n' })
    expect(started()).toEqual([
      `nginx -e ${fake.dir}/nginx/error.log -c ${fake.dir}/nginx/nginx.conf`
    ])
    expect(lockFree()).toBe(true)
    const again = fake.run(commit({ ...site, live: 'green' }))
    expect(again).toMatchObject({ code: 0, stdout: 'config=reloaded\n' })
    expect(again.ms).toBeLessThan(5000)
  })

  test('a stopped proxy is started even when its configuration is unchanged (after a reboot)', () => {
    running()
    // A reboot: the pid in the pidfile is no process any more.
    process.kill(Number(fake.read('haproxy/haproxy.pid')))
    fake.write('haproxy/haproxy.pid', `${spawnSync('true').pid}\n`)
    const after = fake.run(commit(shop))
    expect(after).toMatchObject({ code: 0, stdout: 'config=started\n' })
    expect(started()).toHaveLength(2)
    // Running and unchanged: nothing to do.
    expect(fake.run(commit(shop))).toMatchObject({ code: 0, stdout: 'config=unchanged\n' })
    expect(started()).toHaveLength(2)
  })

  test('an unprivileged user on port 80: the proxy own error and the two ways out', () => {
    fake.fault(
      'start-fails',
      '[NOTICE]   (7) : haproxy version is 3.0.11\n[ALERT]    (7) : Starting frontend gantry: cannot bind socket (Permission denied) [0.0.0.0:80]\n'
    )
    const r = fake.run(commit(shop))
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('cannot bind socket (Permission denied) [0.0.0.0:80]')
    expect(r.stderr).toContain('setcap cap_net_bind_service=+ep')
    expect(r.stderr).toContain('host.json')
    expect(lockFree()).toBe(true)
  })
})

describe('a commit to a running HAProxy', () => {
  test('records unchanged since read: files moved in, runtime commands run; else exit 75 and nothing changes', () => {
    running()
    const green: ProxyApp = { ...shop, live: 'green', releases: { blue: 'v1', green: 'v2' } }
    const stale = fake.run(
      commit(green, { recordsSum: '1 2', runtime: haproxyCommands.switch(green, 'green') })
    )
    expect(stale.code).toBe(75)
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'blue' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })

    const sum = spawnSync('sh', ['-c', `cat ${fake.dir}/apps/*.json | cksum | tr -d ' '`], {
      encoding: 'utf8'
    }).stdout.trim()
    const ok = fake.run(
      commit(green, { recordsSum: sum, runtime: haproxyCommands.switch(green, 'green') })
    )
    expect(ok).toMatchObject({ code: 0, stdout: 'config=unchanged\n' })
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'green' })
    expect(fake.read('haproxy/maps/shop.map')).toBe('blue v1\ngreen v2\n')
    expect([fake.server('shop/green'), fake.server('shop/blue')]).toEqual(['ready', 'drain'])
    // Saved for a restarted HAProxy (a reboot): the slots come back as they are now.
    expect(fake.read('haproxy/server-state')).toContain('shop/green ready')
    expect(fake.read('apps/shop.json.new')).toBeUndefined()
  })

  test('a configuration that does not validate: kept as .rejected, nothing moved, no runtime command', () => {
    running()
    fake.fault('check-fails', "[ALERT] parsing [haproxy.cfg:20]: unknown keyword 'frobnicate'\n")
    const added = { ...shop, route: { path: '/shop' }, live: 'green' as const }
    const r = fake.run(commit(added, { runtime: haproxyCommands.switch(added, 'green') }))
    expect(r.code).toBe(3)
    expect(r.stderr).toContain("unknown keyword 'frobnicate'")
    expect(fake.read('haproxy/haproxy.cfg.rejected')).toBeDefined()
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'blue' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
  })

  test('a move that fails (disk full): HAProxy is not switched, the records stay as they were', () => {
    running()
    fake.fault('mv-fails', 'apps/shop.json.new')
    const green: ProxyApp = { ...shop, live: 'green', releases: { blue: 'v1', green: 'v2' } }
    const r = fake.run(commit(green, { runtime: haproxyCommands.switch(green, 'green') }))
    expect(r.code).not.toBe(0)
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'blue' })
    expect(fake.read('haproxy/maps/shop.map')).toBe('blue v1\ngreen -\n')
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
    expect(fake.answer('shop')).toEqual({ status: 200, release: 'v1' })
  })

  test('HAProxy refuses or its admin socket is silent: the records stay as they were', () => {
    running()
    const green: ProxyApp = { ...shop, live: 'green', releases: { blue: 'v1', green: 'v2' } }
    fake.fault('socat-refuses', 'shop/blue state drain')
    const refused = fake.run(commit(green, { runtime: haproxyCommands.switch(green, 'green') }))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('HAProxy refused: No such server.')
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'blue' })
    expect(fake.read('haproxy/maps/shop.map')).toBe('blue v1\ngreen -\n')
    fake.clear('socat-refuses')
    fake.fault('socat-silent')
    const silent = fake.run(commit(green, { runtime: haproxyCommands.switch(green, 'green') }))
    expect(silent.code).toBe(1)
    expect(silent.stderr).toContain('cannot reach the HAProxy admin socket')
    expect(JSON.parse(fake.read('apps/shop.json')!)).toMatchObject({ live: 'blue' })
    expect(lockFree()).toBe(true)
  })

  test('a new route reloads HAProxy (servers state saved first) and waits for its new worker', () => {
    running()
    const routed = { ...shop, route: { path: '/shop' } }
    const r = fake.run(commit(routed))
    expect(r).toMatchObject({ code: 0, stdout: 'config=reloaded\n' })
    expect(fake.calls()).toContain('socat show servers state')
    expect(fake.read('haproxy/haproxy.cfg')).toContain('path_beg /shop/')
    expect(started()).toHaveLength(1)
  })
})
