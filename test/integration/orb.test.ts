/**
 * The orb's commands as CircleCI runs them, against the sandbox. A small emulator does what
 * CircleCI's compile step and runner do for the parts the orb uses: binds parameters (defaults,
 * required ones, unknown ones refused), substitutes `<< parameters.x >>` in YAML values (never in
 * `command:` text, which must hold none), renders booleans in `environment` as 1/0, and runs each
 * run step with `/bin/bash -eo pipefail -c` under CircleCI's variables, one shared $BASH_ENV file
 * (bash sources it at every step), the step's environment and `when:`. GANTRY_CLI points the
 * commands at the built CLI (dist/cli/index.js).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { HOSTILE_VALUES } from '../fixtures/hostile.js'
import { ROOT } from '../harness/run-action.js'
import { readSandbox, type SandboxHost, type SandboxSlackRequest } from '../sandbox/description.js'

// ---------------------------------------------------------------------------------------------
// The emulator

interface ParamSpec {
  type: string
  default?: unknown
  enum?: string[]
}
type Step = string | Record<string, unknown>
interface Component {
  parameters?: Record<string, ParamSpec>
  steps: Step[]
}
interface Orb {
  commands: Record<string, Component>
  jobs: Record<string, Component>
}
interface RunStep {
  name: string
  command: string
  environment: Record<string, string>
  when: 'always' | 'on_success' | 'on_fail'
}
interface StepResult {
  name: string
  ran: boolean
  status: number | null
  stdout: string
  stderr: string
}
interface JobResult {
  steps: StepResult[]
  failed: boolean
  bashEnv: string
  /** Every step's output, for leak checks. */
  output: string
}

const orb = parse(readFileSync(join(ROOT, 'orb', 'orb.yml'), 'utf8')) as Orb
const CLI = `${process.execPath} ${join(ROOT, 'dist', 'cli', 'index.js')}`
/** Every file this test writes goes under here. */
const scratch = mkdtempSync(join(tmpdir(), 'gantry-orb-it-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const WHOLE_REF = /^<<\s*parameters\.([A-Za-z0-9_-]+)\s*>>$/
const REF = /<<\s*parameters\.([A-Za-z0-9_-]+)\s*>>/g
const PIPELINE_REF = /<<\s*pipeline\.([a-z0-9_.-]+)\s*>>/g

interface EmulatorOptions {
  /** How CircleCI renders a boolean parameter in `environment` (1/0, as its orbs' scripts expect). */
  booleans?: '1/0' | 'true/false'
  /** Pipeline values, e.g. `{ number: 42 }` for `<< pipeline.number >>`. */
  pipeline?: Record<string, string | number>
}

/** Parameter values for a component: the given ones, else defaults; unknown or missing ones fail. */
function bind(component: Component, args: Record<string, unknown>, where: string) {
  const declared = component.parameters ?? {}
  for (const name of Object.keys(args))
    if (!(name in declared)) throw new Error(`${where}: unknown parameter '${name}'`)
  return Object.fromEntries(
    Object.entries(declared).map(([name, spec]) => {
      const value = name in args ? args[name] : spec.default
      if (value === undefined) throw new Error(`${where}: parameter '${name}' is required`)
      if (spec.type === 'enum' && !spec.enum?.includes(String(value)))
        throw new Error(`${where}: '${name}' must be one of ${spec.enum?.join(', ')}`)
      return [name, value]
    })
  )
}

/** CircleCI's substitution in YAML values: a whole reference keeps the parameter's type. */
function substitute(
  value: unknown,
  params: Record<string, unknown>,
  where: string,
  pipeline: Record<string, string | number> = {}
): unknown {
  const lookup = (name: string) => {
    if (!(name in params)) throw new Error(`${where}: << parameters.${name} >> is not declared`)
    return params[name]
  }
  if (typeof value === 'string') {
    const whole = WHOLE_REF.exec(value)
    if (whole) return lookup(whole[1] as string)
    return value
      .replace(REF, (_, name: string) => String(lookup(name)))
      .replace(PIPELINE_REF, (_, name: string) => {
        if (!(name in pipeline)) throw new Error(`${where}: no pipeline value ${name}`)
        return String(pipeline[name])
      })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, params, where, pipeline))
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, params, where, pipeline)])
    )
  return value
}

function environmentValue(value: unknown, options: EmulatorOptions): string {
  if (typeof value === 'boolean')
    return options.booleans === 'true/false' ? String(value) : value ? '1' : '0'
  return String(value)
}

/** Steps with their parameters bound, flattened to run steps, as CircleCI compiles a job. */
function expand(
  steps: Step[],
  params: Record<string, unknown>,
  where: string,
  options: EmulatorOptions
): RunStep[] {
  const out: RunStep[] = []
  for (const step of steps) {
    const [name, raw] =
      typeof step === 'string' ? [step, {}] : (Object.entries(step)[0] as [string, unknown])
    if (name === 'checkout') continue // the test prepares the workspace
    if (name === 'run') {
      const run = (typeof raw === 'string' ? { command: raw } : raw) as Record<string, unknown>
      const command = String(run.command)
      // The one rule: no parameter may reach shell text. There is no `<<` in any command at all.
      if (command.includes('<<'))
        throw new Error(`${where}: '<<' in command text: ${command.slice(0, 80)}`)
      const bound = substitute({ ...run, command: undefined }, params, where) as Record<
        string,
        unknown
      >
      out.push({
        name: String(bound.name ?? command.split('\n')[0]),
        command,
        when: (bound.when as RunStep['when']) ?? 'on_success',
        environment: Object.fromEntries(
          Object.entries((bound.environment as Record<string, unknown>) ?? {}).map(([k, v]) => [
            k,
            environmentValue(v, options)
          ])
        )
      })
      continue
    }
    const local = name.replace(/^gantry\//, '')
    const command = orb.commands[local]
    if (!command) throw new Error(`${where}: no command '${name}'`)
    const args = substitute(raw ?? {}, params, where, options.pipeline) as Record<string, unknown>
    out.push(...expand(command.steps, bind(command, args, name), name, options))
  }
  return out
}

const jobSteps = (steps: Step[], options: EmulatorOptions = {}): RunStep[] =>
  expand(steps, {}, 'job', options)

const orbJobSteps = (
  name: string,
  args: Record<string, unknown>,
  options: EmulatorOptions = {}
) => {
  const job = orb.jobs[name] as Component
  const bound = substitute(args, {}, `gantry/${name}`, options.pipeline) as Record<string, unknown>
  return expand(job.steps, bind(job, bound, `gantry/${name}`), `gantry/${name}`, options)
}

/** Runs the steps as CircleCI's runner does, honouring `when:` after a failure. */
function runJob(
  steps: RunStep[],
  env: Record<string, string>,
  cwd: string,
  bashEnv = join(mkdtempSync(join(scratch, 'job-')), 'bash_env')
): JobResult {
  if (!existsSync(bashEnv)) writeFileSync(bashEnv, '')
  const results: StepResult[] = []
  let failed = false
  for (const step of steps) {
    const skip = (step.when === 'on_success' && failed) || (step.when === 'on_fail' && !failed)
    if (skip) {
      results.push({ name: step.name, ran: false, status: null, stdout: '', stderr: '' })
      continue
    }
    const r = spawnSync('/bin/bash', ['-eo', 'pipefail', '-c', step.command], {
      cwd,
      env: { ...env, BASH_ENV: bashEnv, ...step.environment },
      encoding: 'utf8',
      timeout: 150_000,
      // Not a pipe from node: bash takes a socket on stdin for sshd's and reads ~/.bashrc instead of $BASH_ENV.
      stdio: ['ignore', 'pipe', 'pipe']
    })
    if (r.status !== 0) failed = true
    results.push({
      name: step.name,
      ran: true,
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr
    })
  }
  const output = results.map((s) => `${s.stdout}\n${s.stderr}`).join('\n')
  return { steps: results, failed, bashEnv: readFileSync(bashEnv, 'utf8'), output }
}

/** A step's result by name, with its log in the failure message when it is not as expected. */
function step(job: JobResult, name: string): StepResult {
  const found = job.steps.filter((s) => s.name === name)
  if (found.length !== 1) throw new Error(`${found.length} steps named ${name}`)
  return found[0] as StepResult
}
function expectStatus(job: JobResult, name: string, status: number | null) {
  const s = step(job, name)
  if (s.status !== status)
    throw new Error(`${name}: exit ${s.status}, expected ${status}\n${s.stdout}\n${s.stderr}`)
}

/** The value a later step sees for a variable, after sourcing $BASH_ENV. */
function fromBashEnv(job: JobResult, name: string): string {
  const dir = mkdtempSync(join(scratch, 'read-'))
  writeFileSync(join(dir, 'bash_env'), job.bashEnv)
  return execFileSync('/bin/bash', ['-c', `source ./bash_env; printf '%s' "\${${name}:-}"`], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

// ---------------------------------------------------------------------------------------------
// CircleCI's variables, a workspace, a stub CLI that records what it is given

const run = randomBytes(3).toString('hex')
const PROJECT = `orbtest-${run}`
const MARKER = '/tmp/gantry-orb-pwned'
const HOSTILE = `Fix "quotes" and it's done\n$(touch ${MARKER}) \`touch ${MARKER}\` \${HOME}; touch ${MARKER}`

function circle(overrides: Record<string, string> = {}): Record<string, string> {
  const build = overrides.CIRCLE_BUILD_NUM ?? '57'
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: mkdtempSync(join(scratch, 'home-')),
    CIRCLECI: 'true',
    CIRCLE_BRANCH: 'develop',
    CIRCLE_BUILD_NUM: build,
    CIRCLE_SHA1: '4f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
    CIRCLE_PROJECT_USERNAME: 'acme',
    CIRCLE_PROJECT_REPONAME: PROJECT,
    CIRCLE_REPOSITORY_URL: `git@github.com:acme/${PROJECT}.git`,
    CIRCLE_BUILD_URL: `https://circleci.com/gh/acme/${PROJECT}/${build}`,
    CIRCLE_USERNAME: 'dev',
    GANTRY_CLI: CLI,
    ...overrides
  }
}

/** GANTRY_CLI for a stub that appends `{ argv, env: GANTRY_* }` as one JSON line to $RECORD_FILE. */
const RECORDER = join(scratch, 'recorder.mjs')
writeFileSync(
  RECORDER,
  `import { appendFileSync } from 'node:fs'
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('GANTRY_') && k !== 'GANTRY_CLI'))
appendFileSync(process.env.RECORD_FILE, JSON.stringify({ argv: process.argv.slice(2), env }) + '\\n')
`
)
function recorded(file: string): { argv: string[]; env: Record<string, string> }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { argv: string[]; env: Record<string, string> })
}

const ACTION_COMMANDS = Object.keys(orb.commands).filter((c) => c !== 'install')

// ---------------------------------------------------------------------------------------------

describe('parameters reach the CLI through the environment, verbatim', () => {
  beforeAll(() => rmSync(MARKER, { force: true }))

  /** For every parameter of a command: a value of its type; strings are hostile. */
  function valuesFor(command: string, secrets: Record<string, string>) {
    const args: Record<string, unknown> = {}
    const expected: Record<string, string> = {}
    let i = 0
    for (const [name, spec] of Object.entries(orb.commands[command]?.parameters ?? {})) {
      const variable = `GANTRY_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`
      if (spec.type === 'boolean') {
        args[name] = i % 2 === 0
        expected[variable] = String(args[name])
      } else if (spec.type === 'integer') {
        args[name] = 7
        expected[variable] = '7'
      } else if (spec.type === 'enum') {
        args[name] = spec.enum?.[0]
      } else if (spec.type === 'env_var_name') {
        const holder = `ORBTEST_SECRET_${i}`
        secrets[holder] = `s3cr3t-${name}-$(touch ${MARKER})-'"`
        args[name] = holder
        expected[variable] = secrets[holder] as string
      } else {
        args[name] = `${name}: ${HOSTILE_VALUES[i % HOSTILE_VALUES.length]}`
        expected[variable] = args[name] as string
      }
      i++
    }
    return { args, expected }
  }

  test.each(ACTION_COMMANDS)(
    '%s: every parameter arrives as its GANTRY_ variable, secrets by indirection, nothing runs',
    (command) => {
      const record = join(scratch, `${command}.jsonl`)
      const secrets: Record<string, string> = {}
      const { args, expected } = valuesFor(command, secrets)
      const job = runJob(
        jobSteps([{ [`gantry/${command}`]: args }]),
        circle({ ...secrets, GANTRY_CLI: `${process.execPath} ${RECORDER}`, RECORD_FILE: record }),
        scratch
      )
      expect(job.failed).toBe(false)
      const [call, ...more] = recorded(record)
      expect(more).toEqual([])
      expect(call?.argv).toEqual([command])
      for (const [variable, value] of Object.entries(expected))
        expect([variable, call?.env[variable]]).toEqual([variable, value])
      expect(existsSync(MARKER)).toBe(false)
      for (const secret of Object.values(secrets)) expect(job.output).not.toContain(secret)
    }
  )

  test('booleans arrive as true/false however CircleCI renders them (1/0 or true/false)', () => {
    for (const booleans of ['1/0', 'true/false'] as const) {
      const record = join(scratch, `booleans-${booleans.replace('/', '')}.jsonl`)
      const steps = jobSteps(
        [{ 'gantry/version': { 'sha-tag': false } }, { 'gantry/version': { 'sha-tag': true } }],
        { booleans }
      )
      expect(steps[0]?.environment.GANTRY_SHA_TAG).toBe(booleans === '1/0' ? '0' : 'false')
      runJob(
        steps,
        circle({ GANTRY_CLI: `${process.execPath} ${RECORDER}`, RECORD_FILE: record }),
        scratch
      )
      expect(recorded(record).map((r) => r.env.GANTRY_SHA_TAG)).toEqual(['false', 'true'])
    }
  })

  test('an empty parameter takes the earlier command’s output from $BASH_ENV; a given one wins', () => {
    const record = join(scratch, 'chained.jsonl')
    const bashEnv = join(scratch, 'chained_bash_env')
    writeFileSync(
      bashEnv,
      [
        "export GANTRY_OUT_VERSION='1.2.3'",
        "export GANTRY_OUT_TAGS='r/app:1.2.3\nr/app:develop'",
        `export GANTRY_OUT_HOSTS='["deploy@h1","deploy@h2"]'`,
        "export GANTRY_OUT_ENVIRONMENT='sandbox'",
        "export GANTRY_OUT_URL='https://sandbox.example.com'",
        "export GANTRY_OUT_DEPLOY='true'",
        ''
      ].join('\n')
    )
    const job = runJob(
      jobSteps([
        { 'gantry/image-push': { image: 'app:build' } },
        { 'gantry/ssh-deploy': { app: 'shop' } },
        { 'gantry/slack-notify': { status: 'deployed' } },
        { 'gantry/ssh-deploy': { app: 'shop', hosts: 'other@h9', version: '9.9.9' } }
      ]),
      circle({
        GANTRY_SSH_KEY: 'k',
        GANTRY_CLI: `${process.execPath} ${RECORDER}`,
        RECORD_FILE: record
      }),
      scratch,
      bashEnv
    )
    expect(job.failed).toBe(false)
    const [push, deploy, slack, explicit] = recorded(record).map((r) => r.env)
    expect(push?.GANTRY_TAGS).toBe('r/app:1.2.3\nr/app:develop')
    expect([deploy?.GANTRY_HOSTS, deploy?.GANTRY_VERSION]).toEqual([
      '["deploy@h1","deploy@h2"]',
      '1.2.3'
    ])
    expect([slack?.GANTRY_VERSION, slack?.GANTRY_ENVIRONMENT, slack?.GANTRY_URL]).toEqual([
      '1.2.3',
      'sandbox',
      'https://sandbox.example.com'
    ])
    expect([explicit?.GANTRY_HOSTS, explicit?.GANTRY_VERSION]).toEqual(['other@h9', '9.9.9'])
  })

  test('an env_var_name parameter that is not a name is refused before bash expands it', () => {
    const record = join(scratch, 'refused.jsonl')
    // CircleCI itself refuses such a value; bash's ${!name} would run the $(…) in an array index.
    const hostile = `X[$(touch ${MARKER})]`
    const job = runJob(
      jobSteps([{ 'gantry/slack-notify': { status: 'started', token: hostile } }]),
      circle({ GANTRY_CLI: `${process.execPath} ${RECORDER}`, RECORD_FILE: record }),
      scratch
    )
    expectStatus(job, 'gantry slack-notify', 1)
    expect(step(job, 'gantry slack-notify').stderr).toContain(
      'gantry: parameter token must be the name of an environment variable'
    )
    expect(existsSync(MARKER)).toBe(false)
    expect(existsSync(record)).toBe(false)
  })

  test('a required secret whose variable is unset fails naming the variable, before the CLI runs', () => {
    const record = join(scratch, 'unset.jsonl')
    const job = runJob(
      jobSteps([{ 'gantry/ssh-deploy': { app: 'shop', hosts: 'd@h1', key: 'DEPLOY_KEY_PROD' } }]),
      circle({ GANTRY_CLI: `${process.execPath} ${RECORDER}`, RECORD_FILE: record }),
      scratch
    )
    expectStatus(job, 'gantry ssh-deploy', 1)
    expect(step(job, 'gantry ssh-deploy').stderr).toContain(
      'gantry ssh-deploy: the variable DEPLOY_KEY_PROD (parameter key) is empty or unset'
    )
    expect(existsSync(record)).toBe(false)
  })
})

describe('install', () => {
  const bin = join(scratch, 'bin')
  mkdirSync(bin, { recursive: true })
  const stub = (path: string, script: string) => {
    writeFileSync(path, `#!/bin/sh\n${script}\n`)
    chmodSync(path, 0o755)
  }

  test('GANTRY_CLI names the command: nothing is installed, and it must start', () => {
    const job = runJob(jobSteps(['gantry/install']), circle(), scratch)
    expectStatus(job, 'gantry install', 0)
    expect(step(job, 'gantry install').stdout).toContain(`Using GANTRY_CLI: ${CLI}`)
    const broken = runJob(
      jobSteps(['gantry/install']),
      circle({ GANTRY_CLI: `${process.execPath} /nonexistent/cli.js` }),
      scratch
    )
    expectStatus(broken, 'gantry install', 1)
    expect(step(broken, 'gantry install').stderr).toContain('gantry does not start here')
  })

  test('a gantry already on PATH is used as it is', () => {
    const dir = join(bin, 'present')
    mkdirSync(dir, { recursive: true })
    stub(join(dir, 'gantry'), 'exit 0')
    const job = runJob(jobSteps(['gantry/install']), circle({ GANTRY_CLI: '', PATH: dir }), scratch)
    expectStatus(job, 'gantry install', 0)
    expect(step(job, 'gantry install').stdout).toContain(
      `gantry is already installed: ${dir}/gantry`
    )
  })

  test('otherwise npm installs this orb’s CLI version into ~/.gantry, on PATH for the next steps', () => {
    const dir = join(bin, 'npm')
    mkdirSync(dir, { recursive: true })
    const calls = join(scratch, 'npm-calls')
    // A stand-in npm: records its arguments and leaves a `gantry` where npm would link it.
    stub(
      join(dir, 'npm'),
      `printf '%s\\n' "$@" > ${calls}
prefix=""; while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done
/bin/mkdir -p "$prefix/node_modules/.bin"
printf '#!/bin/sh\\necho "stub gantry $*"\\n' > "$prefix/node_modules/.bin/gantry"
/bin/chmod +x "$prefix/node_modules/.bin/gantry"`
    )
    const env = circle({ GANTRY_CLI: '', PATH: dir })
    const job = runJob(
      [...jobSteps(['gantry/install']), { ...jobSteps([{ run: 'gantry version' }])[0]! }],
      env,
      scratch
    )
    expectStatus(job, 'gantry install', 0)
    const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      name: string
      version: string
    }
    const args = readFileSync(calls, 'utf8').trim().split('\n')
    expect(args).toContain(`${name}@${version}`)
    expect(args.slice(args.indexOf('--prefix'), args.indexOf('--prefix') + 2)).toEqual([
      '--prefix',
      `${env.HOME}/.gantry`
    ])
    expect(job.steps[1]?.stdout).toBe('stub gantry version\n')
  })

  test('without npm it says what it needs', () => {
    const empty = join(bin, 'empty')
    mkdirSync(empty, { recursive: true })
    const job = runJob(
      jobSteps(['gantry/install']),
      circle({ GANTRY_CLI: '', PATH: empty }),
      scratch
    )
    expectStatus(job, 'gantry install', 1)
    expect(step(job, 'gantry install').stderr).toContain(
      'gantry needs Node.js 20.11 or later with npm'
    )
  })
})

describe('the CLI knows what the orb passes', () => {
  const known = ACTION_COMMANDS.filter(
    (c) =>
      spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'index.js'), c, '--help']).status === 0
  )

  test('only the actions still being added to the CLI are missing from it', () => {
    // ecr-login and image-push joined the CLI after the orb: the test below covers each command
    // as soon as `gantry <command> --help` works.
    const missing = ACTION_COMMANDS.filter((c) => !known.includes(c))
    expect(missing.filter((c) => !['ecr-login', 'image-push'].includes(c))).toEqual([])
    expect(known).toEqual(
      expect.arrayContaining(['version', 'environment', 'ssh-deploy', 'slack-notify'])
    )
  })

  test.each(known)('gantry %s --help lists every variable its orb command sets', (command) => {
    const help = execFileSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'index.js'), command, '--help'],
      { encoding: 'utf8' }
    )
    const listed = [...help.matchAll(/^ {2}--([a-z0-9-]+) {2}\((GANTRY_[A-Z0-9_]+)\)/gm)].map(
      (m) => [m[1], m[2]]
    )
    const run = (orb.commands[command]?.steps ?? []).find(
      (s): s is { run: { environment: Record<string, string> } } =>
        typeof s === 'object' && 'run' in s && 'environment' in (s.run as object)
    )
    const passed = Object.entries(run?.run.environment ?? {})
      .map(([variable, value]) => [WHOLE_REF.exec(value)?.[1], variable])
      .filter(([, variable]) => !variable?.startsWith('GANTRY_ORB_'))
    const secrets = Object.entries(orb.commands[command]?.parameters ?? {})
      .filter(([, spec]) => spec.type === 'env_var_name')
      .map(([name]) => [name, `GANTRY_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`])
    expect([...passed, ...secrets].sort()).toEqual(listed.sort())
  })
})

// ---------------------------------------------------------------------------------------------
// Against the sandbox: a real deploy over SSH and real Slack requests

describe('against the sandbox: version → environment → ssh-deploy → slack-notify', () => {
  const sandbox = readSandbox()
  const host = sandbox.hosts[0] as SandboxHost
  const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
  const KEY_LINES = KEY.split('\n').filter((l) => l && !l.startsWith('-----'))
  const APP = 'orbtest'
  const workspace = mkdtempSync(join(scratch, 'workspace-'))
  /** A channel per test: each finds its own messages on the shared endpoint. */
  const channel = (test: string) => `#${PROJECT}-${test}`
  const secrets = { GANTRY_SSH_KEY: KEY, SLACK_ACCESS_TOKEN: sandbox.slack.token }

  function onHost(script: string): string {
    return execFileSync(
      'ssh',
      [
        ...['-i', sandbox.ssh.privateKeyPath, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes'],
        ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${host.knownHostsFile}`],
        `${host.user}@${host.address}`,
        script
      ],
      { encoding: 'utf8' }
    )
  }
  const cleanApp = () =>
    onHost(
      `cd ~/gantry/${APP}/current 2>/dev/null && docker-compose -p ${APP} -f compose.yml down -t 1 >/dev/null 2>&1; rm -rf ~/gantry/${APP}; true`
    )

  async function versionOnHost(): Promise<string> {
    try {
      const res = await fetch(`${host.appUrl}/version`, { signal: AbortSignal.timeout(3000) })
      return (await res.text()).trim()
    } catch (error) {
      return `unreachable (${(error as Error).message})`
    }
  }

  async function slackPosts(to: string): Promise<SandboxSlackRequest[]> {
    const res = await fetch(
      `${sandbox.slack.requestsUrl}?path=${encodeURIComponent('/api/chat.postMessage')}`
    )
    const all = (await res.json()) as SandboxSlackRequest[]
    return all.filter((r) => (r.body as { channel?: string } | null)?.channel === to)
  }

  function expectNoSecret(job: JobResult) {
    for (const secret of [sandbox.slack.token, ...KEY_LINES]) {
      expect(job.output).not.toContain(secret)
      expect(job.bashEnv).not.toContain(secret)
    }
  }

  beforeAll(() => {
    rmSync(MARKER, { force: true })
    copyFileSync(sandbox.composeFile, join(workspace, 'docker-compose.yml'))
    // develop → sandbox (the default map); the sandbox environment is the first sandbox host.
    mkdirSync(join(workspace, '.github'))
    writeFileSync(
      join(workspace, '.github', 'gantry.yml'),
      `environments:\n  sandbox:\n    hosts: [${host.user}@${host.address}]\n    url: ${host.appUrl}\n`
    )
    // Every app on a host binds its APP_ADDR (port 8080): nothing else may hold it.
    onHost('ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null')
    cleanApp()
  })
  afterAll(() => void cleanApp())

  test('the commands, chained through $BASH_ENV, deploy v1 and tell Slack; hostile text runs nothing', async () => {
    const started = Date.now()
    const job = runJob(
      jobSteps([
        'gantry/install',
        { 'gantry/version': { images: '127.0.0.1:5000/demo-app' } },
        'gantry/environment',
        {
          'gantry/ssh-deploy': {
            app: APP,
            'known-hosts': host.knownHosts,
            env: `IMAGE=${sandbox.images.v1}\nCOMMIT_MESSAGE=${HOSTILE.replace(/\n/g, ' ')}`,
            'health-timeout': '40s'
          }
        },
        {
          'gantry/slack-notify': {
            status: 'deployed',
            'api-url': sandbox.slack.apiUrl,
            channel: channel('commands'),
            text: HOSTILE
          }
        }
      ]),
      circle(secrets),
      workspace
    )
    for (const name of [
      'gantry install',
      'gantry version',
      'gantry environment',
      'gantry ssh-deploy'
    ])
      expectStatus(job, name, 0)
    expectStatus(job, 'gantry slack-notify', 0)
    expect(step(job, 'gantry slack-notify: note that the job has failed').ran).toBe(false)

    // version → BASH_ENV → environment → ssh-deploy: the host list and the version came through.
    expect(fromBashEnv(job, 'GANTRY_OUT_ENVIRONMENT')).toBe('sandbox')
    expect(fromBashEnv(job, 'GANTRY_OUT_HOSTS')).toBe(`["${host.user}@${host.address}"]`)
    expect(fromBashEnv(job, 'GANTRY_OUT_VERSION')).toBe('0.1.57')
    expect(fromBashEnv(job, 'GANTRY_OUT_HOSTS_SUCCEEDED')).toBe(`["${host.user}@${host.address}"]`)
    expect(step(job, 'gantry ssh-deploy').stderr).toContain('0.1.57')
    expect(await versionOnHost()).toBe('v1')
    // The hostile line reached the host's .env as data.
    expect(readFileSync(join(host.home, 'gantry', APP, 'current', '.env'), 'utf8')).toContain(
      `COMMIT_MESSAGE=${HOSTILE.replace(/\n/g, ' ')}`
    )

    // → slack-notify: version, environment and URL from BASH_ENV; the text verbatim.
    const posts = await slackPosts(channel('commands'))
    expect(posts).toHaveLength(1)
    const body = JSON.stringify(posts[0]?.body)
    for (const expected of ['0.1.57', 'sandbox', host.appUrl, 'deployed to sandbox'])
      expect(body).toContain(expected)
    expect(body).toContain(JSON.stringify(HOSTILE).slice(1, -1))
    expect(new Date(posts[0]?.time ?? 0).getTime()).toBeGreaterThanOrEqual(started - 1000)

    expect(existsSync(MARKER)).toBe(false)
    expectNoSecret(job)
  }, 180_000)

  test('the deploy job does the same in one job: v2 replaces v1 and Slack says so', async () => {
    const job = runJob(
      orbJobSteps('deploy', {
        app: APP,
        images: '127.0.0.1:5000/demo-app',
        'known-hosts': host.knownHosts,
        env: `IMAGE=${sandbox.images.v2}`,
        'health-timeout': '40s',
        'api-url': sandbox.slack.apiUrl,
        channel: channel('job')
      }),
      circle({ ...secrets, CIRCLE_BUILD_NUM: '58' }),
      workspace
    )
    expect(job.steps.filter((s) => s.ran && s.status !== 0)).toEqual([])
    expect(job.steps.map((s) => s.name)).toEqual([
      'gantry install',
      'gantry version',
      'gantry environment',
      'gantry ssh-deploy',
      'gantry slack-notify: note that the job has failed',
      'gantry slack-notify'
    ])
    expect(fromBashEnv(job, 'GANTRY_OUT_VERSION')).toBe('0.1.58')
    expect(fromBashEnv(job, 'GANTRY_OUT_PREVIOUS_VERSION')).toBe('0.1.57')
    expect(await versionOnHost()).toBe('v2')
    const posts = await slackPosts(channel('job'))
    expect(posts).toHaveLength(1)
    expect(JSON.stringify(posts[0]?.body)).toContain('0.1.58 deployed to sandbox')
    expectNoSecret(job)
  }, 180_000)

  test('a refused deploy fails the job; Slack hears `failed`; the host keeps serving v2', async () => {
    // h02's host key for h01's address: the host-key check refuses the connection.
    const wrongKey = `${host.address} ${(sandbox.hosts[1] as SandboxHost).knownHosts.split(' ').slice(1).join(' ')}`
    const job = runJob(
      orbJobSteps('deploy', {
        app: APP,
        'known-hosts': wrongKey,
        env: `IMAGE=${sandbox.images.v1}`,
        'api-url': sandbox.slack.apiUrl,
        channel: channel('refused')
      }),
      circle({ ...secrets, CIRCLE_BUILD_NUM: '59' }),
      workspace
    )
    expect(job.failed).toBe(true)
    expectStatus(job, 'gantry ssh-deploy', 1)
    expect(step(job, 'gantry slack-notify: note that the job has failed').status).toBe(0)
    expectStatus(job, 'gantry slack-notify', 0)
    const posts = await slackPosts(channel('refused'))
    expect(posts).toHaveLength(1)
    expect(JSON.stringify(posts[0]?.body)).toMatch(/failed/)
    expect(JSON.stringify(posts[0]?.body)).not.toMatch(/deployed to/)
    expect(await versionOnHost()).toBe('v2')
    expectNoSecret(job)
  }, 120_000)

  test('a branch that maps to no environment deploys and posts nothing, and needs no key', async () => {
    const job = runJob(
      orbJobSteps('deploy', {
        app: APP,
        env: `IMAGE=${sandbox.images.v1}`,
        'api-url': sandbox.slack.apiUrl,
        channel: channel('feature')
      }),
      circle({ SLACK_ACCESS_TOKEN: sandbox.slack.token, CIRCLE_BRANCH: 'feature/login' }),
      workspace
    )
    expect(job.failed).toBe(false)
    expect(fromBashEnv(job, 'GANTRY_OUT_DEPLOY')).toBe('false')
    expect(step(job, 'gantry ssh-deploy').stdout).toContain(
      'Nothing to deploy: branch feature/login maps to no environment (GANTRY_OUT_DEPLOY=false).'
    )
    expect(step(job, 'gantry slack-notify').stdout).toContain(
      "Not posting 'deployed': nothing was deployed (GANTRY_OUT_DEPLOY=false)."
    )
    expect(await slackPosts(channel('feature'))).toEqual([])
    expect(await versionOnHost()).toBe('v2')
  }, 60_000)

  test.each([
    ['develop', 'deploy', 'sandbox', 'ec2-user@10.0.1.10'],
    ['preprod', 'deploy', 'staging', 'ec2-user@10.0.2.10'],
    ['master', 'release', 'prod', 'ec2-user@10.0.3.10, ec2-user@10.0.3.11']
  ])(
    'examples/circleci: on %s its %s job, with the parameters its workflow passes, plans the deploy to %s',
    (branch, name, environment, hosts) => {
      const config = parse(
        readFileSync(join(ROOT, 'examples', 'circleci', 'config.yml'), 'utf8')
      ) as { workflows: { ci_cd: { jobs: Record<string, Record<string, unknown>>[] } } }
      const entry = config.workflows.ci_cd.jobs
        .map((j) => j['gantry/deploy'])
        .find((args) => args?.name === name) as Record<string, unknown>
      const { name: _name, context: _c, requires: _r, filters, ...args } = entry
      expect(JSON.stringify(filters)).toContain(branch)
      const ws = mkdtempSync(join(scratch, 'example-'))
      copyFileSync(sandbox.composeFile, join(ws, 'docker-compose.yml'))
      mkdirSync(join(ws, '.github'))
      copyFileSync(
        join(ROOT, 'examples', 'circleci', '.github', 'gantry.yml'),
        join(ws, '.github', 'gantry.yml')
      )
      const job = runJob(
        orbJobSteps(
          'deploy',
          // A dry run, and no Slack credentials (the step warns and posts nothing).
          { ...args, 'dry-run': true, token: 'ORBTEST_UNSET', 'webhook-url': 'ORBTEST_UNSET' },
          { pipeline: { number: 42 } }
        ),
        circle({ GANTRY_SSH_KEY: KEY, CIRCLE_BRANCH: branch }),
        ws
      )
      expect(job.steps.filter((s) => s.ran && s.status !== 0)).toEqual([])
      expect(fromBashEnv(job, 'GANTRY_OUT_ENVIRONMENT')).toBe(environment)
      expect(fromBashEnv(job, 'GANTRY_OUT_VERSION')).toBe('0.1.42')
      expect(step(job, 'gantry ssh-deploy').stderr).toContain(
        `Dry run: nothing is run. Hosts: ${hosts}`
      )
      expectNoSecret(job)
    }
  )

  test('a key stored base64-encoded (one line, as CircleCI variables are) works', () => {
    const job = runJob(
      jobSteps([
        {
          'gantry/ssh-deploy': {
            app: APP,
            hosts: `${host.user}@${host.address}`,
            'known-hosts': host.knownHosts,
            env: `IMAGE=${sandbox.images.v1}`,
            'dry-run': true
          }
        }
      ]),
      circle({ GANTRY_SSH_KEY: Buffer.from(KEY).toString('base64') }),
      workspace
    )
    expectStatus(job, 'gantry ssh-deploy', 0)
    expect(job.output).not.toContain(Buffer.from(KEY).toString('base64'))
    expectNoSecret(job)
  })
})
