// Debian packages the sandbox runs on. Installed on demand; `apt-get update` only when something
// is missing, so a warm `up` costs one dpkg-query.
import { cleanEnv, run } from './lib/proc.js'

export const PACKAGES = [
  'docker.io', // dockerd 20.10 + containerd + runc (+ tini as docker-init)
  'docker-compose', // compose v1 (1.29); bookworm has no v2
  'docker-registry', // distribution 2.8
  'busybox-static', // static /bin/busybox: the demo app's whole root filesystem
  'openssh-server', // sshd for the deploy hosts
  'openssh-client', // ssh / ssh-keygen
  'apache2-utils', // htpasswd -B (the registry only accepts bcrypt)
  'curl',
  'apprise', // apprise 1.2: a notification client nobody here wrote, to cross-check `notify`'s requests
  'git', // target: git: the sandbox's git server (git-shell) and the hosts' clients
  'supervisor', // target: git: the process supervisor on each host (supervisord per host user)
  'python3', // the git demo app (git-app/app.py, standard library only)
  'haproxy', // the blue-green proxy (runtime API switch); its own service is not started
  'nginx', // the reload-based blue-green driver
  'socat' // talks to HAProxy's admin socket
]

/** Only to build the Kubernetes binaries (k8s-build.js), and only when no cache has them yet. */
export const K8S_BUILD_PACKAGES = [
  'golang-go', // Go 1.19: compiles kube-apiserver and kube-controller-manager from Debian's source
  'rsync', // the kubernetes Makefile copies its output with it
  'make'
]

/** Packages from `names` that dpkg does not report as installed. */
export async function missingPackages(names = PACKAGES) {
  const { stdout } = await run(
    'dpkg-query',
    ['-W', '-f', '${Package}\t${db:Status-Status}\n', ...names],
    {
      allowFail: true // exits 1 when a package was never known to dpkg
    }
  )
  const installed = new Set(
    stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name)
  )
  return names.filter((name) => !installed.has(name))
}

/** Installs what is missing, or explains exactly what to do when it cannot. */
export async function ensurePackages(log, names = PACKAGES) {
  const missing = await missingPackages(names)
  if (missing.length === 0) return
  const manual = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`
  log(`installing Debian packages: ${missing.join(' ')}`)
  // Services shipped by these packages (dockerd, sshd, registry) must not start: on this machine
  // /usr/sbin/policy-rc.d (or invoke-rc.d's "no init system" default) blocks them.
  const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' })
  try {
    await run('apt-get', ['update', '-qq'], { env, timeoutMs: 300000 })
  } catch (err) {
    throw new Error(
      `apt-get update failed, is the Debian mirror reachable?\n  ${err.message}\n  Then run: ${manual}`
    )
  }
  try {
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env,
      timeoutMs: 600000
    })
  } catch (err) {
    throw new Error(`installing packages failed:\n  ${err.message}\n  Try by hand: ${manual}`)
  }
  const still = await missingPackages(names)
  if (still.length)
    throw new Error(`packages still missing after apt-get install: ${still.join(' ')}`)
  log('packages installed')
}
