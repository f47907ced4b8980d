/**
 * ssh-deploy with `target: swarm`, through the real bundle, against the sandbox's swarm manager
 * `hs1` (a single-node swarm on loopback pools, host networking): a rolling update v1 → v2,
 * `rollback-to: previous` (docker service rollback) and a kept version, a broken image the swarm
 * rolls back by itself, host-key refusal, and hostile env values that must run nothing.
 * The stack file below keeps the swarm's monitor periods short so the file stays well under 3 min.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import { HOSTILE_VALUES } from '../fixtures/hostile.js'
import { runAction, secretLeaks, type RunResult } from '../harness/run-action.js'

const sandbox = readSandbox()
if (!sandbox.swarm)
  throw new Error(
    'The sandbox has no swarm manager (sandbox.json without `swarm`): run `npm run sandbox -- up` from this checkout.'
  )
const manager = sandbox.swarm.host
const KEY = readFileSync(manager.privateKeyPath, 'utf8')
const workspace = mkdtempSync(join(tmpdir(), 'gantry-swarm-'))
const STACKS = ['swarmlife', 'hostile']

// One replica on the host network (no routing mesh here), hence stop-first. failure_action:
// rollback lets the swarm undo a bad update; short monitor periods keep the test fast.
writeFileSync(
  join(workspace, 'stack.yml'),
  `version: '3.8'
services:
  web:
    image: \${IMAGE}
    environment:
      APP_ADDR: \${APP_ADDR}
      GREETING: \${GREETING:-hello}
    networks: [hostnet]
    healthcheck:
      test: ['CMD-SHELL', 'wget -q -O /dev/null "http://$$APP_ADDR/health" || exit 1']
      interval: 1s
      timeout: 1s
      retries: 2
      start_period: 1s
    stop_grace_period: 2s
    deploy:
      replicas: 1
      update_config: { parallelism: 1, order: stop-first, failure_action: rollback, monitor: 3s }
      rollback_config: { parallelism: 1, order: stop-first, monitor: 3s }
      restart_policy: { condition: any, delay: 1s }
networks:
  hostnet: { external: true, name: host }
`
)

function deploy(app: string, inputs: Record<string, string>): Promise<RunResult> {
  return runAction('ssh-deploy', {
    cwd: workspace,
    timeoutMs: 110_000,
    inputs: {
      hosts: `${manager.user}@${manager.address}`,
      key: KEY,
      'known-hosts': manager.knownHosts,
      app,
      target: 'swarm',
      'compose-file': 'stack.yml',
      'health-timeout': '60s',
      ...inputs
    }
  })
}

/** Runs a command on the manager as its user, against its engine. */
function onManager(script: string): string {
  return execFileSync(
    'ssh',
    [
      '-i',
      manager.privateKeyPath,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${manager.knownHostsFile}`,
      `${manager.user}@${manager.address}`,
      script
    ],
    { encoding: 'utf8' }
  )
}

async function served(url = manager.appUrl): Promise<string> {
  try {
    const res = await fetch(`${url}/version`, { signal: AbortSignal.timeout(3000) })
    return (await res.text()).trim()
  } catch (error) {
    return `unreachable (${(error as Error).message})`
  }
}

function expectExit(r: RunResult, code: number) {
  if (r.exitCode !== code)
    throw new Error(`exit code ${r.exitCode}, expected ${code}; log:\n${r.stdout}\n${r.stderr}`)
}

/**
 * Removes every stack on the manager and waits for the containers to go: the app port is shared,
 * and this file takes the manager for itself (as ssh-deploy.test.ts clears its hosts).
 */
function removeStacks() {
  onManager(
    `stacks=$(docker stack ls --format '{{.Name}}'); ` +
      `if [ -n "$stacks" ]; then docker stack rm $stacks >/dev/null; fi; ` +
      `for i in $(seq 1 60); do [ -z "$(docker ps -aq)" ] && break; sleep 0.5; done; ` +
      `rm -rf ${STACKS.map((s) => `~/gantry/${s}`).join(' ')} ~/gantry/refused; true`
  )
}

beforeAll(removeStacks, 60_000)
afterAll(removeStacks, 60_000)

describe("the sandbox's swarm manager", () => {
  test('is an active manager whose networks use loopback pools only (testbed §7)', () => {
    const [state, ...networks] = onManager(
      `docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' && ` +
        `docker network inspect --format '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{end}}' $(docker network ls -q)`
    )
      .trim()
      .split('\n')
    expect(state).toBe('active true')
    const subnets = networks.flatMap((line) => line.trim().split(' ').slice(1))
    expect(networks.map((line) => line.split(' ')[0]).sort()).toEqual(
      expect.arrayContaining(['host', 'ingress'])
    )
    expect(subnets.length).toBeGreaterThan(0)
    for (const subnet of subnets) expect(subnet).toMatch(/^127\./)
  }, 30_000)
})

describe('a stack through the swarm manager', () => {
  const app = 'swarmlife'
  const images = sandbox.registry.images // the registry with basic auth: login through stdin
  const login = {
    registry: sandbox.registry.url,
    'registry-username': sandbox.registry.username,
    'registry-password': sandbox.registry.password
  }

  test('v1 creates the stack and serves v1', async () => {
    const r = await deploy(app, { env: `IMAGE=${images.v1}`, ...login })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({
      version: 'v1',
      'previous-version': '',
      'rolled-back': 'false',
      'hosts-succeeded': JSON.stringify([`${manager.user}@${manager.address}`])
    })
    expect(await served()).toBe('v1')
    expect(r.summary).toContain(`| <code>swarmlife_web</code> | 1/1 | ${images.v1} | created |`)
    expect(secretLeaks(r, [sandbox.registry.password, KEY.split('\n')[1] as string])).toEqual([])
  }, 120_000)

  test('v2 rolls out by the swarm and completes; the summary shows v1 → v2 per service', async () => {
    const r = await deploy(app, { env: `IMAGE=${images.v2}`, ...login })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({ version: 'v2', 'previous-version': 'v1' })
    expect(await served()).toBe('v2')
    expect(r.stdout).toContain(`swarmlife_web updating`)
    expect(r.summary).toContain(
      `| <code>swarmlife_web</code> | 1/1 | ${images.v1} → ${images.v2} | completed |`
    )
    expect(
      onManager(`docker service inspect --format '{{.UpdateStatus.State}}' swarmlife_web`)
    ).toBe('completed\n')
  }, 120_000)

  test('rollback-to: previous runs docker service rollback and serves v1; a kept version deploys again', async () => {
    const back = await deploy(app, { 'rollback-to': 'previous' })
    expectExit(back, 0)
    expect(back.outputs).toMatchObject({ version: 'v1', 'previous-version': 'v2' })
    expect(back.stdout).toContain('▸ service rollback swarmlife_web')
    expect(await served()).toBe('v1')
    expect(back.summary).toContain(
      `| <code>swarmlife_web</code> | 1/1 | ${images.v2} → ${images.v1} | rolled back |`
    )

    const again = await deploy(app, { 'rollback-to': 'v2' })
    expectExit(again, 0)
    expect(again.outputs).toMatchObject({ version: 'v2', 'previous-version': 'v1' })
    expect(again.stdout).toMatch(/↩ deploying the kept release v2 \(\S+-v2-[0-9a-f]{4}\) again/)
    expect(await served()).toBe('v2')
  }, 120_000)

  test('broken: the swarm rolls back by itself; the step fails naming the service and the tasks', async () => {
    const r = await deploy(app, { env: `IMAGE=${images.broken}`, ...login })
    expectExit(r, 1)
    expect(r.outputs).toMatchObject({
      version: 'v2',
      'previous-version': 'v2',
      'rolled-back': 'true',
      'hosts-failed': JSON.stringify([`${manager.user}@${manager.address}`])
    })
    expect(await served()).toBe('v2')
    const error = r.annotations.find((a) => a.level === 'error' && a.properties.title)
    expect(error?.properties.title).toBe(
      `ssh-deploy: stack swarmlife on ${manager.user}@${manager.address} rolled back by the swarm`
    )
    expect(error?.message).toMatch(
      new RegExp(
        `broken failed and the swarm rolled it back: swarmlife_web rolled back by swarm 1/1 \\(${images.v2} → ${images.broken} ↩ ${images.v2}\\): ` +
          // The swarm's reason shows when a poll caught the rollback under way (it takes seconds).
          `(update rolled back due to failure or early termination of task [a-z0-9]{25}; )?rollback completed, ` +
          `task swarmlife_web\\.1 [a-z0-9]{12} \\(${images.broken}\\) `
      )
    )
    expect(r.annotations.at(-1)?.message).toBe(
      'Stack swarmlife did not deploy broken: the swarm rolled it back.'
    )
    expect(r.summary).toContain('rolled back by swarm')
    // The swarm's rollback left no previous spec: rollback-to previous says so and changes nothing.
    const previous = await deploy(app, { 'rollback-to': 'previous' })
    expectExit(previous, 1)
    expect(previous.annotations[0]?.message).toContain(
      'Cannot roll back: the swarm has no previous spec for swarmlife_web'
    )
    expect(await served()).toBe('v2')
  }, 150_000)
})

describe('safety', () => {
  test('a manager presenting another key is refused, and nothing ran there', async () => {
    const impostor = `${manager.address} ${sandbox.hosts[0]!.knownHosts.split(' ').slice(1).join(' ')}`
    const r = await deploy('refused', {
      'known-hosts': impostor,
      env: `IMAGE=${sandbox.images.v1}`
    })
    expectExit(r, 1)
    expect(r.annotations[0]?.message).toContain(
      `${manager.user}@${manager.address}: Host key verification failed for ${manager.user}@${manager.address}: the key it presented (${manager.fingerprint}) does not match`
    )
    expect(existsSync(join(manager.home, 'gantry', 'refused'))).toBe(false)
  }, 60_000)

  test('hostile env values reach the stack as data and run nothing', async () => {
    const marker = '/tmp/gantry-pwned'
    rmSync(marker, { force: true })
    const greeting = `$(touch ${marker}) \`touch ${marker}\` '"; touch ${marker}; $HOME`
    const addr = `${manager.address}:8081` // beside the lifecycle stack's port
    const env = [
      `IMAGE=${sandbox.images.v1}`,
      `APP_ADDR=${addr}`,
      `GREETING=${greeting}`,
      ...HOSTILE_VALUES.filter((x) => !/[\r\n]/.test(x)).map((x, i) => `HOSTILE_${i}=${x}`)
    ].join('\n')
    const path = `~/gantry/hostile/$(touch ${marker}) '"; x`
    const r = await deploy('hostile', { env, path, version: `$(touch ${marker})` })
    expectExit(r, 0)
    expect(existsSync(marker)).toBe(false)
    expect(await served(`http://${addr}`)).toBe('v1')
    const serviceEnv = JSON.parse(
      onManager(
        `docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Env}}' hostile_web`
      )
    ) as string[]
    expect(serviceEnv.sort()).toEqual([`APP_ADDR=${addr}`, `GREETING=${greeting}`])
    const dir = join(manager.home, 'gantry', 'hostile', `$(touch ${marker}) '"; x`)
    expect(readFileSync(join(dir, 'current', '.env'), 'utf8')).toBe(env.trimEnd() + '\n')
  }, 120_000)
})
