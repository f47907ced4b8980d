// The image-push bundle end to end, under Node 20 and 24, against a loopback registry that
// answers as Amazon ECR's registry API does: Basic auth with `AWS` and the token (ECR's realm and
// service in the challenge), Docker-Content-Digest on manifests, and for an immutable repository
// a PUT over an existing tag refused with 400 TAG_INVALID and ECR's exact message. It records
// every request, so the tests also show what is refused before any request is made.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

const PASSWORD = `eyJwYXlsb2FkIjoi${Math.random().toString(36).slice(2)}`
const BASIC = 'Basic ' + Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const DOCKER_V2 = 'application/vnd.docker.distribution.manifest.v2+json'
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

const manifest = (config: string) =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: DOCKER_V2,
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: 100,
        digest: `sha256:${config.repeat(64)}`
      },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: 1000,
          digest: `sha256:${'e'.repeat(64)}`
        }
      ]
    })
  )
const RC = manifest('a')
const OLD = manifest('b')

/** repository → reference → manifest bytes; `immutable` repositories refuse to move a tag. */
let store: Map<string, Map<string, Buffer>>
const immutable = new Set(['shop'])
const requests: string[] = []
let server: Server
let registry: string

function reset() {
  store = new Map([
    [
      'shop',
      new Map([
        ['rc', RC],
        [sha256(RC), RC],
        ['v1', OLD],
        [sha256(OLD), OLD]
      ])
    ]
  ])
  requests.length = 0
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    requests.push(`${req.method} ${req.url}`)
    if (req.headers.authorization !== BASIC) {
      res.writeHead(401, {
        'www-authenticate': `Basic realm="https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/",service="ecr.amazonaws.com"`,
        'content-type': 'application/json; charset=utf-8'
      })
      res.end('{"errors":[{"code":"DENIED","message":"Not Authorized"}]}')
      return
    }
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(req.url ?? '')
    if (!match) return void res.writeHead(404).end()
    const [, repository, reference] = match as unknown as [string, string, string]
    const tags = store.get(repository) ?? new Map<string, Buffer>()
    if (req.method === 'PUT') {
      const body = Buffer.concat(chunks)
      const existing = tags.get(reference)
      if (existing && immutable.has(repository) && sha256(existing) !== sha256(body)) {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
        res.end(
          JSON.stringify({
            errors: [
              {
                code: 'TAG_INVALID',
                message: `The image tag '${reference}' already exists in the '${repository}' repository and cannot be overwritten because the repository is immutable.`
              }
            ]
          })
        )
        return
      }
      tags.set(reference, body).set(sha256(body), body)
      store.set(repository, tags)
      res
        .writeHead(201, {
          'docker-content-digest': sha256(body),
          location: `/v2/${repository}/manifests/${sha256(body)}`
        })
        .end()
      return
    }
    const found = tags.get(reference)
    if (!found) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' })
      res.end(
        JSON.stringify({
          errors: [{ code: 'MANIFEST_UNKNOWN', message: `Requested image not found` }]
        })
      )
      return
    }
    res.writeHead(200, {
      'content-type': DOCKER_V2,
      'docker-content-digest': sha256(found),
      'content-length': found.length
    })
    res.end(req.method === 'HEAD' ? undefined : found)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const login = () => ({ username: 'AWS', password: PASSWORD })

describe.each(NODES)('image-push on $name', ({ path: node }) => {
  test('an immutable repository refusing an existing tag: an error naming the tag, not a stack', async () => {
    reset()
    const result = await runAction('image-push', {
      node,
      inputs: { source: `${registry}/shop:rc`, tags: `${registry}/shop:v1`, ...login() }
    })
    expect(result.exitCode).toBe(1)
    expect(secretLeaks(result, [PASSWORD])).toEqual([])
    expect(result.annotations.map((a) => a.message)).toEqual([
      `Cannot promote to ${registry}/shop:v1: the tag 'v1' already exists in shop (as ${sha256(OLD)}) and ${registry} keeps tags immutable ` +
        `(400 TAG_INVALID: The image tag 'v1' already exists in the 'shop' repository and cannot be overwritten because the repository is immutable.). ` +
        'Promote under a tag that does not exist yet.'
    ])
    expect(result.stderr).not.toMatch(/\bat \w+ \(/) // no stack trace
    expect(store.get('shop')?.get('v1')).toEqual(OLD)
  })

  test('the same repository under a new tag and an unchanged existing one: both fine, one PUT', async () => {
    reset()
    store.get('shop')?.set('stable', RC)
    const result = await runAction('image-push', {
      node,
      inputs: {
        source: `${registry}/shop:rc`,
        tags: `${registry}/shop:1.4.2\n${registry}/shop:stable`,
        ...login()
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({
      digest: sha256(RC),
      pushed: `${registry}/shop:1.4.2\n${registry}/shop:stable`
    })
    expect(requests.filter((r) => r.startsWith('PUT'))).toEqual(['PUT /v2/shop/manifests/1.4.2'])
    expect(result.summary).toContain(
      `| <code>${registry}/shop:1.4.2</code> | <code>${sha256(RC)}</code> | promoted |`
    )
    expect(result.summary).toContain(
      `| <code>${registry}/shop:stable</code> | <code>${sha256(RC)}</code> | unchanged |`
    )
  })

  const D = `sha256:${'a'.repeat(64)}`
  test.each<[string, Record<string, string>, string]>([
    [
      'a tag outside the grammar',
      { source: 'R/shop:rc', tags: 'R/shop:ok\nR/shop:bad tag!' },
      'Input \'tags\' is "R/shop:bad tag!": expected a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.'
    ],
    [
      'a tag starting with a dot',
      { source: 'R/shop:rc', tags: 'R/shop:.v1' },
      'Input \'tags\' is "R/shop:.v1": expected a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.'
    ],
    [
      'a target without a tag',
      { source: 'R/shop:rc', tags: 'R/shop' },
      'Input \'tags\' is "R/shop": expected a reference with a tag, e.g. `ghcr.io/acme/shop:1.4.2`.'
    ],
    [
      'a target with a digest',
      { source: 'R/shop:rc', tags: `R/shop:v1@${D}` },
      `Input 'tags' is "R/shop:v1@${D}": expected a reference with a tag and no digest (a digest cannot be assigned).`
    ],
    [
      'no tags',
      { source: 'R/shop:rc', tags: ' ' },
      'Input \'tags\' is "": expected full image references such as `ghcr.io/acme/shop:1.4.2`, one per line or comma-separated.'
    ],
    [
      'a malformed source digest',
      { source: 'R/shop@sha256:1234', tags: 'R/shop:v1' },
      'Input \'source\' is "R/shop@sha256:1234": expected a digest such as `@sha256:` followed by 64 lowercase hex digits.'
    ],
    [
      'both image and source',
      { image: 'shop:build', source: 'R/shop:rc', tags: 'R/shop:v1' },
      'Input \'source\' is "R/shop:rc": expected no value when `image` is given (`image` pushes a local image, `source` promotes a remote one).'
    ],
    [
      'neither image nor source',
      { tags: 'R/shop:v1' },
      'Input \'image\' is "": expected a local image to push, or else `source`: a remote image to promote.'
    ],
    [
      'an image that looks like an option',
      { image: '--help', tags: 'R/shop:v1' },
      'Input \'image\' is "--help": expected a local image such as `shop:build` or an image ID.'
    ],
    [
      'a username without password',
      { source: 'R/shop:rc', tags: 'R/shop:v1', username: 'AWS' },
      'Input \'password\' is "": expected the password or token of `username`.'
    ]
  ])('%s is refused before any request', async (_, inputs, message) => {
    reset()
    const withRegistry = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, v.replaceAll('R/', `${registry}/`)])
    )
    const result = await runAction('image-push', { node, inputs: withRegistry })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.map((a) => a.message)).toEqual([
      message.replaceAll('R/', `${registry}/`)
    ])
    expect(requests).toEqual([])
    expect(result.outputs).toEqual({})
  })
})
