/**
 * A deploy host that loses power: its sshd, its Docker engine (with containerd and every
 * container) and every process of its user are SIGKILLed, as at a power cut, then the machine's
 * services come back (`sandbox up`: engine, sshd, proxies), as at boot. Gantry's promises after
 * it, checked on the real host: what serves is the release before or the newest healthy one
 * asked for, what the outputs name is what serves, the release before stays restorable, and the
 * lock the dead run left is broken once stale, never silently kept.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import { onHost as onHostAs, servedVersion } from '../harness/hosts.js'
import { runAction, type RunResult } from '../harness/run-action.js'

const sandbox = readSandbox()
const host = sandbox.hosts[2]!
const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
const app = 'rebooted'
const workspace = mkdtempSync(join(tmpdir(), 'gantry-reboot-'))
// The user's own compose file, as most have it: the app comes back when the engine does.
writeFileSync(
  join(workspace, 'docker-compose.yml'),
  readFileSync(sandbox.composeFile, 'utf8').replace("restart: 'no'", 'restart: unless-stopped')
)

const onHost = (script: string) => onHostAs(sandbox, host, script)

function deploy(inputs: Record<string, string>): Promise<RunResult> {
  return runAction('ssh-deploy', {
    cwd: workspace,
    timeoutMs: 170_000,
    inputs: {
      hosts: `${host.user}@${host.address}`,
      key: KEY,
      'known-hosts': host.knownHosts,
      app,
      'health-timeout': '40s',
      ...inputs
    }
  })
}

function expectExit(r: RunResult, code: number) {
  if (r.exitCode !== code)
    throw new Error(`exit code ${r.exitCode}, expected ${code}; log:\n${r.stdout}\n${r.stderr}`)
}

const pkill = (...args: string[]) => {
  try {
    execFileSync('pkill', args)
  } catch {
    // nothing matched: already gone
  }
}

/** Power off: nothing gets to clean up. */
function powerCut() {
  const engineRoot = dirname(host.dockerHost.replace(/^unix:\/\//, ''))
  // The containers' own processes outlive a killed shim (they are reparented): kill them too.
  const containers = onHost('docker ps -q | xargs -r docker inspect -f "{{.State.Pid}}"')
    .split('\n')
    .filter(Boolean)
  pkill('-KILL', '-f', `${host.home.replace(/\/home$/, '')}/sshd_config`)
  pkill('-KILL', '-u', host.user)
  const dockerd = Number(readFileSync(join(engineRoot, 'docker.pid'), 'utf8').trim())
  process.kill(dockerd, 'SIGKILL')
  // containerd and the shims live under the engine's exec root: with them go the containers.
  pkill('-KILL', '-f', join(engineRoot, 'exec'))
  for (const pid of containers) {
    try {
      process.kill(Number(pid), 'SIGKILL')
    } catch {
      // gone with its shim
    }
  }
}

/**
 * Boot: the machine's services start again (engine, sshd, the proxies); a service that fails to
 * start is started once more, as systemd's `Restart=` would.
 */
function boot() {
  const up = () => spawnSync('node', ['test/sandbox/cli.js', 'up'], { encoding: 'utf8' })
  let r = up()
  if (r.status !== 0) {
    console.warn(`sandbox up failed once, again:\n${r.stderr.slice(-2000)}`)
    r = up()
  }
  if (r.status !== 0)
    throw new Error(
      `sandbox up failed (${r.status}):\n${r.stderr.slice(-3000)}${r.stdout.slice(-1000)}`
    )
}

function cleanApp() {
  onHost(
    `cd ~/gantry/${app}/current 2>/dev/null && docker-compose -p ${app} -f compose.yml down -t 1 >/dev/null 2>&1; rm -rf ~/gantry/${app}; true`
  )
}

const releasesOnHost = () => readdirSync(join(host.home, 'gantry', app, 'releases'))

describe('a host that reboots (power cut, then boot), compose recreate', () => {
  beforeAll(() => {
    onHost('ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null')
    cleanApp()
  })
  afterAll(() => {
    boot()
    cleanApp()
  })

  test('rebooted between two deploys: the release comes back with the engine; the next deploy and a rollback work', async () => {
    expectExit(await deploy({ env: `IMAGE=${sandbox.images.v1}` }), 0)
    expect(await servedVersion(host)).toBe('v1')
    powerCut()
    expect(await servedVersion(host)).toMatch(/^unreachable/)
    boot()
    await waitFor(async () => (await servedVersion(host)) === 'v1')
    const r = await deploy({ env: `IMAGE=${sandbox.images.v2}` })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({ version: 'v2', 'previous-version': 'v1' })
    expect(await servedVersion(host)).toBe('v2')
    const back = await deploy({ 'rollback-to': 'previous' })
    expectExit(back, 0)
    expect(back.outputs.version).toBe('v1')
    expect(await servedVersion(host)).toBe('v1')
  }, 400_000)

  test('power cut mid-deploy: after boot the release before serves, its files are kept, the dead run’s lock is broken once stale and the next deploy succeeds', async () => {
    const before = await servedVersion(host)
    expect(before).toBe('v1')
    const run = deploy({ env: `IMAGE=${sandbox.images.v2}`, 'pre-deploy': 'sleep 6' })
    await waitFor(() => existsSync(join(host.home, 'gantry', app, '.lock')))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    powerCut()
    const cut = await run
    expectExit(cut, 1)
    // What the run reports is what serves afterwards: it did not claim v2.
    expect(cut.outputs.version ?? '').not.toBe('v2')
    boot()
    await waitFor(async () => (await servedVersion(host)) === 'v1')
    const current = JSON.parse(
      readFileSync(join(host.home, 'gantry', app, 'current', 'release.json'), 'utf8')
    ) as { version: string }
    expect(current.version).toBe('v1')
    expect(releasesOnHost().some((r) => r.includes('v1'))).toBe(true)
    // The dead run could not unlock: its lock is there, and is waited for, then broken as stale.
    expect(existsSync(join(host.home, 'gantry', app, '.lock'))).toBe(true)
    const next = await deploy({
      env: `IMAGE=${sandbox.images.v2}`,
      'lock-timeout': '20s',
      'lock-stale-after': '5s'
    })
    expectExit(next, 0)
    expect(next.stdout).toContain('breaking a stale lock')
    expect(next.outputs).toMatchObject({ version: 'v2', 'previous-version': 'v1' })
    expect(await servedVersion(host)).toBe('v2')
    expect(existsSync(join(host.home, 'gantry', app, '.lock'))).toBe(false)
  }, 400_000)
})

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms: ${check.toString()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
