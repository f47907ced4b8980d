/**
 * `ssh-deploy` with `strategy: blue-green`, through the real bundle, against a sandbox host's real
 * sshd, Docker engine and proxies (Debian's HAProxy 2.6 and nginx 1.22, run as the host's user):
 * the acceptance 1–6 under a bounded loopback load (16 keep-alive clients, GET and POST).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import { onHost } from '../harness/hosts.js'
import { startLoad, type LoadReport, type LoadSample } from '../harness/load.js'
import { ROOT, runAction, type RunResult } from '../harness/run-action.js'

const sandbox = readSandbox()
const host = sandbox.hosts[0]!
const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
const workspace = mkdtempSync(join(tmpdir(), 'gantry-blue-green-'))
copyFileSync(
  join(import.meta.dirname, '../sandbox/demo-app/docker-compose.blue-green.yml'),
  join(workspace, 'docker-compose.yml')
)
const APPS = ['bg', 'bgone', 'bgtwo', 'bgnginx']

function deploy(inputs: Record<string, string>, on = host): Promise<RunResult> {
  return runAction('ssh-deploy', {
    cwd: workspace,
    timeoutMs: 170_000,
    inputs: {
      hosts: `${on.user}@${on.address}`,
      key: KEY,
      'known-hosts': on.knownHosts,
      app: 'bg',
      strategy: 'blue-green',
      'health-timeout': '30s',
      'drain-timeout': '10s',
      ...inputs
    }
  })
}

const release = (version: 'v1' | 'v2' | 'broken') => ({ env: `IMAGE=${sandbox.images[version]}` })

function expectExit(r: RunResult, code: number) {
  if (r.exitCode !== code)
    throw new Error(`exit code ${r.exitCode}, expected ${code}; log:\n${r.stdout}\n${r.stderr}`)
}

/**
 * What the proxy answers at /version, with the header naming the release. node:http, since fetch
 * cannot set Host; a connection per call, as a browser opens one per origin (host name).
 */
function through(url = host.proxyUrl, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; release: string | null }>(
    (resolve, reject) => {
      const req = http.get(`${url}/version`, { headers, timeout: 3000, agent: false }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (body += d))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: body.trim(),
            release: (res.headers['x-gantry-release'] as string | undefined) ?? null
          })
        )
      })
      req.on('timeout', () => req.destroy(new Error('no answer within 3 s')))
      req.on('error', reject)
    }
  )
}

/** Requests that failed (socket error, timeout, non-2xx), described for a failure message. */
const failures = (r: LoadReport) =>
  r.samples
    .filter((s) => s.status < 200 || s.status > 299)
    .map((s) => `${s.method} ${s.error ?? s.status} at ${Math.round(s.start)} ms`)

function cleanApps(apps = APPS, on = host) {
  const dirs = apps.map((a) => `~/gantry/${a}`).join(' ')
  const projects = apps.flatMap((a) => [a, `${a}-blue`, `${a}-green`])
  onHost(
    sandbox,
    on,
    `for p in ${projects.join(' ')}; do ids=$(docker ps -aq --filter label=com.docker.compose.project=$p); [ -z "$ids" ] || docker rm -f $ids >/dev/null; done; ` +
      `rm -rf ${dirs}; for a in ${apps.join(' ')}; do rm -f ~/gantry-proxy/apps/$a.json ~/gantry-proxy/haproxy/maps/$a.map; done; true`
  )
}

beforeAll(() => cleanApps())
afterAll(() => {
  cleanApps()
  rmSync(workspace, { recursive: true, force: true })
})

describe('blue-green behind HAProxy', () => {
  test('first deploy: v1 in slot blue, served through the proxy with its release header', async () => {
    const r = await deploy(release('v1'))
    expectExit(r, 0)
    expect(r.stdout).toMatch(/into slot blue \(port 2\d{4}\)/)
    expect(await through()).toEqual({ status: 200, body: 'v1', release: 'v1' })
    expect(r.outputs['hosts-succeeded']).toBe(JSON.stringify([`${host.user}@${host.address}`]))
  }, 120_000)

  test('acceptance 1: five deploys v1 → v2 → v1 … under load: 0 failed requests, the new version after each switch', async () => {
    const load = startLoad({ url: host.proxyUrl, clients: 16, paceMs: 40, maxMs: 150_000 })
    const deploys: { version: string; end: number; settled: number }[] = []
    try {
      for (const version of ['v2', 'v1', 'v2', 'v1', 'v2'] as const) {
        const r = await deploy(release(version))
        expectExit(r, 0)
        const end = load.elapsed()
        await new Promise((resolve) => setTimeout(resolve, 1500)) // the load runs on the new version
        deploys.push({ version, end, settled: load.elapsed() })
      }
    } finally {
      await load.stop()
    }
    const report = await load.done
    expect(failures(report)).toEqual([])
    expect(report.requests).toBeGreaterThan(1000)
    expect(report.get).toBeGreaterThan(0)
    expect(report.post).toBeGreaterThan(0)
    // Between the end of one deploy and the start of the next, only that deploy's version answers.
    deploys.forEach(({ version, end, settled }, i) => {
      const window = report.samples.filter((s: LoadSample) => s.start > end && s.end < settled)
      expect(window.length).toBeGreaterThan(50)
      const others = window.filter(
        (s) => s.release !== version || (s.method === 'GET' && s.body !== version)
      )
      expect({ deploy: i + 1, version, others: others.length }).toEqual({
        deploy: i + 1,
        version,
        others: 0
      })
    })
  }, 600_000)

  test('acceptance 2: a request that takes 5 s, in flight during the switch, completes with 200', async () => {
    const before = (await through()).body
    const slow = fetch(`${host.proxyUrl}/cgi-bin/slow`, {
      signal: AbortSignal.timeout(20_000)
    }).then(async (res) => ({ status: res.status, body: (await res.text()).trim() }))
    await new Promise((r) => setTimeout(r, 300)) // it is in flight on the old slot
    const r = await deploy(release(before === 'v1' ? 'v2' : 'v1'))
    expectExit(r, 0)
    expect(await slow).toEqual({ status: 200, body: `slow ${before}` })
  }, 120_000)

  test('acceptance 3: broken never receives a request; the step fails with the exit code and log; the old version serves throughout', async () => {
    const serving = (await through()).body
    const load = startLoad({ url: host.proxyUrl, clients: 16, paceMs: 40, maxMs: 90_000 })
    let r: RunResult
    try {
      r = await deploy(release('broken'))
    } finally {
      await load.stop()
    }
    const report = await load.done
    expectExit(r, 1)
    expect(r.stdout).toMatch(
      /container of app running \(exit code 0, unhealthy\); last log lines: demo-app broken/
    )
    expect(r.outputs['rolled-back']).toBe('true')
    expect(failures(report)).toEqual([])
    expect(report.byRelease).toEqual({ [serving]: report.requests })
    expect(await through()).toMatchObject({ status: 200, body: serving })
  }, 120_000)

  test('acceptance 4: a post-deploy test failing on the public route sends traffic back at once; one failing on the preview route means no switch', async () => {
    const serving = (await through()).body
    const next = serving === 'v1' ? 'v2' : 'v1'
    // Passes on the preview route (where it checks the new slot answers), fails on the public one.
    const test = [
      'if [ "$GANTRY_TEST_PHASE" = public ]; then echo "checkout flow: expected 200, got 500"; exit 1; fi',
      'curl -fsS -H "$GANTRY_TEST_HEADER" "${GANTRY_TEST_URL}version" | grep -qx "$GANTRY_VERSION"'
    ].join('\n')
    const r = await deploy({ ...release(next), 'post-deploy-test': test })
    expectExit(r, 1)
    expect(r.stdout).toContain(
      'post-deploy-test failed on the public route (after the switch) (exit code 1): checkout flow: expected 200, got 500'
    )
    expect(r.stdout).toContain(`switched back to slot`)
    expect(await through()).toMatchObject({ status: 200, body: serving, release: serving })

    const load = startLoad({ url: host.proxyUrl, clients: 4, paceMs: 20, maxMs: 90_000 })
    let early: RunResult
    try {
      early = await deploy({
        ...release(next),
        'post-deploy-test': 'echo "smoke: 3 of 40 failed"; exit 2'
      })
    } finally {
      await load.stop()
    }
    expectExit(early, 1)
    expect(early.stdout).toContain(
      'post-deploy-test failed on the preview route (before the switch) (exit code 2): smoke: 3 of 40 failed'
    )
    const report = await load.done
    expect(report.byRelease).toEqual({ [serving]: report.requests })
    expect(failures(report)).toEqual([])
  }, 240_000)

  test('acceptance 5: proxy options that do not validate never go live; the old version keeps serving', async () => {
    const serving = await through()
    const r = await deploy({
      ...release(serving.body === 'v1' ? 'v2' : 'v1'),
      'proxy-options': 'frobnicate on'
    })
    expectExit(r, 1)
    expect(r.stdout).toContain('does not validate (haproxy -c)')
    expect(r.stdout).toMatch(/unknown keyword 'frobnicate'/)
    expect(await through()).toEqual(serving)
    // Nothing of the release started: no container in the idle slot.
    const projects = onHost(
      sandbox,
      host,
      `docker ps --format '{{.Label "com.docker.compose.project"}}'`
    )
    expect(projects.split('\n').filter((p) => p === 'bg-blue' || p === 'bg-green')).toHaveLength(1)
  }, 120_000)

  test('rollback-to previous: the kept release starts in the idle slot and the same switch brings it back', async () => {
    const serving = (await through()).body
    const r = await deploy({ 'rollback-to': 'previous' })
    expectExit(r, 0)
    const now = await through()
    expect(now.status).toBe(200)
    expect(now.body).not.toBe(serving)
    expect(now.release).toBe(now.body)
    expect(r.stdout).toMatch(/into slot (blue|green)/)
  }, 120_000)

  test('acceptance 6: two apps on one host, each blue-green, each at its own route; one deploy leaves the other alone', async () => {
    const one = (v: 'v1' | 'v2') =>
      deploy({ ...release(v), app: 'bgone', 'route-host': 'one.test' })
    const two = (v: 'v1' | 'v2') =>
      deploy({ ...release(v), app: 'bgtwo', 'route-host': 'two.test' })
    expectExit(await one('v1'), 0)
    expectExit(await two('v2'), 0)
    expect(await through(host.proxyUrl, { host: 'one.test' })).toMatchObject({
      body: 'v1',
      release: 'v1'
    })
    expect(await through(host.proxyUrl, { host: 'two.test' })).toMatchObject({
      body: 'v2',
      release: 'v2'
    })
    const load = startLoad({
      url: host.proxyUrl,
      headers: { host: 'two.test' },
      clients: 8,
      paceMs: 20,
      maxMs: 90_000
    })
    try {
      expectExit(await one('v2'), 0)
    } finally {
      await load.stop()
    }
    const report = await load.done
    expect(failures(report)).toEqual([])
    expect(report.byRelease).toEqual({ v2: report.requests })
    expect(await through(host.proxyUrl, { host: 'one.test' })).toMatchObject({
      body: 'v2',
      release: 'v2'
    })
  }, 240_000)
})

describe('blue-green behind nginx (the reload-based driver)', () => {
  test('deploys, switches and reports its release header; a configuration that does not validate (nginx -t) never goes live', async () => {
    const nginx = (inputs: Record<string, string>) =>
      deploy({ app: 'bgnginx', proxy: 'nginx', ...inputs })
    expectExit(await nginx(release('v1')), 0)
    expect(await through(host.nginxUrl)).toEqual({ status: 200, body: 'v1', release: 'v1' })
    expectExit(await nginx(release('v2')), 0)
    expect(await through(host.nginxUrl)).toEqual({ status: 200, body: 'v2', release: 'v2' })
    const bad = await nginx({ ...release('v1'), 'proxy-options': 'frobnicate on;' })
    expectExit(bad, 1)
    expect(bad.stdout).toContain('does not validate (nginx -t)')
    expect(await through(host.nginxUrl)).toEqual({ status: 200, body: 'v2', release: 'v2' })
  }, 240_000)
})

describe('a host whose proxies are not running and whose ~/gantry-proxy/ is gone (a fresh host, a reboot)', () => {
  // Another host than the tests above use, so their proxy state is not part of this one.
  const fresh = sandbox.hosts[1] ?? host
  const FRESH_APPS = ['bgfresh', 'bgfreshnginx']
  const SAVED = '~/gantry-proxy.saved-by-test'
  const on = (script: string) => onHost(sandbox, fresh, script)
  /** Ends the proxies running from ~/gantry-proxy/ (the sandbox's or those Gantry started), waited for. */
  const stop = (which: string[]) =>
    on(
      which
        .map(
          (p) =>
            `pid=$(cat ~/gantry-proxy/${p}/${p}.pid 2>/dev/null); if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; fi`
        )
        .join('; ') + '; true'
    )
  const timed = async (inputs: Record<string, string>) => {
    const started = Date.now()
    const r = await deploy(inputs, fresh)
    return { r, ms: Date.now() - started }
  }

  beforeAll(() => {
    cleanApps(FRESH_APPS, fresh)
    stop(['haproxy', 'nginx'])
    // Nothing but host.json, as the README has a new user write it.
    on(
      `mv ~/gantry-proxy ${SAVED} && mkdir ~/gantry-proxy && cp ${SAVED}/host.json ~/gantry-proxy/`
    )
  })
  afterAll(() => {
    cleanApps(FRESH_APPS, fresh)
    stop(['haproxy', 'nginx'])
    on(`rm -rf ~/gantry-proxy && mv ${SAVED} ~/gantry-proxy`)
    // The sandbox starts its own proxies again (they are not running).
    execFileSync(process.execPath, ['test/sandbox/cli.js', 'up'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 180_000
    })
  })

  test('HAProxy: the first deploy starts it and goes live at once; after a reboot (HAProxy stopped, its files kept) the next deploy starts it again', async () => {
    const first = await timed({ ...release('v1'), app: 'bgfresh' })
    expectExit(first.r, 0)
    expect(first.ms).toBeLessThan(40_000)
    expect(await through(fresh.proxyUrl)).toEqual({ status: 200, body: 'v1', release: 'v1' })

    stop(['haproxy'])
    const again = await timed({ ...release('v2'), app: 'bgfresh' })
    expectExit(again.r, 0)
    expect(again.ms).toBeLessThan(40_000)
    expect(await through(fresh.proxyUrl)).toEqual({ status: 200, body: 'v2', release: 'v2' })
  }, 240_000)

  test('nginx: the first deploy starts it and goes live at once', async () => {
    const first = await timed({ ...release('v1'), app: 'bgfreshnginx', proxy: 'nginx' })
    expectExit(first.r, 0)
    expect(first.ms).toBeLessThan(40_000)
    expect(await through(fresh.nginxUrl)).toEqual({ status: 200, body: 'v1', release: 'v1' })
    const next = await timed({ ...release('v2'), app: 'bgfreshnginx', proxy: 'nginx' })
    expectExit(next.r, 0)
    expect(next.ms).toBeLessThan(40_000)
    expect(await through(fresh.nginxUrl)).toEqual({ status: 200, body: 'v2', release: 'v2' })
  }, 240_000)
})
