/**
 * The `ecr-login` action in process: its real run() and post step with the ECR SDK mocked
 * (aws-sdk-client-mock, ECR-shaped answers), the real runner contract (file commands, masks) and
 * real Docker config files and credential helper. The Docker CLI path against a real registry is
 * in test/integration/ecr-login.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  ECRServiceException,
  GetAuthorizationTokenCommand,
  PutLifecyclePolicyCommand,
  RepositoryNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../../src/actions/ecr-login/cleanup.js'
import { INPUTS, run } from '../../src/actions/ecr-login/main.js'
import type { DockerCli } from '../../src/io/docker-cli.js'
import type { Runner } from '../../src/lib/runner.js'
import { envRunner } from '../harness/env-runner.js'
import { parseFileCommands } from '../harness/file-commands.js'

const mockEcr = () => mockClient(ECRClient)
let ecr: ReturnType<typeof mockEcr>
beforeAll(() => {
  ecr = mockEcr()
})
afterEach(() => {
  ecr.reset()
})
const scratch: string[] = []
afterAll(() => {
  ecr.restore()
  scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

const PASSWORD =
  'eyJwYXlsb2FkIjoiQUJDMTIzIiwiZGF0YWtleSI6ImtleSJ9-' + Math.random().toString(36).slice(2)
const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const OTHER = '998877665544.dkr.ecr.eu-west-1.amazonaws.com'
const data = (host: string) => ({
  authorizationToken: Buffer.from(`AWS:${PASSWORD}`).toString('base64'),
  expiresAt: new Date('2026-11-23T03:00:00.000Z'),
  proxyEndpoint: `https://${host}`
})

/** A GitHub runner on temp files; setFailed recorded instead of touching process.exitCode. */
function harness(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-ecr-login-'))
  scratch.push(dir)
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  Object.values(files).forEach((f) => writeFileSync(f, ''))
  const dockerConfig = join(dir, 'docker')
  const lines: string[] = []
  const failures: string[] = []
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
  )
  const fullEnv = {
    PATH: join(dir, 'no-docker-here'),
    HOME: dir,
    AWS_REGION: 'eu-west-1',
    DOCKER_CONFIG: dockerConfig,
    ...files,
    ...env,
    ...inputEnv
  }
  const base = envRunner(fullEnv, (line) => lines.push(line))
  const runner: Runner = { ...base, setFailed: (m) => failures.push(m) }
  const read = (f: string) => parseFileCommands(readFileSync(f, 'utf8'))
  return {
    runner,
    lines,
    failures,
    dir,
    dockerConfig,
    env: fullEnv,
    outputs: () => read(files.GITHUB_OUTPUT),
    state: () => read(files.GITHUB_STATE),
    summary: () => readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    config: () => JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')),
    /** The post step of the same job: the state as STATE_* variables, the same environment. */
    post: (state: Record<string, string>, extra: Record<string, string> = {}) => {
      const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
      const postLines: string[] = []
      const postFailures: string[] = []
      const postRunner: Runner = {
        ...envRunner({ ...fullEnv, ...extra, ...stateEnv }, (line) => postLines.push(line)),
        setFailed: (m) => postFailures.push(m)
      }
      return { runner: postRunner, lines: postLines, failures: postFailures }
    }
  }
}

function recordingDocker(): DockerCli & { calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    available: () => true,
    login: async (registry, username, password) => {
      calls.push(['login', registry, username, password])
    },
    logout: async (registry) => {
      calls.push(['logout', registry])
    },
    imageId: async () => undefined,
    tag: async () => undefined,
    push: async () => ({ digest: undefined })
  }
}

describe('ecr-login without a Docker CLI: the Docker config written directly', () => {
  test('token → masked → config entry; outputs, state and summary; the post step removes it', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    const h = harness({})
    writeFileSync(
      join(mkdirp(h.dockerConfig), 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: 'keep' } }, psFormat: 'x' })
    )
    await run({ runner: h.runner })
    expect(h.failures).toEqual([])

    // The mask comes first: nothing before it mentions the password.
    const firstMention = h.lines.findIndex((l) => l.includes(PASSWORD))
    expect(h.lines[firstMention]).toBe(`::add-mask::${PASSWORD}`)
    expect(h.lines.filter((l) => l.includes(PASSWORD) && !l.startsWith('::add-mask::'))).toEqual([])

    expect(h.config()).toEqual({
      auths: {
        'ghcr.io': { auth: 'keep' },
        [REGISTRY]: { auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') }
      },
      psFormat: 'x'
    })
    expect(h.outputs()).toMatchObject({
      registry: REGISTRY,
      'docker-username': 'AWS',
      'docker-password': PASSWORD
    })
    expect(h.state()).toEqual({
      'logout-via': 'config',
      'docker-config': h.dockerConfig,
      registries: JSON.stringify([REGISTRY])
    })
    expect(h.lines).toContain(
      `Logged in to ${REGISTRY} (${join(h.dockerConfig, 'config.json')}); the token expires at 2026-11-23T03:00:00.000Z`
    )
    expect(h.summary()).toContain(
      `| <code>${REGISTRY}</code> | Docker config | 2026-11-23T03:00:00.000Z |`
    )

    const post = h.post(h.state())
    await runPost({ runner: post.runner })
    expect(post.failures).toEqual([])
    expect(post.lines).toContain(`Logged out of ${REGISTRY}`)
    expect(h.config()).toEqual({ auths: { 'ghcr.io': { auth: 'keep' } }, psFormat: 'x' })
  })

  test('a credential helper in the config: the login goes through docker-credential-<name> store/erase', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    const helper = await fakeHelper()
    const h = harness({}, { PATH: helper.bin })
    writeFileSync(
      join(mkdirp(h.dockerConfig), 'config.json'),
      JSON.stringify({ credsStore: 'test' })
    )
    await run({ runner: h.runner })
    expect(h.failures).toEqual([])
    expect(readFileSync(helper.log, 'utf8')).toBe(`store ${REGISTRY}\n`)
    expect(JSON.parse(readFileSync(join(helper.store, REGISTRY), 'utf8'))).toEqual({
      ServerURL: REGISTRY,
      Username: 'AWS',
      Secret: PASSWORD
    })
    expect(h.config()).toEqual({ credsStore: 'test' }) // nothing in clear text

    const post = h.post(h.state())
    await runPost({ runner: post.runner })
    expect(post.failures).toEqual([])
    expect(readFileSync(helper.log, 'utf8')).toBe(`store ${REGISTRY}\nerase ${REGISTRY}\n`)
    expect(existsSync(join(helper.store, REGISTRY))).toBe(false)
  })
})

describe('ecr-login with the Docker CLI', () => {
  test('docker login per registry (cross-account), state for the post step, docker logout after', async () => {
    ecr
      .on(GetAuthorizationTokenCommand, { registryIds: ['123456789012', '998877665544'] })
      .resolves({
        authorizationData: [data(REGISTRY), data(OTHER)]
      })
    const h = harness({ [INPUTS.registries]: '123456789012, 998877665544' })
    const docker = recordingDocker()
    await run({ runner: h.runner, docker })
    expect(h.failures).toEqual([])
    expect(docker.calls).toEqual([
      ['login', REGISTRY, 'AWS', PASSWORD],
      ['login', OTHER, 'AWS', PASSWORD]
    ])
    expect(h.outputs()).toMatchObject({
      registry: REGISTRY,
      'docker-username': 'AWS',
      'docker-password': PASSWORD
    })
    expect(h.state()).toMatchObject({
      'logout-via': 'docker',
      registries: JSON.stringify([REGISTRY, OTHER])
    })

    const post = h.post(h.state())
    const postDocker = recordingDocker()
    await runPost({ runner: post.runner, docker: postDocker })
    expect(postDocker.calls).toEqual([
      ['logout', REGISTRY],
      ['logout', OTHER]
    ])
  })

  test('mask-password: false gives the credentials as outputs, under both naming schemes, unmasked', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    const h = harness({ [INPUTS.maskPassword]: 'false' })
    await run({ runner: h.runner, docker: recordingDocker() })
    expect(h.outputs()).toEqual({
      registry: REGISTRY,
      'docker-username': 'AWS',
      'docker-password': PASSWORD,
      docker_username_123456789012_dkr_ecr_eu_west_1_amazonaws_com: 'AWS',
      docker_password_123456789012_dkr_ecr_eu_west_1_amazonaws_com: PASSWORD
    })
    // A masked value cannot cross to another job: that is what `false` asks for.
    expect(h.lines.filter((l) => l.startsWith('::add-mask::'))).toEqual([])
  })

  test('skip-logout: no state, so the post step does nothing', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    const h = harness({ [INPUTS.skipLogout]: 'true' })
    await run({ runner: h.runner, docker: recordingDocker() })
    expect(h.state()).toEqual({})
    expect(h.summary()).toContain('Logout skipped')
    const post = h.post(h.state())
    const postDocker = recordingDocker()
    await runPost({ runner: post.runner, docker: postDocker })
    expect(postDocker.calls).toEqual([])
    expect(post.lines).toEqual(['No registry to log out of.'])
  })

  test('a failed docker login: a clear error, and the registries already logged in are still logged out', async () => {
    ecr
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [data(REGISTRY), data(OTHER)] })
    const h = harness({})
    const docker = recordingDocker()
    docker.login = async (registry) => {
      if (registry === OTHER) {
        const { DockerCliError } = await import('../../src/io/docker-cli.js')
        throw new DockerCliError(
          ['login', '--username', 'AWS', '--password-stdin', OTHER],
          1,
          'Error response from daemon: login attempt to https://998877665544.dkr.ecr.eu-west-1.amazonaws.com/v2/ failed with status: 400 Bad Request'
        )
      }
      docker.calls.push(['login', registry])
    }
    await run({ runner: h.runner, docker })
    expect(h.failures).toEqual([
      `Could not log Docker in to ${OTHER}: \`docker login --username AWS --password-stdin ${OTHER}\` failed (exit 1): Error response from daemon: login attempt to https://998877665544.dkr.ecr.eu-west-1.amazonaws.com/v2/ failed with status: 400 Bad Request`
    ])
    expect(h.state().registries).toBe(JSON.stringify([REGISTRY]))
    expect(h.outputs()).toEqual({})
  })

  test('create-repository: missing ones created before the login, existing ones untouched', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    ecr.on(DescribeRepositoriesCommand, { repositoryNames: ['shop/api'] }).rejects(
      new RepositoryNotFoundException({
        message:
          "The repository with name 'shop/api' does not exist in the registry with id '123456789012'",
        $metadata: {}
      })
    )
    ecr
      .on(DescribeRepositoriesCommand, { repositoryNames: ['shop/web'] })
      .resolves({ repositories: [{ repositoryName: 'shop/web' }] })
    ecr.on(CreateRepositoryCommand).resolves({ repository: { repositoryName: 'shop/api' } })
    ecr.on(PutLifecyclePolicyCommand).resolves({})
    const h = harness({
      [INPUTS.createRepository]: 'true',
      [INPUTS.repositories]: 'shop/api\nshop/web',
      [INPUTS.imageTagMutability]: 'IMMUTABLE',
      [INPUTS.expireUntaggedDays]: '7'
    })
    await run({ runner: h.runner, docker: recordingDocker() })
    expect(h.failures).toEqual([])
    expect(ecr.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input)).toEqual([
      {
        repositoryName: 'shop/api',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true }
      }
    ])
    expect(
      JSON.parse(ecr.commandCalls(PutLifecyclePolicyCommand)[0]!.args[0].input.lifecyclePolicyText!)
        .rules[0].selection.countNumber
    ).toBe(7)
    expect(h.lines).toContain(
      'Created repository shop/api (scan on push: true, tags immutable, untagged images expire after 7 days)'
    )
    expect(h.lines).toContain('Repository shop/web exists; left as it is')
    expect(h.summary()).toContain('| <code>shop/api</code> | created |')
    expect(h.summary()).toContain('| <code>shop/web</code> | exists, unchanged |')
  })
})

describe('ecr-login failures', () => {
  test('expired AWS credentials: what to do, and nothing logged in', async () => {
    ecr.on(GetAuthorizationTokenCommand).rejects(
      new ECRServiceException({
        name: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const h = harness({})
    const docker = recordingDocker()
    await run({ runner: h.runner, docker })
    expect(h.failures).toEqual([
      'AWS refused GetAuthorizationToken: the credentials have expired (ExpiredTokenException: The security token included in the request is expired). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).'
    ])
    expect(docker.calls).toEqual([])
    expect(h.state()).toEqual({})
    expect(h.outputs()).toEqual({})
  })

  test.each<[Record<string, string>, Record<string, string>, string]>([
    [
      {},
      { AWS_REGION: '' },
      'Input \'region\' is "": expected an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).'
    ],
    [{}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-east-1' }, ''],
    // The European Sovereign Cloud and the isolated partitions are regions too.
    [{ region: 'eusc-de-east-1' }, {}, ''],
    [{ region: 'us-isof-south-1' }, {}, ''],
    [{}, { AWS_REGION: ' cn-north-1 ' }, ''],
    [
      { region: 'Frankfurt' },
      {},
      'Input \'region\' is "Frankfurt": expected an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them).'
    ],
    [
      { registries: '123456789012,12345' },
      {},
      'Input \'registries\' is "12345": expected AWS account IDs of 12 digits, comma-separated (quote an ID that starts with 0).'
    ],
    [
      { 'create-repository': 'true' },
      {},
      'Input \'repositories\' is "": expected the repositories to create when `create-repository` is `true`.'
    ],
    [
      { repositories: 'shop' },
      {},
      'Input \'create-repository\' is "false": expected `true` when `repositories` is given (they are only used to create missing repositories).'
    ],
    [
      { 'create-repository': 'yes', repositories: 'shop' },
      {},
      'Input \'create-repository\' is "yes": expected `true` or `false`.'
    ],
    [
      { 'create-repository': 'true', repositories: 'Shop' },
      {},
      'Input \'repositories\' is "Shop": expected ECR repository names such as `shop/api` (lowercase letters, digits, `.`, `_`, `-`, `/`).'
    ],
    [
      { 'create-repository': 'true', repositories: 'shop', 'image-tag-mutability': 'immutable' },
      {},
      'Input \'image-tag-mutability\' is "immutable": expected one of `MUTABLE`, `IMMUTABLE`.'
    ],
    [{ 'mask-password': 'no' }, {}, 'Input \'mask-password\' is "no": expected `true` or `false`.']
  ])('inputs %j (env %j) → %s', async (inputs, env, message) => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [data(REGISTRY)] })
    const h = harness(inputs, env)
    const docker = recordingDocker()
    await run({ runner: h.runner, docker })
    expect(h.failures).toEqual(message ? [message] : [])
    // A bad input stops everything before AWS is asked.
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(message ? 0 : 1)
  })
})

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A real credential helper (Docker's protocol), storing one JSON file per server. */
async function fakeHelper() {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-helper-'))
  scratch.push(dir)
  const bin = join(dir, 'helper-bin')
  const store = join(dir, 'helper-store')
  const log = join(dir, 'helper.log')
  await mkdir(bin, { recursive: true })
  await mkdir(store, { recursive: true })
  writeFileSync(log, '')
  // Absolute paths: the PATH of these tests holds no Docker (and so no /usr/bin).
  const script = `#!/bin/sh
input=$(/bin/cat)
case "$1" in
  get) echo "get $input" >> '${log}'; /bin/cat '${store}'/"$input" 2>/dev/null || { echo 'credentials not found in native keychain'; exit 1; } ;;
  store) server=$(printf %s "$input" | /bin/sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p'); echo "store $server" >> '${log}'; printf %s "$input" > '${store}'/"$server" ;;
  erase) echo "erase $input" >> '${log}'; /bin/rm -f '${store}'/"$input" ;;
  *) exit 2 ;;
esac
`
  writeFileSync(join(bin, 'docker-credential-test'), script)
  await chmod(join(bin, 'docker-credential-test'), 0o755)
  return { bin, store, log }
}
