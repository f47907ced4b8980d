/**
 * orb/orb.yml is generated from the actions (never stale, never drifting from their inputs), passes
 * parameters only through run steps' `environment:` (never through shell text), and is valid for
 * CircleCI as far as an offline check can tell, as is examples/circleci/config.yml.
 *
 * Validation uses @circleci/circleci-config-parser (alpha) twice: as it is (its ajv schemas and
 * its parser, which resolves jobs, commands, executors and orb references), and tightened where it
 * accepts mistakes: its own schemas with `additionalProperties: false`, and argument schemas built
 * from the orb's parameter declarations, which the parser carries in its orb manifest but never
 * checks. Its false positives are worked around at the one place each occurs (see FALSE POSITIVE).
 */
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  GITHUB_ONLY,
  ROOT,
  actionNames,
  orbActionNames,
  readActionYml
} from '../../scripts/action-docs.js'

// ---------------------------------------------------------------------------------------------
// Shapes

interface ParamSpec {
  type: string
  default?: unknown
  description?: string
  enum?: string[]
}
type Params = Record<string, ParamSpec>
type Step = string | Record<string, unknown>
interface RunStep {
  name?: string
  command: string
  environment?: Record<string, string>
  when?: string
}
interface Component {
  description?: string
  parameters?: Params
  steps: Step[]
  executor?: string
  [key: string]: unknown
}
interface Config {
  orbs?: Record<string, string>
  executors?: Record<string, { parameters?: Params; [key: string]: unknown }>
  commands?: Record<string, Component>
  jobs?: Record<string, Component>
  workflows?: Record<string, { jobs: (string | Record<string, Record<string, unknown> | null>)[] }>
  [key: string]: unknown
}
interface Orb extends Config {
  commands: Record<string, Component>
  jobs: Record<string, Component>
  examples: Record<string, { description: string; usage: Config }>
}

const readYaml = <T>(path: string) => parse(readFileSync(join(ROOT, path), 'utf8')) as T
const orb = readYaml<Orb>('orb/orb.yml')
const example = readYaml<Config>('examples/circleci/config.yml')
const clone = <T>(value: T): T => structuredClone(value)

const envName = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()
const WHOLE_REF = /^<<\s*parameters\.([a-z][a-z0-9_-]*)\s*>>$/
const runSteps = (c: Component) =>
  c.steps.flatMap((s) =>
    typeof s === 'object' && 'run' in s && typeof s.run === 'object' ? [s.run as RunStep] : []
  )

/** The actions with a command in the orb; every other action is left out for a reason. */
const ORB_ACTIONS = orbActionNames()
const LEFT_OUT = GITHUB_ONLY

/** The specification of what is secret: these inputs must never be plain string parameters. */
const SECRET_INPUTS: Record<string, string[]> = {
  notify: ['urls', 'signing-secret'],
  'image-push': ['password'],
  'k8s-deploy': ['kubeconfig'],
  'ssh-deploy': ['key', 'passphrase', 'proxy-key', 'registry-password', 'repository-key'],
  'slack-notify': ['token', 'webhook-url']
}
/** Parameters the orb adds to an action's inputs (they steer the shell around the CLI). */
const ORB_ONLY: Record<string, string[]> = { 'slack-notify': ['event'], notify: ['event'] }

// ---------------------------------------------------------------------------------------------

describe('orb/orb.yml is generated from actions/*/action.yml', () => {
  const check = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'orb.mjs'), '--check', ...args], {
      encoding: 'utf8'
    })

  test('it is up to date (`node scripts/orb.mjs --check`)', () => {
    const r = check()
    expect([r.status, r.stderr]).toEqual([0, ''])
  })

  test('a stale copy fails the check, which says how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-orb-'))
    const stale = join(dir, 'orb.yml')
    writeFileSync(
      stale,
      readFileSync(join(ROOT, 'orb', 'orb.yml'), 'utf8').replace('default: 60s', 'default: 90s')
    )
    const r = check(stale)
    rmSync(dir, { recursive: true })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('is stale')
    expect(r.stderr).toContain('Run `node scripts/orb.mjs` and commit it.')
  })

  test('every action has its command, or a reason to be left out', () => {
    expect(Object.keys(orb.commands).sort()).toEqual(['install', ...ORB_ACTIONS].sort())
    // The exclusions name real actions, so a renamed action cannot slip out of the orb unseen.
    expect(Object.keys(LEFT_OUT).filter((a) => !actionNames().includes(a))).toEqual([])
  })
})

describe.each(ORB_ACTIONS)('the %s command', (action) => {
  const yml = readActionYml(action)
  const command = orb.commands[action] as Component
  const params = command.parameters ?? {}
  const run = runSteps(command).find((r) => r.environment) as RunStep

  test('has every input of action.yml as a parameter, of the type and default that fit', () => {
    expect(Object.keys(params).sort()).toEqual(
      [...Object.keys(yml.inputs ?? {}), ...(ORB_ONLY[action] ?? [])].sort()
    )
    for (const [input, spec] of Object.entries(yml.inputs ?? {})) {
      const param = params[input] as ParamSpec
      const chained = run.command.includes(
        `export GANTRY_${envName(input)}="\${GANTRY_${envName(input)}:-`
      )
      const text = spec.default === undefined ? undefined : String(spec.default)
      if (SECRET_INPUTS[action]?.includes(input)) {
        expect([input, param.type]).toEqual([input, 'env_var_name'])
        expect(param.default).toMatch(/^[A-Z][A-Z0-9_]*$/)
      } else if (text === 'true' || text === 'false') {
        expect([input, param.type, param.default]).toEqual([input, 'boolean', text === 'true'])
      } else if (text !== undefined && /^\d+$/.test(text)) {
        expect([input, param.type, param.default]).toEqual([input, 'integer', Number(text)])
      } else if (chained) {
        // Filled from an earlier command's output when empty: the default must be empty.
        expect([input, param.type, param.default]).toEqual([input, 'string', ''])
      } else if (spec.required && text === undefined) {
        expect([input, param.type, 'default' in param]).toEqual([input, 'string', false])
      } else {
        expect([input, param.type, param.default]).toEqual([input, 'string', text ?? ''])
      }
      expect(param.description).toContain(String(spec.description).split('\n')[0]?.trim())
    }
  })

  test('passes every parameter through a run step’s environment, never through shell text', () => {
    const used: string[] = []
    for (const step of runSteps(command)) {
      expect(step.command).not.toContain('<<')
      expect(step.command).not.toMatch(/\beval\b/)
      for (const [variable, value] of Object.entries(step.environment ?? {})) {
        const name = WHOLE_REF.exec(value)?.[1]
        expect([variable, name && name in params]).toEqual([variable, true])
        const spec = params[name as string] as ParamSpec
        const viaOrb = spec.type === 'env_var_name' || ORB_ONLY[action]?.includes(name as string)
        // Inputs as the CLI reads them; secret names and orb-only values where no input name can reach.
        expect(variable).toBe(
          viaOrb ? `GANTRY_ORB_${envName(name as string)}` : `GANTRY_${envName(name as string)}`
        )
        used.push(name as string)
      }
    }
    expect(used.sort()).toEqual(Object.keys(params).sort())
  })

  test('reads each secret by indirection from a checked name, and runs gantry last', () => {
    for (const [name] of Object.entries(params).filter(([, p]) => p.type === 'env_var_name'))
      expect(run.command).toContain(
        `gantry_secret GANTRY_${envName(name)} GANTRY_ORB_${envName(name)} ${name}\n`
      )
    if (Object.values(params).some((p) => p.type === 'env_var_name'))
      expect(run.command).toContain('if ! [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then')
    expect(run.command.trimEnd().split('\n').pop()).toBe(`gantry ${action}`)
  })

  test('falls back only to outputs that exist, for inputs that exist', () => {
    const outputs = new Set(
      ORB_ACTIONS.flatMap((a) => Object.keys(readActionYml(a).outputs ?? {}).map(envName))
    )
    for (const [, input, output] of run.command.matchAll(
      /^export GANTRY_([A-Z0-9_]+)="\$\{GANTRY_\1:-\$\{GANTRY_OUT_([A-Z0-9_]+):-\}\}"$/gm
    )) {
      expect(Object.keys(yml.inputs ?? {}).map(envName)).toContain(input)
      expect(outputs).toContain(output)
    }
  })
})

test('no secret’s default variable is a variable the CLI or the orb reads for something else', () => {
  const taken = new Set<string>()
  for (const action of ORB_ACTIONS) {
    const yml = readActionYml(action)
    for (const input of Object.keys(yml.inputs ?? {})) taken.add(`GANTRY_${envName(input)}`)
    for (const output of Object.keys(yml.outputs ?? {})) taken.add(`GANTRY_OUT_${envName(output)}`)
  }
  const secrets = Object.values(orb.commands).flatMap((c) =>
    Object.values(c.parameters ?? {}).filter((p) => p.type === 'env_var_name')
  )
  expect(secrets.length).toBe(Object.values(SECRET_INPUTS).flat().length)
  for (const p of secrets) {
    expect([p.default, taken.has(String(p.default))]).toEqual([p.default, false])
    expect(String(p.default)).not.toMatch(/^GANTRY_(ORB|OUT)_/)
  }
})

test('the deploy job runs install → version → environment → ssh-deploy → slack-notify', () => {
  const job = orb.jobs.deploy as Component
  expect(job.steps.map((s) => (typeof s === 'string' ? s : Object.keys(s)[0]))).toEqual([
    'checkout',
    'install',
    'version',
    'environment',
    'ssh-deploy',
    'slack-notify'
  ])
  // What the job decides itself, and what the commands pass on through $BASH_ENV.
  const args = (name: string) =>
    (
      job.steps.find((s) => typeof s === 'object' && name in s) as Record<
        string,
        Record<string, unknown>
      >
    )[name]
  expect(args('slack-notify')).toMatchObject({ status: 'deployed' })
  expect(args('slack-notify')).not.toHaveProperty('version')
  expect(args('ssh-deploy')).not.toHaveProperty('version')
  expect(args('ssh-deploy')).toHaveProperty('hosts', '<< parameters.hosts >>')
  // A workflow passes these keys to the job itself: a parameter of that name could not be set.
  const reserved = [
    'name',
    'requires',
    'context',
    'type',
    'filters',
    'matrix',
    'pre-steps',
    'post-steps'
  ]
  expect(Object.keys(job.parameters ?? {}).filter((p) => reserved.includes(p))).toEqual([])
})

// ---------------------------------------------------------------------------------------------
// Validation with @circleci/circleci-config-parser

type Schema = Record<string, unknown> & { $id?: string; properties?: Record<string, unknown> }
type Validation = true | { errors: { instancePath: string; message?: string; params?: unknown }[] }
interface ConfigParser {
  Validator: {
    validateGenerable(type: string, input: unknown, subtype?: string): Validation
    getInstance(): { validateComponent(schema: Schema, data: unknown): Validation }
  }
  schemas: {
    command: { RunSchema: Schema }
    workflow: { WorkflowJobSchema: Schema }
  }
  parseConfig(config: unknown, manifests?: Record<string, unknown>): unknown
  parseOrbManifest(input: Record<string, Record<string, Params>>): unknown
  parseReusableCommands(commands: unknown): unknown[]
  parseReusableExecutors(executors: unknown): unknown[]
  parseJob(name: string, job: unknown, commands?: unknown[], executors?: unknown[]): unknown
}
// The package is a UMD bundle: its exports are on require()'s result, not ESM named exports.
const parser = createRequire(import.meta.url)('@circleci/circleci-config-parser') as ConfigParser
const { Validator } = parser
/** The parser's mapping.GenerableType / ParameterizedComponent values (its SDK's enums). */
const GENERABLE = {
  config: 'config',
  command: 'reusable_command',
  job: 'job',
  parameterList: 'custom_parameters_list'
}
const COMPONENT = {
  job: '/parameters/components/job',
  command: '/parameters/components/command',
  executor: '/parameters/components/executor'
}

const schemaProblems = (where: string, result: Validation): string[] =>
  result === true
    ? []
    : result.errors.map(
        (e) => `${where}${e.instancePath}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`
      )
const validate = (where: string, schema: Schema, data: unknown) =>
  schemaProblems(where, Validator.getInstance().validateComponent(schema, data))
function parseProblems(where: string, parse: () => unknown): string[] {
  try {
    parse()
    return []
  } catch (error) {
    return [
      `${where}: ${String((error as Error).message)
        .split('\n')
        .slice(0, 2)
        .join(' ')}`
    ]
  }
}
const unknownKeys = (where: string, value: object | null | undefined, allowed: string[]) =>
  Object.keys(value ?? {})
    .filter((k) => !allowed.includes(k))
    .map((k) => `${where}: unknown key '${k}'`)

/** The parser's schema with no key beyond those it (and `extra`) names. */
function closed(schema: Schema, extra: Record<string, unknown> = {}): Schema {
  const { $id: _id, ...rest } = schema
  return { ...rest, properties: { ...rest.properties, ...extra }, additionalProperties: false }
}
const STRING_OR_LIST = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }
const BRANCH_FILTER = {
  type: 'object',
  additionalProperties: false,
  properties: { only: STRING_OR_LIST, ignore: STRING_OR_LIST }
}
// The parser's run schema lacks `name` (and the rerun keys); its workflow-job schema lacks `filters`.
const RUN = closed(parser.schemas.command.RunSchema, {
  name: { type: 'string' },
  max_auto_reruns: { type: 'integer' },
  auto_rerun_delay: { type: 'string' }
})
const WORKFLOW_JOB_KEYS = {
  ...parser.schemas.workflow.WorkflowJobSchema.properties,
  filters: {
    type: 'object',
    additionalProperties: false,
    properties: { branches: BRANCH_FILTER, tags: BRANCH_FILTER }
  },
  matrix: { type: 'object' }
}
const WORKFLOW_JOB = closed(parser.schemas.workflow.WorkflowJobSchema, WORKFLOW_JOB_KEYS)
const CONFIG_KEYS = [
  'version',
  'setup',
  'orbs',
  'executors',
  'commands',
  'jobs',
  'workflows',
  'parameters'
]
const ORB_KEYS = [
  'version',
  'description',
  'display',
  'orbs',
  'executors',
  'commands',
  'jobs',
  'examples'
]
const JOB_KEYS = [
  'description',
  'parameters',
  'executor',
  'docker',
  'machine',
  'macos',
  'resource_class',
  'working_directory',
  'environment',
  'shell',
  'parallelism',
  'steps',
  'circleci_ip_ranges'
]
const NATIVE_STEPS = [
  'run',
  'checkout',
  'setup_remote_docker',
  'save_cache',
  'restore_cache',
  'store_artifacts',
  'store_test_results',
  'persist_to_workspace',
  'attach_workspace',
  'add_ssh_keys'
]

/** A value that is one reference may stand for any type: CircleCI checks it once substituted. */
const REFERENCE = { type: 'string', pattern: '^<<\\s*(parameters|pipeline)\\.[a-z0-9_.-]+\\s*>>$' }
function valueSchema(p: ParamSpec): Schema {
  switch (p.type) {
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, REFERENCE] }
    case 'integer':
      return { anyOf: [{ type: 'integer' }, REFERENCE] }
    case 'enum':
      return { anyOf: [{ enum: p.enum }, REFERENCE] }
    case 'env_var_name':
      return { anyOf: [{ type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, REFERENCE] }
    default:
      return { type: 'string' }
  }
}
/** The arguments a command or job accepts, as its parameter declarations say. */
function argumentsSchema(params: Params = {}, extra: Record<string, unknown> = {}): Schema {
  return {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      ...extra,
      ...Object.fromEntries(Object.entries(params).map(([n, p]) => [n, valueSchema(p)]))
    },
    required: Object.entries(params)
      .filter(([, p]) => !('default' in p))
      .map(([n]) => n)
  }
}

/** Steps of a job or command: native ones closed, reusable ones checked against their declarations. */
function stepProblems(
  where: string,
  steps: Step[],
  commands: Record<string, Component>,
  enclosing?: Params
): string[] {
  const problems: string[] = []
  steps.forEach((step, i) => {
    const at = `${where}.steps[${i}]`
    const [name, args] =
      typeof step === 'string' ? [step, null] : (Object.entries(step)[0] ?? ['', null])
    if (name === 'run') return problems.push(...validate(at, RUN, args))
    if (NATIVE_STEPS.includes(name)) return // the parser checks these
    const command = commands[name]
    if (!command) return problems.push(`${at}: no command '${name}'`)
    problems.push(...validate(at, argumentsSchema(command.parameters), args))
    // A reference to the enclosing job's parameters must name one of the same type.
    for (const [arg, value] of Object.entries(args ?? {})) {
      const ref = typeof value === 'string' ? WHOLE_REF.exec(value)?.[1] : undefined
      if (ref === undefined) continue
      const declared = enclosing?.[ref]
      const expected = command.parameters?.[arg]?.type
      if (declared?.type !== expected)
        problems.push(
          `${at}.${arg}: << parameters.${ref} >> is ${declared?.type ?? 'undeclared'}, '${name}' wants ${expected}`
        )
    }
  })
  return problems
}

const pickParameters = (components: Record<string, { parameters?: Params }> = {}) =>
  Object.fromEntries(Object.entries(components).map(([k, v]) => [k, v.parameters ?? {}]))
const manifestOf = (o: Orb) =>
  parser.parseOrbManifest({
    commands: pickParameters(o.commands),
    jobs: pickParameters(o.jobs),
    executors: pickParameters(o.executors)
  })
const prefixed = (o: Orb) =>
  Object.fromEntries(Object.entries(o.commands).map(([k, v]) => [`gantry/${k}`, v]))

/** Problems of a config that uses the orb as `gantry`; [] when valid. */
function configProblems(config: Config, o: Orb = orb, where = 'config'): string[] {
  const problems = [
    ...schemaProblems(where, Validator.validateGenerable(GENERABLE.config, config)),
    // FALSE POSITIVE: parseConfig throws "Cannot convert undefined or null to object" on a config
    // whose jobs all come from orbs (no `jobs:` key), which CircleCI accepts.
    ...parseProblems(where, () =>
      parser.parseConfig({ jobs: {}, ...config }, { gantry: manifestOf(o) })
    ),
    ...unknownKeys(where, config, CONFIG_KEYS)
  ]
  const commands = { ...prefixed(o), ...(config.commands ?? {}) }
  for (const [name, job] of Object.entries(config.jobs ?? {})) {
    problems.push(...unknownKeys(`${where}.jobs.${name}`, job, JOB_KEYS))
    problems.push(
      ...stepProblems(`${where}.jobs.${name}`, job.steps ?? [], commands, job.parameters)
    )
  }
  for (const [name, workflow] of Object.entries(config.workflows ?? {})) {
    const entries = workflow.jobs.map((j) =>
      typeof j === 'string'
        ? ([j, null] as const)
        : (Object.entries(j)[0] as [string, Record<string, unknown> | null])
    )
    const names = entries.map(([job, args]) => String(args?.name ?? job))
    entries.forEach(([job, args], i) => {
      const at = `${where}.workflows.${name}.jobs[${i}]`
      const orbJob = job.startsWith('gantry/') ? o.jobs[job.slice('gantry/'.length)] : undefined
      if (orbJob)
        problems.push(...validate(at, argumentsSchema(orbJob.parameters, WORKFLOW_JOB_KEYS), args))
      else problems.push(...validate(at, WORKFLOW_JOB, args))
      for (const required of [args?.requires ?? []].flat() as string[])
        if (!names.includes(required)) problems.push(`${at}: requires unknown job '${required}'`)
    })
  }
  return problems
}

/** Problems of the orb; [] when valid. */
function orbProblems(o: Orb): string[] {
  const problems = unknownKeys('orb', o, ORB_KEYS)
  for (const [name, command] of Object.entries(o.commands)) {
    const at = `orb.commands.${name}`
    problems.push(...schemaProblems(at, Validator.validateGenerable(GENERABLE.command, command)))
    problems.push(...unknownKeys(at, command, ['description', 'parameters', 'steps']))
    problems.push(...stepProblems(at, command.steps, o.commands, command.parameters))
  }
  problems.push(...parseProblems('orb.commands', () => parser.parseReusableCommands(o.commands)))
  problems.push(...parseProblems('orb.executors', () => parser.parseReusableExecutors(o.executors)))
  for (const [name, executor] of Object.entries(o.executors ?? {}))
    problems.push(
      ...schemaProblems(
        `orb.executors.${name}.parameters`,
        Validator.validateGenerable(
          GENERABLE.parameterList,
          executor.parameters ?? {},
          COMPONENT.executor
        )
      )
    )
  for (const [name, job] of Object.entries(o.jobs)) {
    const at = `orb.jobs.${name}`
    problems.push(...schemaProblems(at, Validator.validateGenerable(GENERABLE.job, job)))
    // The job schema never looks at `parameters`: the job parameter list schema does.
    problems.push(
      ...schemaProblems(
        `${at}.parameters`,
        Validator.validateGenerable(GENERABLE.parameterList, job.parameters ?? {}, COMPONENT.job)
      )
    )
    problems.push(...unknownKeys(at, job, JOB_KEYS))
    problems.push(...stepProblems(at, job.steps, o.commands, job.parameters))
    // FALSE POSITIVES: the parser cannot resolve `executor: << parameters.executor >>`, and its
    // step schema refuses a bare string naming a reusable command (`- install`); CircleCI takes
    // both. Parse the job with the executor's default and such steps as `{ install: {} }`.
    const executor = WHOLE_REF.exec(String(job.executor))?.[1]
    const parsable = {
      ...job,
      executor: executor ? job.parameters?.[executor]?.default : job.executor,
      steps: job.steps.map((s) => (typeof s === 'string' && s in o.commands ? { [s]: {} } : s))
    }
    problems.push(
      ...parseProblems(at, () =>
        parser.parseJob(
          name,
          parsable,
          parser.parseReusableCommands(o.commands),
          parser.parseReusableExecutors(o.executors)
        )
      )
    )
  }
  for (const [name, { usage, ...rest }] of Object.entries(o.examples)) {
    problems.push(...unknownKeys(`orb.examples.${name}`, rest, ['description']))
    problems.push(...configProblems(usage, o, `orb.examples.${name}.usage`))
  }
  return problems
}

describe('CircleCI validation (offline, @circleci/circleci-config-parser)', () => {
  test('examples/circleci/config.yml is valid and uses the orb as it declares', () => {
    expect(configProblems(example)).toEqual([])
  })

  test('the orb is valid: commands, executor, job (and its steps’ arguments), examples', () => {
    expect(orbProblems(orb)).toEqual([])
  })

  type Mutation = [string, (c: Config) => void, string]
  const jobsOf = (c: Config) => c.jobs as Record<string, Component>
  const wfJobs = (c: Config) =>
    c.workflows?.ci_cd?.jobs as Record<string, Record<string, unknown>>[]
  const stepArgs = (c: Config, job: string, command: string) =>
    (
      jobsOf(c)[job]?.steps.find((s) => typeof s === 'object' && command in s) as Record<
        string,
        Record<string, unknown>
      >
    )[command] as Record<string, unknown>
  const BROKEN_EXAMPLES: Mutation[] = [
    [
      'an unknown key in a run step',
      (c) => void ((jobsOf(c).test?.steps[4] as { run: Record<string, unknown> }).run.comand = 'x'),
      '"additionalProperty":"comand"'
    ],
    ['an unknown key in a job', (c) => void (jobsOf(c).build!.step = []), "unknown key 'step'"],
    [
      'an unknown parameter of an orb command',
      (c) => void (stepArgs(c, 'build', 'gantry/version').imagez = 'x'),
      '"additionalProperty":"imagez"'
    ],
    [
      'a parameter of the wrong type',
      (c) => void (stepArgs(c, 'test', 'gantry/slack-notify').event = 'sometimes'),
      '/event'
    ],
    [
      'a string for a boolean parameter',
      (c) => void (stepArgs(c, 'build', 'gantry/ecr-login')['create-repository'] = 'yes'),
      '/create-repository'
    ],
    [
      'an unknown orb command',
      (c) => void jobsOf(c).test!.steps.push({ 'gantry/versoin': {} }),
      'gantry/versoin'
    ],
    [
      'an unknown job in a workflow',
      (c) => void wfJobs(c).push({ deplyo: {} }),
      'Job deplyo not found'
    ],
    [
      'a required parameter of the orb job missing',
      (c) => void delete (wfJobs(c)[2]!['gantry/deploy'] as Record<string, unknown>).app,
      '"missingProperty":"app"'
    ],
    [
      'an unknown filter',
      (c) =>
        void ((wfJobs(c)[2]!['gantry/deploy'] as Record<string, unknown>).filters = {
          branch: { only: 'x' }
        }),
      '"additionalProperty":"branch"'
    ],
    [
      'an approval of the wrong type',
      (c) => void ((wfJobs(c)[3]!.hold as Record<string, unknown>).type = 'aproval'),
      '/type'
    ],
    [
      'requires naming no job',
      (c) => void ((wfJobs(c)[1]!.build as Record<string, unknown>).requires = ['tset']),
      "requires unknown job 'tset'"
    ],
    [
      'an unknown key in a docker image',
      (c) => void ((c.executors?.go?.docker as Record<string, unknown>[])[0]!.imag = 'x'),
      'docker_executor'
    ],
    ['a top-level typo', (c) => void (c.workflow = {}), "unknown key 'workflow'"]
  ]
  test.each(BROKEN_EXAMPLES)('a broken example is refused: %s', (_, breakIt, expected) => {
    const broken = clone(example)
    breakIt(broken)
    expect(configProblems(broken).join('\n')).toContain(expected)
  })

  type OrbMutation = [string, (o: Orb) => void, string]
  const param = (o: Orb, command: string, name: string) =>
    o.commands[command]!.parameters![name] as unknown as Record<string, unknown>
  const BROKEN_ORBS: OrbMutation[] = [
    [
      'a parameter default of the wrong type',
      (o) => void (param(o, 'version', 'sha-tag').default = 'yes'),
      'orb.commands.version'
    ],
    [
      'an unknown parameter type',
      (o) => void (param(o, 'ssh-deploy', 'dry-run').type = 'bool'),
      'orb.commands.ssh-deploy'
    ],
    [
      'an unknown key in a parameter',
      (o) => void (param(o, 'environment', 'map').descripton = 'x'),
      'orb.commands.environment'
    ],
    [
      'an unknown key in a command',
      (o) => void (o.commands.install!.step = []),
      "unknown key 'step'"
    ],
    [
      'an unknown key in a run step',
      (o) =>
        void ((o.commands.version!.steps[0] as { run: Record<string, unknown> }).run.enviroment =
          {}),
      '"additionalProperty":"enviroment"'
    ],
    [
      'the job passing an undeclared parameter',
      (o) =>
        void ((o.jobs.deploy!.steps[2] as Record<string, Record<string, unknown>>).version!.tag =
          'x'),
      '"additionalProperty":"tag"'
    ],
    [
      'the job referring to a parameter it lacks',
      (o) => void delete o.jobs.deploy!.parameters!.app,
      '<< parameters.app >> is undeclared'
    ],
    [
      'a job parameter of another type than the command’s',
      (o) => void (o.jobs.deploy!.parameters!['dry-run'] = { type: 'string', default: '' }),
      "<< parameters.dry-run >> is string, 'ssh-deploy' wants boolean"
    ],
    [
      'an unknown key in the executor’s image',
      (o) => void ((o.executors!.default!.docker as Record<string, unknown>[])[0]!.imag = 'x'),
      'orb.executors'
    ],
    [
      'an example using a parameter that does not exist',
      (o) =>
        void ((
          o.examples['slack-on-failure']!.usage.jobs!.test!.steps[3] as Record<
            string,
            Record<string, unknown>
          >
        )['gantry/slack-notify']!.evnt = 'fail'),
      '"additionalProperty":"evnt"'
    ]
  ]
  test.each(BROKEN_ORBS)('a broken orb is refused: %s', (_, breakIt, expected) => {
    const broken = clone(orb)
    breakIt(broken)
    expect(orbProblems(broken).join('\n')).toContain(expected)
  })
})
