// Where everything lives and which loopback addresses/ports it uses. One sandbox per machine:
// the addresses, ports and unix users below are fixed, only the state directory can move.
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

export const DEFAULT_STATE_DIR = '/tmp/gantry-sandbox'
export const stateDir = () => process.env.GANTRY_SANDBOX_DIR || DEFAULT_STATE_DIR

/** Source files shipped in the repo next to this module (demo app, Slack server). */
export const SOURCE_DIR = fileURLToPath(new URL('.', import.meta.url))

export const DEFAULT_HOSTS = 3
export const MAX_HOSTS = 99

export const REGISTRY_NO_AUTH = { name: 'registryNoAuth', address: '127.0.0.1', port: 5000 }
export const REGISTRY_AUTH = { name: 'registry', address: '127.0.0.1', port: 5001 }
export const REGISTRY_USER = 'gantry-ci'
export const SLACK = { address: '127.0.0.1', port: 5380 }
export const DEMO_REPOSITORY = 'demo-app'
export const DEMO_VERSIONS = ['v1', 'v2', 'broken']

/** Deploy host i (1-based): its own loopback address, sshd on 22, the app on 8080, its own user. */
export const HOST_APP_PORT = 8080
export function hostIdentity(i) {
  const nn = String(i).padStart(2, '0')
  return { index: i, name: `h${nn}`, user: `gantry${nn}`, address: `127.0.0.${10 + i}`, port: 22 }
}

/**
 * The swarm manager `hs1`: a deploy host like the others (own sshd, user, engine) at its own
 * address, whose engine is a single-node swarm. Its local pool (docker_gwbridge) and the swarm's
 * overlay pool (ingress) are loopback ranges, never the 172.x / 10.x defaults (testbed §7).
 */
export const SWARM_HOST = {
  index: 's1',
  name: 'hs1',
  user: 'gantrys1',
  address: '127.0.0.200',
  port: 22
}
export const SWARM_LOCAL_POOL = '127.79.0.0/16'
export const SWARM_OVERLAY_POOL = '127.80.0.0/16'

/**
 * The git server for `target: git`: its own sshd, host key and user (bare repositories in its
 * home), at an address of its own, like a real git host the deploy hosts reach over SSH.
 */
export const GIT_HOST = {
  index: 'git',
  name: 'git',
  user: 'gantrygit',
  address: '127.0.0.230',
  port: 22
}

/** The git demo app on every host: its directory and supervisord program (supervisor.js). */
export const GIT_APP = { name: 'blog', path: '~/gantry/blog' }

/** Written into each host user's GECOS field: how `down` recognises users the sandbox created. */
export const USER_COMMENT_PREFIX = 'gantry sandbox host'

/** Dead proxy: if an engine ever tries Docker Hub, it fails at once instead of leaving loopback. */
export const DOCKERD_PROXY_GUARD = {
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.0/8,localhost'
}

export function layout(dir = stateDir()) {
  return {
    dir,
    lock: join(dir, '.lock'),
    state: join(dir, 'state.json'),
    description: join(dir, 'sandbox.json'),
    runner: join(dir, 'runner'),
    registries: join(dir, 'registry'),
    slack: join(dir, 'slack'),
    images: join(dir, 'images'),
    ssh: join(dir, 'ssh'),
    hosts: join(dir, 'hosts'),
    swarm: join(dir, 'swarm'),
    git: join(dir, 'git'),
    composeFile: join(dir, 'demo', 'docker-compose.yml'),
    stackFile: join(dir, 'demo', 'stack.yml')
  }
}
