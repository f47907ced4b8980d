/**
 * ssh-deploy's acceptance, through the real bundle, against the sandbox's real sshd hosts and
 * Docker engines: deploy, upgrade, automatic rollback, manual rollback, locks, host-key refusal,
 * a host dying mid-deploy, and hostile values that must run nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import { onHost as onHostAs, servedVersion } from '../harness/hosts.js'
import { HOSTILE_VALUES } from '../fixtures/hostile.js'
import { runAction, secretLeaks, type RunOptions, type RunResult } from '../harness/run-action.js'

const sandbox = readSandbox()
const hosts = sandbox.hosts.slice(0, 3)
const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
const workspace = mkdtempSync(join(tmpdir(), 'gantry-deploy-'))
copyFileSync(sandbox.composeFile, join(workspace, 'docker-compose.yml'))

const hostList = (list = hosts) => list.map((h) => `${h.user}@${h.address}`).join('\n')
const knownHosts = (list = hosts) => list.map((h) => h.knownHosts).join('\n')

function deploy(
  app: string,
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<RunResult> {
  return runAction('ssh-deploy', {
    cwd: workspace,
    timeoutMs: 170_000,
    ...options,
    inputs: {
      hosts: hostList(),
      key: KEY,
      'known-hosts': knownHosts(),
      app,
      'health-timeout': '40s',
      ...inputs
    }
  })
}

const versionOn = servedVersion

const onHost = (host: (typeof hosts)[number], script: string) => onHostAs(sandbox, host, script)

/** The exit code, with the step's log when it is not the one expected (so a failure explains itself). */
function expectExit(r: RunResult, code: number) {
  if (r.exitCode !== code)
    throw new Error(`exit code ${r.exitCode}, expected ${code}; log:\n${r.stdout}\n${r.stderr}`)
}

/** Every test app binds the host's APP_ADDR: nothing else may hold it. */
function clearHosts() {
  for (const h of hosts)
    onHost(h, 'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null')
}

function cleanApp(app: string) {
  for (const h of hosts) {
    onHost(
      h,
      `cd ~/gantry/${app}/current 2>/dev/null && docker-compose -p ${app} -f compose.yml down -t 1 >/dev/null 2>&1; rm -rf ~/gantry/${app}; true`
    )
  }
}

describe('a release lifecycle on three hosts', () => {
  const app = 'lifecycle'
  beforeAll(() => {
    clearHosts()
    cleanApp(app)
  })
  afterAll(() => cleanApp(app))

  test('v1 deploys to every host, which then answers v1', async () => {
    const r = await deploy(app, { env: `IMAGE=${sandbox.images.v1}` })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({
      version: 'v1',
      'previous-version': '',
      'rolled-back': 'false',
      'hosts-failed': '[]'
    })
    expect(JSON.parse(r.outputs['hosts-succeeded'] as string)).toHaveLength(3)
    for (const h of hosts) expect(await versionOn(h)).toBe('v1')
    expect(secretLeaks(r, [KEY.split('\n')[1] as string])).toEqual([])
  }, 180_000)

  test('v2 replaces it, given as image + version; the summary says v1 → v2', async () => {
    const [repository, tag] = [
      sandbox.images.v2.slice(0, sandbox.images.v2.lastIndexOf(':')),
      sandbox.images.v2.slice(sandbox.images.v2.lastIndexOf(':') + 1)
    ]
    const r = await deploy(app, { image: repository, version: tag, env: 'LOG_LEVEL=info' })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({ version: 'v2', 'previous-version': 'v1' })
    for (const h of hosts) expect(await versionOn(h)).toBe('v2')
    expect(onHost(hosts[0]!, `cat ~/gantry/${app}/current/.env`)).toBe(
      `LOG_LEVEL=info\nIMAGE=${repository}:${tag}\nIMAGE_TAG=${tag}\n`
    )
    expect(r.summary).toContain('| v1 → v2 |')
    expect(r.stdout).toMatch(/\[gantry01@127\.0\.0\.11\] ▸ pull/)
  }, 180_000)

  test('a broken release rolls back by itself on every host; the step fails and says so', async () => {
    const r = await deploy(app, { env: `IMAGE=${sandbox.images.broken}` })
    expectExit(r, 1)
    expect(r.outputs['rolled-back']).toBe('true')
    expect(JSON.parse(r.outputs['hosts-failed'] as string)).toHaveLength(3)
    for (const h of hosts) expect(await versionOn(h)).toBe('v2')
    expect(r.summary).toContain('rolled back')
    expect(
      r.annotations.filter((a) => a.level === 'error').map((a) => a.properties.title)
    ).toContain('ssh-deploy: gantry01@127.0.0.11 rolled back')
    // Why: the failing container's state, exit code and health, and its last log lines.
    expect(r.stdout).toMatch(
      /service app is unhealthy \(container of app running \(exit code 0, unhealthy\); last log lines: demo-app broken on 127\.0\.0\.1\d:8080 \(health: fail\)/
    )
  }, 180_000)

  test('rollback-to: previous brings v1 back; then the newest release of a version', async () => {
    const r = await deploy(app, { 'rollback-to': 'previous' })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({ version: 'v1', 'previous-version': 'v2' })
    for (const h of hosts) expect(await versionOn(h)).toBe('v1')
    const again = await deploy(app, { 'rollback-to': 'v2' })
    expect(again.outputs.version).toBe('v2')
    for (const h of hosts) expect(await versionOn(h)).toBe('v2')
  }, 180_000)

  test('keep-releases prunes old release directories', async () => {
    const r = await deploy(app, {
      env: `IMAGE=${sandbox.images.v1}`,
      'keep-releases': '2',
      hosts: hostList(hosts.slice(0, 1))
    })
    expectExit(r, 0)
    expect(readdirSync(join(hosts[0]!.home, 'gantry', app, 'releases'))).toHaveLength(2)
  }, 180_000)
})

describe('safety', () => {
  beforeAll(clearHosts)

  test('a host presenting another key is refused, and nothing ran there', async () => {
    const app = 'refused'
    const [a, b] = hosts
    const wrong = `${a!.address} ${b!.knownHosts.split(' ').slice(1).join(' ')}`
    const r = await deploy(app, {
      hosts: hostList([a!]),
      'known-hosts': wrong,
      env: `IMAGE=${sandbox.images.v1}`
    })
    expectExit(r, 1)
    expect(r.annotations[0]?.message).toContain(
      `gantry01@127.0.0.11: Host key verification failed for gantry01@127.0.0.11: the key it presented (${a!.fingerprint}) does not match`
    )
    expect(existsSync(join(a!.home, 'gantry', app))).toBe(false)
  }, 60_000)

  test('hostile values in every input reach the host as data and run nothing', async () => {
    const app = 'hostile'
    const marker = '/tmp/gantry-pwned'
    rmSync(marker, { force: true })
    const host = hosts[0]!
    const env = [
      `IMAGE=${sandbox.images.v1}`,
      ...HOSTILE_VALUES.filter((x) => !/[\r\n]/.test(x)).map((x, i) => `HOSTILE_${i}=${x}`)
    ].join('\n')
    const r = await deploy(app, {
      hosts: hostList([host]),
      env,
      version: '$(touch /tmp/gantry-pwned)',
      path: `~/gantry/${app}/$(touch /tmp/gantry-pwned) '"; x`,
      'health-url': `${host.appUrl}/health?x=$(touch%20/tmp/gantry-pwned)&y=\`id\``,
      registry: sandbox.registry.url,
      'registry-username': sandbox.registry.username,
      'registry-password': sandbox.registry.password
    })
    expectExit(r, 0)
    expect(existsSync(marker)).toBe(false)
    const dir = join(host.home, 'gantry', app, `$(touch /tmp/gantry-pwned) '"; x`)
    const current = readFileSync(join(dir, 'current', '.env'), 'utf8')
    // The runner trims an input's ends (so the last value loses its trailing spaces); the rest is verbatim.
    expect(current).toBe(env.trimEnd() + '\n')
    expect(secretLeaks(r, [sandbox.registry.password])).toEqual([])
    onHost(
      host,
      `cd ~/gantry/${app}/*/current && docker-compose -p ${app} -f compose.yml down -t 1 >/dev/null 2>&1; rm -rf ~/gantry/${app}`
    )
  }, 120_000)
})

describe('locks, failures and reach', () => {
  beforeAll(clearHosts)

  test('two deploys to one host at once: the second waits for the lock; the end state is one coherent release', async () => {
    const app = 'locked'
    cleanApp(app)
    const host = hosts[0]!
    const one = deploy(app, { hosts: hostList([host]), env: `IMAGE=${sandbox.images.v1}` })
    const two = deploy(app, { hosts: hostList([host]), env: `IMAGE=${sandbox.images.v2}` })
    const [a, b] = await Promise.all([one, two])
    expectExit(a, 0)
    expectExit(b, 0)
    const waited = [a, b].filter((r) => r.stdout.includes('waiting for the deploy lock, held by'))
    expect(waited).toHaveLength(1)
    const served = await versionOn(host)
    const current = JSON.parse(
      readFileSync(join(host.home, 'gantry', app, 'current', 'release.json'), 'utf8')
    ) as { version: string }
    expect(served).toBe(current.version)
    expect(existsSync(join(host.home, 'gantry', app, '.lock'))).toBe(false)
    cleanApp(app)
  }, 180_000)

  test('a lock held too long times out naming its holder; a stale one is broken', async () => {
    const app = 'held'
    cleanApp(app)
    const host = hosts[1]!
    const owner = JSON.stringify({
      token: 'other',
      actor: 'mona',
      version: '9.9.9',
      runUrl: 'https://github.com/acme/shop/actions/runs/1'
    })
    onHost(
      host,
      `mkdir -p ~/gantry/${app}/.lock && date +%s > ~/gantry/${app}/.lock/since && printf '%s' '${owner}' > ~/gantry/${app}/.lock/owner.json`
    )
    const r = await deploy(app, {
      hosts: hostList([host]),
      env: `IMAGE=${sandbox.images.v1}`,
      'lock-timeout': '2s'
    })
    expectExit(r, 1)
    expect(r.annotations[0]?.message).toMatch(
      /Timed out after 2s waiting for the deploy lock, held by mona deploying 9\.9\.9 \(https:\/\/github\.com\/acme\/shop\/actions\/runs\/1\), locked \d+s ago/
    )
    onHost(host, `echo 1000 > ~/gantry/${app}/.lock/since`)
    const stale = await deploy(app, {
      hosts: hostList([host]),
      env: `IMAGE=${sandbox.images.v1}`,
      'lock-timeout': '2s'
    })
    expectExit(stale, 0)
    expect(stale.stdout).toContain('breaking a stale lock: mona deploying 9.9.9')
    cleanApp(app)
  }, 120_000)

  test('a host whose sshd dies mid-deploy fails clearly; the others deploy', async () => {
    const app = 'dropped'
    cleanApp(app)
    const victim = hosts[1]!
    const run = deploy(app, { env: `IMAGE=${sandbox.images.v1}`, 'pre-deploy': 'sleep 4' })
    await new Promise((resolve) => setTimeout(resolve, 2000))
    // The listener and the session processes of that host: the connection drops mid-command.
    execFileSync('pkill', ['-f', `${victim.home.replace(/\/home$/, '')}/sshd_config`])
    execFileSync('pkill', ['-u', victim.user])
    const r = await run
    execFileSync('node', ['test/sandbox/cli.js', 'up'], { stdio: 'ignore' })
    expectExit(r, 1)
    expect(JSON.parse(r.outputs['hosts-failed'] as string)).toEqual([
      `${victim.user}@${victim.address}`
    ])
    expect(JSON.parse(r.outputs['hosts-succeeded'] as string)).toHaveLength(2)
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(`^${victim.user}@${victim.address}: (Connection to .* lost|pre-deploy failed)`)
    )
    for (const h of [hosts[0]!, hosts[2]!]) expect(await versionOn(h)).toBe('v1')
    cleanApp(app)
  }, 180_000)

  test('proxy-jump: a host reached through a bastion, both verified', async () => {
    const app = 'jumped'
    cleanApp(app)
    const [bastion, target] = [hosts[0]!, hosts[2]!]
    const r = await deploy(app, {
      hosts: hostList([target]),
      'proxy-jump': `${bastion.user}@${bastion.address}`,
      'known-hosts': knownHosts([bastion, target]),
      env: `IMAGE=${sandbox.images.v2}`
    })
    expectExit(r, 0)
    expect(await versionOn(target)).toBe('v2')
    const wrong = await deploy(app, {
      hosts: hostList([target]),
      'proxy-jump': `${bastion.user}@${bastion.address}`,
      'known-hosts': knownHosts([target]),
      env: `IMAGE=${sandbox.images.v2}`
    })
    expectExit(wrong, 1)
    expect(wrong.annotations[0]?.message).toContain(
      `Host key verification failed for ${bastion.user}@${bastion.address}`
    )
    cleanApp(app)
  }, 120_000)
})
