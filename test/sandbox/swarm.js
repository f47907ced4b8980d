// The swarm manager `hs1`: a deploy host like h01… (own address, sshd, host key, unix user and
// dockerd) whose engine is a single-node Docker swarm, for `ssh-deploy` with `target: swarm`.
// Loopback only (testbed §7): the engine's local pool (docker_gwbridge) and the swarm's overlay
// pool (ingress) are 127.x ranges, the swarm listens on the host's own address, and services use
// the host network (there is no routing mesh: no IPVS, and the ingress sandbox cannot start).
import { join } from 'node:path'
import { SWARM_HOST, SWARM_LOCAL_POOL, SWARM_OVERLAY_POOL } from './config.js'
import { engineIsOurs } from './engine.js'
import { describeHost, ensureHost, layoutOf, stopHost } from './hosts.js'
import { dockerApi } from './lib/net.js'
import { cleanEnv, run } from './lib/proc.js'

const GATEWAY_BRIDGE = 'docker_gwbridge'

export function swarmHostLayout(L) {
  return layoutOf(SWARM_HOST, L.swarm, { addressPool: SWARM_LOCAL_POOL })
}

/** The Debian client (it matches the 20.10 daemon), on this engine only, with its own config dir. */
function docker(h, args, options = {}) {
  const env = cleanEnv({
    DOCKER_HOST: h.engine.dockerHost,
    DOCKER_CONFIG: join(h.root, 'docker-cli')
  })
  return run('/usr/bin/docker', args, { env, timeoutMs: 60000, ...options })
}

/** `active` + manager, as `docker info` reports it; anything else is not ready. */
export async function swarmIsActive(h) {
  const info = await dockerApi(h.engine.socket, 'GET', '/info')
  return info?.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable === true
}

/** Brings the host up (engine + sshd, as any host), then makes its engine a swarm manager. */
export async function ensureSwarmHost(h, options) {
  await ensureHost(h, options)
  if (await swarmIsActive(h)) return
  const info = await dockerApi(h.engine.socket, 'GET', '/info')
  const state = info?.Swarm?.LocalNodeState
  if (state !== 'inactive')
    throw new Error(
      `${h.name}: the engine's swarm is "${state}" (expected inactive or an active manager); run \`npm run sandbox -- down\`, then up`
    )
  options.log(`${h.name}: initialising a single-node swarm on ${h.address}`)
  // Never a plain `swarm init`: its default pools are private ranges (10.0.0.0/8, 172.x).
  await docker(h, [
    'swarm',
    'init',
    '--advertise-addr',
    h.address,
    '--listen-addr',
    `${h.address}:2377`,
    '--data-path-addr',
    h.address,
    '--default-addr-pool',
    SWARM_OVERLAY_POOL,
    '--default-addr-pool-mask-length',
    '24'
  ])
}

/**
 * Leaves the swarm (its services and their containers go with it) and removes the gateway
 * bridge it created, then stops sshd and the engine like any host's. A bridge left by an engine
 * that died first is deleted when it carries our pool's address, never another engine's.
 */
export async function stopSwarmHost(h, pids) {
  if (await engineIsOurs(h.engine, pids[`${h.name}.dockerd`])) {
    await docker(h, ['swarm', 'leave', '--force'], { allowFail: true })
    await docker(h, ['network', 'rm', GATEWAY_BRIDGE], { allowFail: true })
  }
  await stopHost(h, pids)
  if (await ourGatewayBridge())
    await run('ip', ['link', 'delete', GATEWAY_BRIDGE], { allowFail: true })
}

/** True when docker_gwbridge exists with an address from the swarm host's loopback pool. */
export async function ourGatewayBridge() {
  const { code, stdout } = await run('ip', ['-o', '-4', 'addr', 'show', 'dev', GATEWAY_BRIDGE], {
    allowFail: true
  })
  const prefix = SWARM_LOCAL_POOL.split('.').slice(0, 2).join('.') + '.'
  return code === 0 && stdout.includes(` ${prefix}`)
}

/** The `swarm` entry of the description: the manager (same fields as a host) and the stack file. */
export async function describeSwarm(h, privateKeyPath, stackFile) {
  return { host: await describeHost(h, privateKeyPath), stackFile }
}
