/**
 * No deploy host, registry or tool can write workflow commands: hostile lines (`::error::`, the
 * legacy `##[error]` mid-line, `\r::set-output …`, `::add-mask::`, `##[stop-commands]…`, guessed
 * resume tokens) printed by a sandbox host's command during a real deploy, and by a registry
 * through the real Docker CLI, reach the log, and a model of the runner's command parser
 * (test/harness/runner-commands.js) sees no command in them: only Gantry's own, which keep working
 * after them (its failure annotation included).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../harness/hosts.js'
import { runAction, type RunResult } from '../harness/run-action.js'
import { actedOn, HOSTILE_LINES, type RunnerCommand } from '../harness/runner-commands.js'
import { readSandbox } from '../sandbox/description.js'

const sandbox = readSandbox()
const host = sandbox.hosts[0]!
const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
const HOSTILE = HOSTILE_LINES.join('\n')
const workspace = mkdtempSync(join(tmpdir(), 'gantry-untrusted-'))
copyFileSync(sandbox.composeFile, join(workspace, 'docker-compose.yml'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

/** What the runner acts on in a step's log; no command may carry the hostile text's marker. */
function commandsOf(r: RunResult): RunnerCommand[] {
  const { commands, stopped } = actedOn(`${r.stdout}\n${r.stderr}`)
  expect(stopped).toBe(false)
  // Gantry's own failure annotation may quote the host's words as its message: data, not a command.
  const forged = commands.filter((c) =>
    JSON.stringify(
      c.name === 'error' ? [c.name, c.properties] : [c.name, c.properties, c.data]
    ).includes('FORGED')
  )
  expect(forged).toEqual([])
  return commands
}

describe('a deploy host', () => {
  const app = 'untrusted'
  const hostile = `echo ${Buffer.from(HOSTILE + '\r\n').toString('base64')} | base64 -d`
  const clean = () =>
    onHost(
      sandbox,
      host,
      `ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; rm -rf ~/gantry/${app}; true`
    )
  beforeAll(() => void clean())
  afterAll(() => void clean())

  const deploy = (inputs: Record<string, string>) =>
    runAction('ssh-deploy', {
      cwd: workspace,
      timeoutMs: 120_000,
      inputs: {
        hosts: `${host.user}@${host.address}`,
        key: KEY,
        'known-hosts': host.knownHosts,
        app,
        env: `IMAGE=${sandbox.images.v1}`,
        'health-timeout': '40s',
        ...inputs
      }
    })

  test('printing every kind of command in a hook changes nothing: the deploy and its outputs are Gantry’s', async () => {
    const r = await deploy({ 'pre-deploy': hostile, 'post-deploy': hostile })
    if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}:\n${r.stdout}\n${r.stderr}`)
    // The host's words are in the log, each line behind the host's prefix.
    expect(r.stdout).toContain(`[${host.user}@${host.address}]   progress 42% ##[error]FORGED`)
    expect(r.stdout).toContain(`[${host.user}@${host.address}] ::set-output name=FORGED`)
    const commands = commandsOf(r)
    expect(commands.map((c) => c.name).filter((n) => n !== 'add-mask' && n !== 'debug')).toEqual([])
    // Consecutive host lines share a region: the fences (which the runner echoes) stay few.
    const fences = r.stdout.split('\n').filter((l) => l.startsWith('::stop-commands::')).length
    const hostLines = r.stdout.split(/\r\n|\r|\n/).filter((l) => l.startsWith(`[${host.user}@`))
    expect(fences).toBeLessThan(hostLines.length / 2)
    // The masks are Gantry's: the key's lines, registered before any host output.
    expect(commands.every((c) => c.name !== 'add-mask' || KEY.includes(c.data))).toBe(true)
    expect(Object.keys(r.outputs).some((k) => k.includes('FORGED'))).toBe(false)
    expect(r.outputs.version).toBe('v1')
  }, 150_000)

  test('a failing hook’s words end in Gantry’s own error annotation, which the runner still sees', async () => {
    const r = await deploy({ 'pre-deploy': `${hostile}; exit 3` })
    expect(r.exitCode).toBe(1)
    const errors = commandsOf(r).filter((c) => c.name === 'error')
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.map((e) => e.properties.title)).toContain(
      `ssh-deploy: ${host.user}@${host.address} failed`
    )
  }, 150_000)
})

describe('a registry, through the Docker CLI', () => {
  let server: Server
  let registry: string
  const hostileMessage = HOSTILE_LINES.join('\r')
  beforeAll(async () => {
    // A registry that accepts the handshake and refuses the upload with a message of its own.
    server = createServer((req, res) => {
      res.setHeader('docker-distribution-api-version', 'registry/2.0')
      res.setHeader('content-type', 'application/json')
      if (req.url === '/v2/') return res.end('{}')
      if (req.method === 'HEAD') {
        res.statusCode = 404
        return res.end()
      }
      res.statusCode = 403
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: hostileMessage }] }))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    registry = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((done) => server.close(done))
  })

  test('its refusal is printed, and the runner acts on none of it; Gantry’s failure is seen', async () => {
    const tag = `${registry}/gantry-untrusted/shop:1`
    const r = await runAction('image-push', {
      inputs: { image: sandbox.images.v1, tags: tag },
      env: { DOCKER_HOST: sandbox.dockerHost, DOCKER_CONFIG: join(workspace, 'docker-config') },
      timeoutMs: 120_000
    })
    onHostCleanup(tag)
    expect(r.exitCode).toBe(1)
    expect(`${r.stdout}${r.stderr}`).toContain('FORGED legacy error mid-line')
    const commands = commandsOf(r)
    const errors = commands.filter((c) => c.name === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.data).toContain(`docker push ${tag}`)
    // Besides the failure, only Gantry's own group around the push.
    expect(
      commands.filter((c) => !['error', 'debug', 'endgroup'].includes(c.name)).map((c) => c.line)
    ).toEqual([`::group::docker push ${tag}`])
  }, 150_000)
})

/** The tag image-push made on the runner's engine. */
function onHostCleanup(tag: string) {
  try {
    execFileSync('docker', ['rmi', tag], {
      env: { ...process.env, DOCKER_HOST: sandbox.dockerHost },
      stdio: 'ignore'
    })
  } catch {
    // already gone
  }
}
