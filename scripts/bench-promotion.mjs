#!/usr/bin/env node
// Promotion benchmark (issue 4): putting an image that is already in a registry under a new
// repository and tag, by `image-push` (registry API: manifest + cross-repository blob mounts, no
// pull) against `docker pull` + `docker tag` + `docker push` of the same image, for a 20 MB and
// a 200 MB image of random (incompressible) content, as medians and a ratio.
//
// Self-contained and bounded: it starts its own throwaway registry (Debian's docker-registry,
// distribution 2.8) on a free loopback port with storage in a temporary directory, builds the
// images with `docker import` from random bytes, pushes each once, measures, then removes its
// local images, stops the registry and deletes the directory. Needs the built bundle
// (dist/image-push), a Docker engine (DOCKER_HOST, else the sandbox runner's engine) and
// /usr/bin/docker-registry. A benchmark, not a test: it prints figures and asserts nothing.
//
// Environment: BENCH_SIZES_MB (default "20,200"), BENCH_PROMOTE_RUNS (9), BENCH_DOCKER_RUNS (3),
// BENCH_DEADLINE_S (110: runs stop early, and say so, rather than exceed it). image-push runs under
// this machine's Node and under Node 24 (the runner's, `runs.using: node24`) when installed.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { NODE24_PATH } from '../test/harness/node24.js'

const started = Date.now()
const SIZES = (process.env.BENCH_SIZES_MB ?? '20,200').split(',').map(Number)
const PROMOTE_RUNS = Number(process.env.BENCH_PROMOTE_RUNS ?? 9)
const DOCKER_RUNS = Number(process.env.BENCH_DOCKER_RUNS ?? 3)
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_S ?? 110) * 1000
const NODES = [{ name: `node ${process.versions.node}`, path: process.execPath }]
if (existsSync(NODE24_PATH)) {
  const version = spawnSync(NODE24_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1)
  NODES.push({ name: `node ${version}`, path: NODE24_PATH })
}
const BUNDLE = resolve('dist/image-push/index.js')
const REGISTRY_BIN = '/usr/bin/docker-registry'

const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-promotion-'))
const localImages = new Set()
let registryProcess

const dockerHost = process.env.DOCKER_HOST ?? (await sandboxDockerHost())
const dockerEnv = {
  ...process.env,
  ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}),
  DOCKER_CONFIG: join(dir, 'docker-config')
}

async function sandboxDockerHost() {
  try {
    const { readSandbox } = await import('../test/sandbox/description.js')
    return readSandbox().dockerHost
  } catch {
    return undefined
  }
}

function docker(args) {
  const r = spawnSync('docker', args, { env: dockerEnv, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr || r.stdout}`)
  return r.stdout
}

function timed(fn) {
  const t = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t) / 1e6
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const overDeadline = () => Date.now() - started > DEADLINE_MS

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}

async function startRegistry() {
  const port = await freePort()
  const config = join(dir, 'registry.yml')
  // JSON is YAML; 127.0.0.0/8 is an insecure registry for every Docker engine by default.
  writeFileSync(
    config,
    JSON.stringify({
      version: 0.1,
      log: { level: 'error', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: join(dir, 'registry-data') },
        delete: { enabled: true }
      },
      http: { addr: `127.0.0.1:${port}`, secret: randomBytes(8).toString('hex') }
    })
  )
  registryProcess = spawn(REGISTRY_BIN, ['serve', config], { stdio: 'ignore' })
  const url = `127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    if (registryProcess.exitCode !== null)
      throw new Error(`${REGISTRY_BIN} exited (${registryProcess.exitCode})`)
    const up = await fetch(`http://${url}/v2/`).then(
      (r) => r.ok,
      () => false
    )
    if (up) return url
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the throwaway registry on ${url} did not answer`)
}

/** A one-layer image of `mb` MB of random bytes, imported into the engine and pushed once. */
function prepareImage(registry, mb) {
  const payload = join(dir, `payload-${mb}.bin`)
  const fd = openSync(payload, 'w')
  for (let left = mb * 1024 * 1024; left > 0; left -= 4 << 20)
    writeSync(fd, randomBytes(Math.min(left, 4 << 20)))
  closeSync(fd)
  const tar = join(dir, `layer-${mb}.tar`)
  const r = spawnSync('tar', ['-C', dir, '-cf', tar, `payload-${mb}.bin`])
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`)
  rmSync(payload)
  const source = `${registry}/bench/random-${mb}mb:source`
  localImages.add(source)
  const setup = timed(() => {
    docker(['import', tar, source])
    docker(['push', '-q', source])
  })
  rmSync(tar)
  return { source, setup }
}

function promoteOnce(node, source, target) {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'].map((k) => [k, join(dir, k)])
  )
  Object.values(files).forEach((f) => writeFileSync(f, ''))
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    ...files,
    INPUT_SOURCE: source,
    INPUT_TAGS: target
  }
  let result
  const ms = timed(() => {
    result = spawnSync(node, [BUNDLE], { env, encoding: 'utf8' })
  })
  if (result.status !== 0) throw new Error(`image-push failed: ${result.stdout}${result.stderr}`)
  return ms
}

function dockerOnce(source, target) {
  // Start from an engine without the image (no tag left holding it), as on a fresh CI runner,
  // so the pull really downloads and unpacks it.
  docker(['rmi', '-f', source])
  const ms = timed(() => {
    docker(['pull', '-q', source])
    docker(['tag', source, target])
    docker(['push', '-q', target])
  })
  docker(['rmi', '-f', source, target])
  return ms
}

function cleanup() {
  for (const ref of localImages)
    spawnSync('docker', ['rmi', '-f', ref], { env: dockerEnv, stdio: 'ignore' })
  if (registryProcess && registryProcess.exitCode === null) registryProcess.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}

async function main() {
  if (!existsSync(BUNDLE))
    throw new Error('dist/image-push/index.js is missing: run `node scripts/build.mjs image-push`')
  if (!existsSync(REGISTRY_BIN))
    throw new Error(`${REGISTRY_BIN} is missing (Debian package docker-registry)`)
  const registry = await startRegistry()
  const rows = []
  for (const mb of SIZES) {
    const { source, setup } = prepareImage(registry, mb)
    // Each run promotes to a repository of its own: blobs are mounted, as for a first promotion.
    const promote = NODES.map(() => [])
    for (let i = 0; i < PROMOTE_RUNS && (i === 0 || !overDeadline()); i++) {
      NODES.forEach((node, n) =>
        promote[n].push(
          promoteOnce(node.path, source, `${registry}/bench/promoted-${mb}mb-${n}-${i}:release`)
        )
      )
    }
    const dockerWay = []
    for (let i = 0; i < DOCKER_RUNS && (i === 0 || !overDeadline()); i++) {
      dockerWay.push(dockerOnce(source, `${registry}/bench/docker-${mb}mb-${i}:release`))
    }
    rows.push({ mb, setup, promote, dockerWay })
  }
  console.log(
    `Promotion to a new repository of the same registry, median wall time (ms); Docker engine ${dockerHost ?? '(default)'}\n`
  )
  console.log(
    '| image | image-push on | promote (ms) | runs | docker pull + tag + push (ms) | runs | ratio (docker / image-push) |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const r of rows) {
    const d = median(r.dockerWay)
    NODES.forEach((node, n) => {
      const p = median(r.promote[n])
      console.log(
        `| ${r.mb} MB | ${node.name} | ${p.toFixed(0)} | ${r.promote[n].length} | ${d.toFixed(0)} | ${r.dockerWay.length} | ${(d / p).toFixed(1)}x |`
      )
    })
  }
  const last = NODES.length - 1
  const flat =
    rows.length > 1 ? median(rows.at(-1).promote[last]) / median(rows[0].promote[last]) : 1
  console.log(
    `\nimage-push (${NODES[last].name}) ${rows.at(-1)?.mb} MB vs ${rows[0]?.mb} MB: ${flat.toFixed(2)}x (flat = 1). ` +
      `One-off setup (docker import + first push): ${rows.map((r) => `${r.mb} MB ${(r.setup / 1000).toFixed(1)} s`).join(', ')}. ` +
      `Total ${((Date.now() - started) / 1000).toFixed(1)} s${overDeadline() ? ' (deadline reached: fewer runs)' : ''}.`
  )
}

let failed = false
try {
  await main()
} catch (error) {
  failed = true
  console.error(`bench-promotion: ${error.message}`)
} finally {
  cleanup()
}
process.exitCode = failed ? 1 : 0
