// ecr-login against the sandbox: AWS is out of reach, so its run() runs in process with the ECR
// SDK mocked (GetAuthorizationToken answered with the sandbox registry's endpoint and a token of
// ECR's shape, base64 `user:password`); everything after the token is real: `docker login
// --password-stdin` into the htpasswd registry, image-push (the bundle) using that login, and
// the post step (the bundle's post entry) logging out again.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/actions/ecr-login/main.js'
import type { Runner } from '../../src/lib/runner.js'
import { envRunner } from '../harness/env-runner.js'
import { parseFileCommands } from '../harness/file-commands.js'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'
import { readSandbox } from '../sandbox/description.js'

const sandbox = readSandbox()
const AUTH = sandbox.registry.url
const { username: USER, password: PASSWORD } = sandbox.registry
const marker = randomBytes(4).toString('hex')
const scratch = mkdtempSync(join(tmpdir(), 'gantry-ecr-login-it-'))

const mockEcr = () => mockClient(ECRClient)
let ecr: ReturnType<typeof mockEcr>
beforeAll(() => {
  ecr = mockEcr()
  // ECR's answer, pointed at the sandbox registry: proxyEndpoint with scheme, token base64 user:password.
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      {
        authorizationToken: Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
        expiresAt: new Date(Date.now() + 12 * 3600_000),
        proxyEndpoint: `https://${AUTH}`
      }
    ]
  })
})
const localRefs = new Set<string>([sandbox.registry.images.v2])
afterAll(async () => {
  ecr.restore()
  for (const ref of localRefs) await docker(['rmi', ref])
  rmSync(scratch, { recursive: true, force: true })
})

/** The main step in process, on the runner contract's files; returns what the runner would keep. */
async function login(env: Record<string, string>) {
  const dir = mkdtempSync(join(scratch, 'main-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  Object.values(files).forEach((f) => writeFileSync(f, ''))
  const lines: string[] = []
  const failures: string[] = []
  const runner: Runner = {
    ...envRunner(
      { HOME: dir, AWS_REGION: 'eu-west-1', DOCKER_HOST: sandbox.dockerHost, ...files, ...env },
      (l) => lines.push(l)
    ),
    setFailed: (m) => failures.push(m)
  }
  await run({ runner })
  return {
    lines,
    failures,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  }
}

function docker(
  args: string[],
  config = scratch
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, {
      env: { ...process.env, DOCKER_HOST: sandbox.dockerHost, DOCKER_CONFIG: config }
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}
const dockerPull = (ref: string, config: string) => docker(['pull', '-q', ref], config)

const authEntry = (config: string) => {
  try {
    return (
      JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')) as {
        auths?: Record<string, unknown>
      }
    ).auths?.[AUTH]
  } catch {
    return undefined
  }
}

describe.each(NODES)('ecr-login then image-push on $name', ({ name, path: node }) => {
  const repo = `gantry-it/ecr-${marker}-${name.replace(/\D/g, '')}`

  test('docker login with the token; image-push uses the login; the post step logs out', async () => {
    const config = mkdtempSync(join(scratch, 'docker-'))
    const main = await login({ PATH: process.env.PATH as string, DOCKER_CONFIG: config })
    expect(main.failures).toEqual([])
    expect(main.outputs).toMatchObject({
      registry: AUTH,
      'docker-username': USER,
      'docker-password': PASSWORD
    })
    expect(main.lines[0]).toBe(`::add-mask::${PASSWORD}`)
    expect(main.lines.filter((l) => l.includes(PASSWORD) && !l.startsWith('::add-mask::'))).toEqual(
      []
    )
    expect(main.state).toEqual({
      'logout-via': 'docker',
      'docker-config': config,
      registries: JSON.stringify([AUTH])
    })
    expect(authEntry(config)).toEqual({
      auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
    })

    const env = { DOCKER_HOST: sandbox.dockerHost, DOCKER_CONFIG: config }
    localRefs.add(`${AUTH}/${repo}:build`)
    const pushed = await runAction('image-push', {
      node,
      inputs: { image: sandbox.images.v1, tags: `${AUTH}/${repo}:build` },
      env,
      timeoutMs: 120_000
    })
    expect(pushed.exitCode).toBe(0)
    const promoted = await runAction('image-push', {
      node,
      inputs: { source: `${AUTH}/${repo}:build`, tags: `${AUTH}/${repo}:prod` },
      env
    })
    expect(promoted.exitCode).toBe(0)
    expect(promoted.outputs.digest).toBe(pushed.outputs.digest)

    const post = await runAction('ecr-login', { node, entry: 'post', state: main.state, env })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Logged out of ${AUTH}`)
    expect(secretLeaks(post, [PASSWORD])).toEqual([])
    expect(authEntry(config)).toBeUndefined()
    const after = await runAction('image-push', {
      node,
      inputs: { source: `${AUTH}/${repo}:build`, tags: `${AUTH}/${repo}:after` },
      env
    })
    expect(after.exitCode).toBe(1)
    expect(after.annotations[0]?.message).toMatch(/asks for credentials and none were found/)
  }, 180_000)

  test('no Docker CLI: the config entry written directly is one Docker itself accepts; post removes it', async () => {
    const config = mkdtempSync(join(scratch, 'docker-'))
    const noDocker = join(scratch, `empty-path-${name.replace(/\D/g, '')}`)
    mkdirSync(noDocker, { recursive: true })
    const main = await login({ PATH: noDocker, DOCKER_CONFIG: config })
    expect(main.failures).toEqual([])
    expect(main.state['logout-via']).toBe('config')
    // The real Docker CLI pulls with the entry we wrote.
    expect(await dockerPull(sandbox.registry.images.v2, config)).toEqual({ code: 0, stderr: '' })

    const post = await runAction('ecr-login', {
      node,
      entry: 'post',
      state: main.state,
      env: { PATH: noDocker, DOCKER_CONFIG: config }
    })
    expect(post.exitCode).toBe(0)
    expect(authEntry(config)).toBeUndefined()
    const refused = await dockerPull(sandbox.registry.images.v2, config)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/no basic auth credentials/)
  }, 120_000)
})
