/**
 * `notify` cross-checked against Debian's apprise CLI (1.2), a client nobody here wrote: both
 * send to the same loopback stand-ins from the same URLs, and the requests are compared where it
 * matters to the service: method, path, content type, and where the title and the body go.
 * apprise sends Discord to https://discord.com only, so its run goes through a CONNECT proxy to a
 * TLS stand-in for discord.com whose certificate a test CA signs (REQUESTS_CA_BUNDLE); ours uses
 * the https-URL form pointed at the plain stand-in. apprise 1.2 has no workflows:// (Teams):
 * not cross-checked here. apprise comes from the sandbox's package list (test/sandbox/packages.js).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { NODES, runAction } from '../harness/run-action.js'
import {
  type NotifyServers,
  type RecordedRequest,
  startNotifyServers
} from '../fixtures/notify-servers.js'

const run = promisify(execFile)
const node = NODES[NODES.length - 1]!.path
const TITLE = 'TitleMarker7'
const BODY = 'BodyMarker9'
const DISCORD_TOKEN = 'crossCheckToken-1'

let scratch: string
let plain: NotifyServers
let discordTls: NotifyServers
let proxy: Server
let proxyPort: number

/** A CA and a discord.com certificate it signs, made with openssl for this run only. */
function makeCertificates(dir: string): { ca: string; key: string; cert: string } {
  const o = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  o(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=gantry test CA'
  )
  o(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'site.key',
    '-out',
    'site.csr',
    '-subj',
    '/CN=discord.com'
  )
  writeFileSync(
    join(dir, 'san.ext'),
    'subjectAltName=DNS:discord.com\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n'
  )
  o(
    'x509',
    '-req',
    '-in',
    'site.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'site.pem',
    '-days',
    '1',
    '-extfile',
    'san.ext'
  )
  const read = (f: string) => readFileSync(join(dir, f), 'utf8')
  return { ca: join(dir, 'ca.pem'), key: read('site.key'), cert: read('site.pem') }
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'gantry-apprise-'))
  const { ca, key, cert } = makeCertificates(scratch)
  writeFileSync(join(scratch, 'ca-path'), ca)
  plain = await startNotifyServers({ discordToken: DISCORD_TOKEN })
  discordTls = await startNotifyServers({ discordToken: DISCORD_TOKEN, tls: { key, cert } })
  // CONNECT discord.com:443 → the TLS stand-in; nothing else is tunnelled.
  proxy = createServer((_, res) => res.writeHead(405).end())
  proxy.on('connect', (req, socket, head) => {
    if (req.url !== 'discord.com:443') return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const upstream = connect(discordTls.port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done))
  proxyPort = (proxy.address() as { port: number }).port
})

afterAll(async () => {
  await new Promise((done) => proxy?.close(done))
  await plain?.close()
  await discordTls?.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function apprise(
  url: string,
  env: Record<string, string> = {},
  args: string[] = []
): Promise<void> {
  await run('apprise', ['-vv', ...args, '-t', TITLE, '-b', BODY, url], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, ...env },
    timeout: 30_000
  })
}

async function gantry(url: string): Promise<void> {
  const r = await runAction('notify', {
    node,
    inputs: { urls: url, status: 'succeeded', title: TITLE, text: BODY }
  })
  expect(r.annotations).toEqual([])
  expect(r.outputs.ok).toBe('true')
}

/** Where in the JSON body a marker is: `title`, `embeds.0.description`, … */
function whereIs(value: unknown, marker: string, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes(marker) ? [path.join('.')] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => whereIs(v, marker, [...path, String(i)]))
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => whereIs(v, marker, [...path, k]))
  return []
}

interface Shape {
  method: string
  path: string
  contentType: string
  title: string[]
  body: string[]
}
const shape = (q: RecordedRequest): Shape => ({
  method: q.method,
  path: q.path,
  contentType: String(q.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim(),
  title: whereIs(q.body, TITLE),
  body: whereIs(q.body, BODY)
})

describe('notify sends what apprise sends', () => {
  test('apprise is installed (from the sandbox package list)', async () => {
    const { stdout } = await run('apprise', ['--version'])
    expect(stdout).toMatch(/^Apprise v1\./)
  })

  test.each([
    ['bark', (h: string) => `bark://${h}/deviceKey1`],
    ['ntfy', (h: string) => `ntfy://${h}/deploys`],
    ['json', (h: string) => `json://${h}/hooks/shop`]
  ])('%s: same method, path, content type, title and body fields', async (service, url) => {
    plain.clear()
    const h = `127.0.0.1:${plain.port}`
    await apprise(url(h))
    await gantry(url(h))
    const [theirs, ours] = plain.requests.map(shape)
    expect(plain.requests.map((q) => q.service)).toEqual([service, service])
    expect(ours).toMatchObject({
      method: theirs!.method,
      path: theirs!.path,
      contentType: theirs!.contentType
    })
    // Our message says more (fields, links), but title and body sit where apprise puts them.
    expect(ours!.title).toEqual(expect.arrayContaining(theirs!.title))
    expect(ours!.body).toEqual(expect.arrayContaining(theirs!.body))
    expect(theirs!.title.length).toBeGreaterThan(0)
    expect(theirs!.body.length).toBeGreaterThan(0)
  })

  test('discord: same method, path, content type; title and body in the embed', async () => {
    plain.clear()
    discordTls.clear()
    await apprise(
      // apprise 1.2 sends Discord plain text by default; format=markdown is its embed (later apprise's default).
      `discord://4242/${DISCORD_TOKEN}?format=markdown`,
      {
        HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
        https_proxy: `http://127.0.0.1:${proxyPort}`,
        REQUESTS_CA_BUNDLE: readFileSync(join(scratch, 'ca-path'), 'utf8')
      },
      ['--input-format', 'markdown']
    )
    await gantry(`${plain.url}/api/webhooks/4242/${DISCORD_TOKEN}`)
    expect(discordTls.requests).toHaveLength(1)
    const theirs = shape(discordTls.requests[0]!)
    const ours = shape(plain.requests[0]!)
    expect(ours).toMatchObject({
      method: theirs.method,
      path: theirs.path,
      contentType: theirs.contentType
    })
    expect(theirs.title).toEqual(['embeds.0.title'])
    expect(ours.title).toEqual(['embeds.0.title'])
    expect(theirs.body).toEqual(['embeds.0.description'])
    expect(ours.body).toEqual(['embeds.0.description'])
  })
})
