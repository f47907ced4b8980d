// The demo app images, built on the runner engine from static busybox (FROM scratch, nothing
// pulled) and pushed to both registries. A label carries a hash of the build inputs so a warm
// `up` can tell, with one API call per image, that nothing needs rebuilding.
import { chmod, copyFile, mkdir, readFile, rm, stat, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { DEMO_REPOSITORY, DEMO_VERSIONS, REGISTRY_USER, SOURCE_DIR } from './config.js'
import { basicAuth } from './registry.js'
import { dockerApi, httpRequest } from './lib/net.js'
import { cleanEnv, run } from './lib/proc.js'
import { sha256 } from './lib/util.js'

const BUSYBOX = '/bin/busybox' // from busybox-static: a static ELF, runs in an empty image
const HASH_LABEL = 'org.gantry.sandbox.build'
const APP_SOURCES = ['Dockerfile', 'start-app.sh'].map((f) => join(SOURCE_DIR, 'demo-app', f))
/** The manifest types a registry may answer for a tag (an Accept header), for digest lookups. */
export const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
].join(',')

/** `{ v1, v2, broken }` image references in the registry at `url` (host:port). */
export const imageRefs = (url) =>
  Object.fromEntries(DEMO_VERSIONS.map((v) => [v, `${url}/${DEMO_REPOSITORY}:${v}`]))

/** The broken image serves /version but its /health is missing, so its health check fails. */
const buildArgs = (version) => [
  '--build-arg',
  `APP_VERSION=${version}`,
  '--build-arg',
  `APP_HEALTH=${version === 'broken' ? 'fail' : 'ok'}`
]

async function inputsHash() {
  const sources = await Promise.all(APP_SOURCES.map((f) => readFile(f, 'utf8')))
  const bb = await stat(BUSYBOX)
  return sha256([...sources, `${bb.size}:${bb.mtimeMs}`].join('\0')).slice(0, 16)
}

/** Builds what is missing or stale on the runner, then pushes to each registry lacking a tag. */
export async function ensureImages({ runner, registries, password, dir, log }) {
  const hash = await inputsHash()
  const refs = imageRefs(registries.find((r) => !r.auth).url)
  const docker = dockerCli(runner, join(dir, 'docker-config'))
  let built = false
  if (!(await runnerHasImages(runner, refs, hash))) {
    log('building demo images v1, v2, broken on the runner engine')
    await buildImages(docker, join(dir, 'context'), refs, hash)
    built = true
  }
  await Promise.all(
    registries.map(async (r) => {
      if (!built && (await registryHasImages(r, password))) return
      log(`pushing demo images to ${r.url}`)
      await pushImages(docker, r, refs, password)
    })
  )
}

function dockerCli(runner, dockerConfig) {
  const env = cleanEnv({ DOCKER_HOST: runner.dockerHost, DOCKER_CONFIG: dockerConfig })
  // Debian's client matches the daemon (20.10) and builds FROM scratch with the classic builder.
  return (args, options = {}) =>
    run('/usr/bin/docker', args, { env, timeoutMs: 120000, ...options })
}

async function runnerHasImages(runner, refs, hash) {
  const labels = await Promise.all(
    Object.values(refs).map((ref) =>
      dockerApi(runner.socket, 'GET', `/images/${encodeURIComponent(ref)}/json`)
        .then((image) => image.Config?.Labels?.[HASH_LABEL])
        .catch(() => null)
    )
  )
  return labels.every((label) => label === hash)
}

async function registryHasImages(r, password) {
  const headers = { accept: MANIFEST_TYPES }
  if (r.auth) headers.authorization = basicAuth(REGISTRY_USER, password)
  const answers = await Promise.all(
    DEMO_VERSIONS.map((v) =>
      httpRequest({
        url: `${r.httpUrl}/v2/${DEMO_REPOSITORY}/manifests/${v}`,
        method: 'HEAD',
        headers
      }).catch(() => ({ status: 0 }))
    )
  )
  return answers.every((a) => a.status === 200)
}

async function buildImages(docker, context, refs, hash) {
  await writeContext(context)
  const build = (version) =>
    docker([
      'build',
      '-q',
      '--label',
      `${HASH_LABEL}=${hash}`,
      ...buildArgs(version),
      '-t',
      refs[version],
      context
    ])
  // v1 first: the others then reuse its COPY layer from the build cache, in parallel.
  await build('v1')
  await Promise.all(DEMO_VERSIONS.filter((v) => v !== 'v1').map(build))
}

/** Build context: Dockerfile + rootfs/ holding busybox, one link per applet, and the start script. */
async function writeContext(context) {
  await rm(context, { recursive: true, force: true })
  const bin = join(context, 'rootfs', 'bin')
  await mkdir(bin, { recursive: true })
  await copyFile(BUSYBOX, join(bin, 'busybox'))
  const { stdout } = await run(BUSYBOX, ['--list'])
  const applets = stdout.split('\n').filter((a) => a && a !== 'busybox')
  await Promise.all(applets.map((a) => symlink('busybox', join(bin, a))))
  await copyFile(join(SOURCE_DIR, 'demo-app', 'start-app.sh'), join(bin, 'start-app'))
  await chmod(join(bin, 'start-app'), 0o755)
  await copyFile(join(SOURCE_DIR, 'demo-app', 'Dockerfile'), join(context, 'Dockerfile'))
}

async function pushImages(docker, r, refs, password) {
  if (r.auth)
    await docker(['login', r.url, '-u', REGISTRY_USER, '--password-stdin'], { input: password })
  await Promise.all(
    Object.entries(refs).map(async ([version, ref]) => {
      const target = `${r.url}/${DEMO_REPOSITORY}:${version}`
      if (target !== ref) await docker(['tag', ref, target])
      await docker(['push', '-q', target])
      // Only the :5000 references stay on the runner; the other tag was just a push vehicle.
      if (target !== ref) await docker(['rmi', target])
    })
  )
}
