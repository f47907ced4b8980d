// image-push against the sandbox's real registries (distribution 2.8: :5000 open, :5001 htpasswd
// basic auth) and the runner's Docker engine, through the built bundle under Node 20 and 24.
// Every repository and tag carries a per-run marker, so parallel runs and other test files do not
// collide; local images this file tags are removed afterwards.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction, secretLeaks, type RunResult } from '../harness/run-action.js'
import { readSandbox } from '../sandbox/description.js'

const sandbox = readSandbox()
const marker = randomBytes(4).toString('hex')
const OPEN = sandbox.registryNoAuth.url
const AUTH = sandbox.registry.url
const { username: USER, password: PASSWORD } = sandbox.registry
const ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
].join(',')

let scratch: string
let loggedInConfig: string
const localRefs = new Set<string>()

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

async function docker(
  args: string[],
  options: { config?: string; input?: string } = {}
): Promise<string> {
  const env = {
    ...process.env,
    DOCKER_HOST: sandbox.dockerHost,
    DOCKER_CONFIG: options.config ?? loggedInConfig
  }
  const result = await run('docker', args, env, options.input)
  if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/** `docker pull` after removing the local tag; returns the repo digests the engine recorded. */
async function pullDigests(
  ref: string,
  platform?: string
): Promise<{ digests: string[]; arch: string }> {
  await docker(['rmi', ref]).catch(() => undefined)
  await docker(['pull', '-q', ...(platform ? ['--platform', platform] : []), ref])
  localRefs.add(ref)
  const out = await docker([
    'image',
    'inspect',
    '--format',
    '{{json .RepoDigests}} {{.Architecture}}',
    ref
  ])
  const [json, arch] = out.trim().split(' ')
  return { digests: JSON.parse(json as string) as string[], arch: arch as string }
}

const basic = 'Basic ' + Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
const authFor = (registry: string): Record<string, string> =>
  registry === AUTH ? { authorization: basic } : {}

/** The registry's answer to a manifest HEAD with every manifest type accepted. */
async function headDigest(
  registry: string,
  repository: string,
  reference: string
): Promise<string | null> {
  const res = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { accept: ACCEPT, ...authFor(registry) }
  })
  return res.status === 200 ? res.headers.get('docker-content-digest') : `HTTP ${res.status}`
}

async function getManifest(registry: string, repository: string, reference: string) {
  const res = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
    headers: { accept: ACCEPT, ...authFor(registry) }
  })
  expect(res.status).toBe(200)
  const bytes = Buffer.from(await res.arrayBuffer())
  return {
    bytes,
    type: res.headers.get('content-type') as string,
    json: JSON.parse(bytes.toString()),
    digest: sha256(bytes)
  }
}

const sha256 = (bytes: Buffer | string) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

function pushImage(
  node: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<RunResult> {
  return runAction('image-push', {
    node,
    inputs,
    env: { DOCKER_HOST: sandbox.dockerHost, DOCKER_CONFIG: loggedInConfig, ...env },
    timeoutMs: 120_000
  })
}

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0)
    throw new Error(`image-push failed:\n${result.stdout}\n${result.stderr}`)
  expect(secretLeaks(result, [PASSWORD])).toEqual([])
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gantry-image-push-it-'))
  loggedInConfig = join(scratch, 'docker-logged-in')
  await docker(['login', AUTH, '-u', USER, '--password-stdin'], { input: PASSWORD })
})

afterAll(async () => {
  for (const ref of localRefs) await docker(['rmi', ref]).catch(() => undefined)
  await rm(scratch, { recursive: true, force: true })
})

describe.each(NODES)('image-push on $name', ({ name, path: node }) => {
  const n = name.replace(/\D/g, '')
  const repo = `gantry-it/push-${marker}-${n}`

  test('push: v1 under three tags in both registries; each pulls back with the same digest', async () => {
    const tags = [`${OPEN}/${repo}:a`, `${OPEN}/${repo}:b`, `${AUTH}/${repo}:c`]
    tags.forEach((t) => localRefs.add(t))
    const result = await pushImage(node, { image: sandbox.images.v1, tags: tags.join('\n') })
    expectSuccess(result)
    const digest = result.outputs.digest as string
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.outputs.pushed).toBe(tags.join('\n'))
    for (const tag of tags) {
      const { digests } = await pullDigests(tag)
      expect(digests).toContain(`${tag.slice(0, tag.lastIndexOf(':'))}@${digest}`)
      expect(result.summary).toContain(`| <code>${tag}</code> | <code>${digest}</code> | pushed |`)
    }
  }, 180_000)

  test('promote by tag and by digest, in the auth registry with the credentials docker login left', async () => {
    const source = `${AUTH}/${repo}-src:rc`
    localRefs.add(source)
    await docker(['tag', sandbox.images.v2, source])
    await docker(['push', '-q', source])
    const digest = await headDigest(AUTH, `${repo}-src`, 'rc')

    const byTag = await pushImage(node, {
      source,
      tags: `${AUTH}/${repo}-src:1.0.0, ${AUTH}/${repo}-src:latest`
    })
    expectSuccess(byTag)
    expect(byTag.outputs.digest).toBe(digest)
    const byDigest = await pushImage(node, {
      source: `${AUTH}/${repo}-src@${digest}`,
      tags: `${AUTH}/${repo}-prod:1.0.0`
    })
    expectSuccess(byDigest)
    expect(byDigest.stdout).toMatch(/Mounted 2 blobs from .*-src into .*-prod \(no bytes copied\)/)

    for (const [repository, tag] of [
      [`${repo}-src`, '1.0.0'],
      [`${repo}-src`, 'latest'],
      [`${repo}-prod`, '1.0.0']
    ] as const) {
      expect(await headDigest(AUTH, repository, tag)).toBe(digest)
      const { digests } = await pullDigests(`${AUTH}/${repository}:${tag}`)
      expect(digests).toContain(`${AUTH}/${repository}@${digest}`)
    }
    expect(byTag.summary).toContain(
      `| <code>${AUTH}/${repo}-src:latest</code> | <code>${digest}</code> | promoted |`
    )

    // Again: nothing to do, nothing rewritten, and it says so.
    const again = await pushImage(node, { source, tags: `${AUTH}/${repo}-src:1.0.0` })
    expectSuccess(again)
    expect(again.summary).toContain('| unchanged |')
  }, 180_000)

  test('promote in the open registry and across registries (open → auth, blobs copied)', async () => {
    const digest = await headDigest(OPEN, 'demo-app', 'v1')
    const result = await pushImage(node, {
      source: sandbox.registryNoAuth.images.v1,
      tags: `${OPEN}/${repo}-open:stable\n${AUTH}/${repo}-copied:stable`
    })
    expectSuccess(result)
    expect(result.stdout).toMatch(
      /Copied \d+ missing blobs \([\d.]+ MB\) from 127\.0\.0\.1:5000\/demo-app to 127\.0\.0\.1:5001\//
    )
    expect(await headDigest(OPEN, `${repo}-open`, 'stable')).toBe(digest)
    expect(await headDigest(AUTH, `${repo}-copied`, 'stable')).toBe(digest)
    const { digests } = await pullDigests(`${AUTH}/${repo}-copied:stable`)
    expect(digests).toContain(`${AUTH}/${repo}-copied@${digest}`)
  }, 180_000)

  test('credentials from a credential helper (docker-credential-test on PATH)', async () => {
    const dir = await mkdtemp(join(scratch, 'helper-'))
    const helper = await fakeCredentialHelper(dir)
    await writeFile(join(dir, 'config.json'), JSON.stringify({ credHelpers: { [AUTH]: 'test' } }))
    await writeFile(
      join(helper.store, encodeKey(AUTH)),
      JSON.stringify({ ServerURL: AUTH, Username: USER, Secret: PASSWORD })
    )
    const result = await pushImage(
      node,
      { source: `${OPEN}/demo-app:v2`, tags: `${AUTH}/${repo}-helper:v2` },
      { DOCKER_CONFIG: dir, PATH: `${helper.bin}:${process.env.PATH}` }
    )
    expectSuccess(result)
    expect(await headDigest(AUTH, `${repo}-helper`, 'v2')).toBe(
      await headDigest(OPEN, 'demo-app', 'v2')
    )
    expect((await readFile(helper.calls, 'utf8')).trim().split('\n')).toEqual([`get ${AUTH}`])
  }, 120_000)

  test('username and password inputs; a wrong password names the registry and the inputs', async () => {
    const empty = await mkdtemp(join(scratch, 'empty-'))
    const ok = await pushImage(
      node,
      {
        source: `${OPEN}/demo-app:v1`,
        tags: `${AUTH}/${repo}-inputs:v1`,
        username: USER,
        password: PASSWORD
      },
      { DOCKER_CONFIG: empty }
    )
    expectSuccess(ok)
    expect(ok.stdout).toContain(`::add-mask::${PASSWORD}`)

    const wrong = `not-${PASSWORD}`
    const refused = await pushImage(
      node,
      {
        source: `${OPEN}/demo-app:v1`,
        tags: `${AUTH}/${repo}-inputs:v2`,
        username: USER,
        password: wrong
      },
      { DOCKER_CONFIG: empty }
    )
    expect(refused.exitCode).toBe(1)
    expect(secretLeaks(refused, [wrong, PASSWORD])).toEqual([])
    expect(refused.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${AUTH.replace(/\./g, '\\.')} refused HEAD /v2/.*-inputs/.* with the credentials from the 'username' and 'password' inputs: Basic 401`
        )
      )
    ])

    const none = await pushImage(
      node,
      { source: `${OPEN}/demo-app:v1`, tags: `${AUTH}/${repo}-inputs:v3` },
      { DOCKER_CONFIG: empty }
    )
    expect(none.exitCode).toBe(1)
    expect(none.annotations[0]?.message).toMatch(
      /asks for credentials and none were found \(no Docker config at .*config\.json\)\. Log in first/
    )
  }, 120_000)

  test('a source that does not exist says so, and nothing is written', async () => {
    const result = await pushImage(node, {
      source: `${OPEN}/${repo}-nothing:v9`,
      tags: `${OPEN}/${repo}-nothing:v10`
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toBe(
      `Input 'source' is "${OPEN}/${repo}-nothing:v9": expected an image that exists: ${OPEN} has no ${OPEN}/${repo}-nothing:v9 (404 MANIFEST_UNKNOWN: manifest unknown).`
    )
    expect(result.outputs).toEqual({})
  }, 60_000)

  test('a multi-platform OCI index keeps every platform: same repository, new repository, other registry', async () => {
    const index = await buildIndex(`gantry-it/multi-${marker}-${n}`)
    const result = await pushImage(node, {
      source: `${OPEN}/${index.repository}:multi`,
      tags: [
        `${OPEN}/${index.repository}:release`,
        `${OPEN}/${index.repository}-prod:release`,
        `${AUTH}/${index.repository}-copy:release`
      ].join('\n')
    })
    expectSuccess(result)
    expect(result.outputs.digest).toBe(index.digest)
    expect(result.summary).toContain(
      'Platforms: <code>linux/amd64</code>, <code>linux/arm64/v8</code>'
    )
    for (const [registry, repository] of [
      [OPEN, index.repository],
      [OPEN, `${index.repository}-prod`],
      [AUTH, `${index.repository}-copy`]
    ] as const) {
      const promoted = await getManifest(registry, repository, 'release')
      expect(promoted.digest).toBe(index.digest)
      expect(promoted.type).toBe('application/vnd.oci.image.index.v1+json')
      expect(
        promoted.json.manifests.map(
          (m: { platform: { architecture: string } }) => m.platform.architecture
        )
      ).toEqual(['amd64', 'arm64'])
      for (const child of index.children)
        expect(await headDigest(registry, repository, child.digest)).toBe(child.digest)
    }
    // Docker resolves the index per platform, from the copy in the other registry.
    const ref = `${AUTH}/${index.repository}-copy:release`
    expect((await pullDigests(ref, 'linux/arm64')).arch).toBe('arm64')
    expect((await pullDigests(ref, 'linux/amd64')).arch).toBe('amd64')
  }, 180_000)
})

/**
 * An OCI index of two platforms built with the registry API: v1 as linux/amd64, and an arm64
 * image made from v2's layers and a config saying arm64 (uploaded as a new blob), both pushed as
 * manifests, then the index PUT over them.
 */
async function buildIndex(repository: string) {
  const open = (path: string) => `http://${OPEN}/v2/${path}`
  const children = []
  for (const [source, arch] of [
    ['v1', 'amd64'],
    ['v2', 'arm64']
  ] as const) {
    const image = await getManifest(OPEN, 'demo-app', source)
    const blobs = [image.json.config, ...image.json.layers] as { digest: string }[]
    for (const blob of blobs) {
      const mount = await fetch(
        open(`${repository}/blobs/uploads/?mount=${blob.digest}&from=demo-app`),
        { method: 'POST' }
      )
      expect(mount.status).toBe(201)
    }
    let manifest = image.bytes
    if (arch === 'arm64') {
      const config = JSON.parse(
        Buffer.from(
          await (await fetch(open(`demo-app/blobs/${image.json.config.digest}`))).arrayBuffer()
        ).toString()
      )
      const configBytes = Buffer.from(
        JSON.stringify({ ...config, architecture: 'arm64', variant: 'v8' })
      )
      const upload = await fetch(open(`${repository}/blobs/uploads/`), { method: 'POST' })
      const location = new URL(upload.headers.get('location') as string, `http://${OPEN}`)
      location.searchParams.set('digest', sha256(configBytes))
      expect(
        (
          await fetch(location, {
            method: 'PUT',
            body: configBytes,
            headers: { 'content-type': 'application/octet-stream' }
          })
        ).status
      ).toBe(201)
      manifest = Buffer.from(
        JSON.stringify({
          ...image.json,
          config: { ...image.json.config, digest: sha256(configBytes), size: configBytes.length }
        })
      )
    }
    const put = await fetch(open(`${repository}/manifests/${sha256(manifest)}`), {
      method: 'PUT',
      body: manifest,
      headers: { 'content-type': image.type }
    })
    expect(put.status).toBe(201)
    children.push({
      mediaType: image.type,
      digest: sha256(manifest),
      size: manifest.length,
      platform: { os: 'linux', architecture: arch, ...(arch === 'arm64' ? { variant: 'v8' } : {}) }
    })
  }
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: children
    })
  )
  const put = await fetch(open(`${repository}/manifests/multi`), {
    method: 'PUT',
    body: index,
    headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }
  })
  expect(put.status).toBe(201)
  expect(put.headers.get('docker-content-digest')).toBe(sha256(index))
  return { repository, digest: sha256(index), children }
}

const encodeKey = (server: string) => server.replace(/[^A-Za-z0-9]/g, '_')

/**
 * A real credential helper (Docker's protocol: `get|store|erase`, request on stdin, JSON on
 * stdout, "credentials not found" and exit 1 when it has nothing), storing one file per server.
 * It logs each call's action and server, never a secret.
 */
async function fakeCredentialHelper(dir: string) {
  const bin = join(dir, 'bin')
  const store = join(dir, 'store')
  const calls = join(dir, 'calls.log')
  await mkdir(bin, { recursive: true })
  await mkdir(store, { recursive: true })
  const script = `#!/bin/sh
input=$(cat)
key() { printf %s "$1" | tr -c 'A-Za-z0-9' _; }
case "$1" in
  get)
    echo "get $input" >> '${calls}'
    if [ -f '${store}'/"$(key "$input")" ]; then cat '${store}'/"$(key "$input")"; else echo 'credentials not found in native keychain'; exit 1; fi ;;
  store)
    server=$(printf %s "$input" | sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p')
    echo "store $server" >> '${calls}'
    printf %s "$input" > '${store}'/"$(key "$server")" ;;
  erase)
    echo "erase $input" >> '${calls}'
    rm -f '${store}'/"$(key "$input")" ;;
  *) echo "unknown action $1" >&2; exit 2 ;;
esac
`
  await writeFile(join(bin, 'docker-credential-test'), script)
  await chmod(join(bin, 'docker-credential-test'), 0o755)
  await writeFile(calls, '')
  return { bin, store, calls }
}
