// Builds kube-apiserver and kube-controller-manager from Debian bookworm's `kubernetes` source
// package (testbed §12), once per machine, into a cache outside the repository keyed by the source
// version; etcd comes from Debian's etcd-server .deb (the binary only, started by k8s.js). The
// apt calls use a private sources list and state under the cache, so the machine's own apt
// configuration is never changed. Run on its own (`npm run sandbox -- k8s-build`) to do the
// long compile outside the sandbox lock; `up` then finds the cache and only starts the daemons.
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { K8S_BUILD_PACKAGES } from './packages.js'
import { cleanEnv, isOurs, run } from './lib/proc.js'
import { sleep } from './lib/util.js'

export const CACHE_ROOT = () => process.env.GANTRY_SANDBOX_CACHE || '/var/cache/gantry-sandbox'
/** Bumped when the recipe changes, so an old cache is not taken for a new one. */
const RECIPE = 1
const SOURCE_PACKAGE = 'kubernetes'
const BINARIES = ['kube-apiserver', 'kube-controller-manager']

/** The machine's Debian mirror (first `URIs:` of debian.sources), else deb.debian.org. */
async function mirror() {
  const text = await readFile('/etc/apt/sources.list.d/debian.sources', 'utf8').catch(() => '')
  const uri = text.match(/^URIs:\s*(\S+)/m)?.[1]
  return uri && !uri.includes('security') ? uri : 'http://deb.debian.org/debian'
}

/** apt-get with a private sources list (deb + deb-src of bookworm) and private state. */
async function privateApt(cache) {
  const dir = join(cache, 'apt')
  const parts = join(dir, 'sources.list.d')
  await mkdir(join(dir, 'lists', 'partial'), { recursive: true })
  await mkdir(join(dir, 'cache', 'archives', 'partial'), { recursive: true })
  await mkdir(parts, { recursive: true })
  const uri = await mirror()
  const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg'
  await writeFile(
    join(dir, 'sources.list'),
    `deb [signed-by=${keyring}] ${uri} bookworm main\ndeb-src [signed-by=${keyring}] ${uri} bookworm main\n`
  )
  const opts = [
    '-o',
    `Dir::Etc::SourceList=${join(dir, 'sources.list')}`,
    '-o',
    `Dir::Etc::SourceParts=${parts}`,
    '-o',
    `Dir::State::Lists=${join(dir, 'lists')}`,
    '-o',
    `Dir::Cache=${join(dir, 'cache')}`,
    '-o',
    'Debug::NoLocking=1' // private lists: the system's apt lock is not ours to take
  ]
  const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' })
  const apt = (args, cwd) => run('apt-get', [...opts, ...args], { env, cwd, timeoutMs: 900000 })
  const policy = (name) => run('apt-cache', [...opts, 'showsrc', name], { env, allowFail: true })
  return { apt, policy }
}

async function sourceVersion(tools) {
  const { stdout } = await tools.policy(SOURCE_PACKAGE)
  const versions = [...stdout.matchAll(/^Version:\s*(\S+)/gm)].map((m) => m[1])
  if (!versions.length)
    throw new Error(`no ${SOURCE_PACKAGE} source package in Debian bookworm's deb-src index`)
  return versions[0]
}

/** Where the binaries of `version` live; `complete` exists only once all of them are in place. */
export function cacheLayout(version, root = CACHE_ROOT()) {
  const dir = join(root, `kubernetes-${version.replace(/[^A-Za-z0-9.+~-]/g, '_')}-r${RECIPE}`)
  return {
    dir,
    bin: join(dir, 'bin'),
    complete: join(dir, 'complete.json'),
    apiserver: join(dir, 'bin', 'kube-apiserver'),
    controllerManager: join(dir, 'bin', 'kube-controller-manager'),
    etcd: join(dir, 'bin', 'etcd')
  }
}

/** The newest complete cache, without touching the network (for `status` and a warm `up`). */
export async function findCached(root = CACHE_ROOT()) {
  const entries = await readdir(root).catch(() => [])
  for (const name of entries.sort().reverse()) {
    if (!name.startsWith('kubernetes-') || !name.endsWith(`-r${RECIPE}`)) continue
    const meta = await readFile(join(root, name, 'complete.json'), 'utf8').catch(() => null)
    if (meta) return { ...cacheLayout(JSON.parse(meta).version, root), meta: JSON.parse(meta) }
  }
  return null
}

/** Waits while another live process builds into the same root (the pid file names it). */
async function takeBuildLock(root, log) {
  const pidFile = join(root, 'build.pid')
  for (let waited = 0; ; waited++) {
    const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'))
    if (!pid || pid === process.pid || !(await isOurs(pid, 'node'))) break
    if (waited % 60 === 0) log(`another build (pid ${pid}) is running; waiting for it`)
    await sleep(1000)
  }
  await writeFile(pidFile, String(process.pid))
  return () => rm(pidFile, { force: true })
}

/**
 * Returns the cache layout with the three binaries, building them when no complete cache of the
 * current source version exists. `ensurePackages` installs the build packages (golang-go…).
 */
export async function ensureKubernetesBinaries({ log, ensurePackages }) {
  const root = CACHE_ROOT()
  const cached = await findCached(root)
  if (cached) return cached
  await mkdir(root, { recursive: true })
  const release = await takeBuildLock(root, log)
  try {
    const again = await findCached(root)
    if (again) return again
    await ensurePackages(K8S_BUILD_PACKAGES)
    const tools = await privateApt(root)
    log('kubernetes: fetching the deb-src index of bookworm (private apt state)')
    await tools.apt(['update', '-qq'])
    const version = await sourceVersion(tools)
    const L = cacheLayout(version, root)
    const work = join(root, 'build')
    await rm(work, { recursive: true, force: true })
    await mkdir(work, { recursive: true })
    log(`kubernetes: downloading source package ${SOURCE_PACKAGE} ${version}`)
    await tools.apt(['source', '--download-only', `${SOURCE_PACKAGE}=${version}`], work)
    await tools.apt(['download', 'golang-github-modern-go-reflect2-dev', 'etcd-server'], work)
    const files = await readdir(work)
    const orig = files.find((f) => f.endsWith('.orig.tar.gz'))
    if (!orig) throw new Error(`no .orig.tar.gz among ${files.join(', ')}`)
    await run('tar', ['xzf', orig], { cwd: work, timeoutMs: 600000 })
    const tree = (await readdir(work, { withFileTypes: true })).find(
      (e) => e.isDirectory() && e.name.startsWith('kubernetes-')
    )
    if (!tree) throw new Error(`${orig} did not unpack a kubernetes-* directory`)
    const src = join(work, tree.name)
    // Vendored reflect2 v1.0.1 makes the binaries segfault under Go >= 1.18: use Debian's 1.0.2.
    const r2 = join(work, 'r2')
    const r2deb = files.find((f) => f.startsWith('golang-github-modern-go-reflect2-dev_'))
    await run('dpkg-deb', ['-x', r2deb, r2], { cwd: work })
    const r2src = join(r2, 'usr/share/gocode/src/github.com/modern-go/reflect2')
    const vendored = join(src, 'vendor/github.com/modern-go/reflect2')
    await rm(vendored, { recursive: true, force: true })
    await mkdir(vendored, { recursive: true })
    for (const f of await readdir(r2src))
      if (f.endsWith('.go') || f.endsWith('.s')) await cp(join(r2src, f), join(vendored, f))
    log(
      `kubernetes: compiling ${BINARIES.join(', ')} (several minutes on 2 cores, once per machine)`
    )
    const started = Date.now()
    await run('make', [`WHAT=${BINARIES.map((b) => `cmd/${b}`).join(' ')}`], {
      cwd: src,
      env: cleanEnv({
        CGO_ENABLED: '0',
        GOCACHE: join(root, 'go-build'),
        GOFLAGS: '-mod=vendor',
        KUBE_VERBOSE: '0'
      }),
      timeoutMs: 60 * 60000
    })
    const seconds = Math.round((Date.now() - started) / 1000)
    await rm(L.dir, { recursive: true, force: true })
    await mkdir(L.bin, { recursive: true })
    const out = join(src, '_output', 'local', 'bin', 'linux', 'amd64')
    const outDir = existsSync(out) ? out : join(src, '_output', 'bin')
    for (const b of BINARIES) await cp(join(outDir, b), join(L.bin, b))
    const etcdDeb = files.find((f) => f.startsWith('etcd-server_'))
    await run('dpkg-deb', ['-x', etcdDeb, join(work, 'etcd')], { cwd: work })
    await cp(join(work, 'etcd', 'usr', 'bin', 'etcd'), L.etcd)
    await writeFile(
      L.complete,
      JSON.stringify({ version, recipe: RECIPE, compileSeconds: seconds, builtAt: new Date() }) +
        '\n'
    )
    log(`kubernetes: built in ${seconds} s into ${L.dir}`)
    await rm(work, { recursive: true, force: true }) // 2.5 GB of source and objects
    return { ...L, meta: JSON.parse(await readFile(L.complete, 'utf8')) }
  } finally {
    await release()
  }
}
