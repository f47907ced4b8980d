#!/usr/bin/env node
/**
 * Generates orb/orb.yml, the packed `gantry` CircleCI orb, from each action's action.yml, so the
 * orb's parameters never drift from the actions' inputs.
 *
 *   node scripts/orb.mjs                  writes orb/orb.yml
 *   node scripts/orb.mjs --check [file]   exits 1 when orb/orb.yml (or file) is not what it would write
 *
 * The one rule of every command: a parameter is never pasted into shell text. CircleCI substitutes
 * `<< parameters.x >>` into the run step's `environment:` map (YAML values), the script reads only
 * fixed variable names, and the `gantry` CLI reads its inputs from those GANTRY_<INPUT> variables.
 * Secrets are `env_var_name` parameters: the map carries the variable's NAME and bash reads its
 * value by indirection, after checking that the name is a name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { stringify } from 'yaml'
import { ROOT, orbActionNames, readActionYml } from './action-docs.js'

const ORB_FILE = join(ROOT, 'orb', 'orb.yml')
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

/** One command per action (the folders of actions/, less the GitHub-only ones). */
const ACTIONS = orbActionNames()

/**
 * Secret inputs become `env_var_name` parameters; the default is the variable a project (or a
 * context) defines. The names follow CircleCI's orbs (SLACK_ACCESS_TOKEN) and never collide with a
 * GANTRY_<INPUT> variable.
 */
const SECRETS = {
  'image-push': { password: 'GANTRY_PUSH_PASSWORD' },
  'ssh-deploy': {
    key: 'GANTRY_SSH_KEY',
    passphrase: 'GANTRY_SSH_PASSPHRASE',
    'proxy-key': 'GANTRY_SSH_PROXY_KEY',
    'registry-password': 'GANTRY_DEPLOY_REGISTRY_PASSWORD',
    'repository-key': 'GANTRY_GIT_DEPLOY_KEY'
  },
  'k8s-deploy': { kubeconfig: 'GANTRY_KUBECONFIG_DATA' },
  'slack-notify': { token: 'SLACK_ACCESS_TOKEN', 'webhook-url': 'SLACK_WEBHOOK' },
  notify: { urls: 'GANTRY_NOTIFY_URLS', 'signing-secret': 'GANTRY_NOTIFY_SIGNING_SECRET' }
}

/** Inputs whose names look secret but are not (the generator refuses to guess). */
const NOT_SECRET = {
  'ecr-login': ['mask-password'],
  'ssh-deploy': ['insecure-skip-host-key-check']
}
const SECRET_LOOKING = /key|pass|token|secret|webhook|credential/i

/** SSH keys may be stored base64-encoded: CircleCI variables are easiest to set on one line. */
const PEM_INPUTS = ['key', 'proxy-key', 'repository-key']

/** An empty parameter falls back to what an earlier command of the job exported: [command, output]. */
const CHAINED = {
  'image-push': { tags: ['version', 'tags'] },
  'ssh-deploy': { hosts: ['environment', 'hosts'], version: ['version', 'version'] },
  'slack-notify': {
    version: ['version', 'version'],
    environment: ['environment', 'environment'],
    url: ['environment', 'url']
  },
  notify: {
    version: ['version', 'version'],
    environment: ['environment', 'environment'],
    url: ['environment', 'url']
  }
}

/** Parameters of the orb that are not action inputs: they steer the shell around the CLI. */
const ORB_ONLY = {
  'slack-notify': {
    event: {
      type: 'enum',
      enum: ['always', 'pass', 'fail'],
      default: 'always',
      description:
        "When to post, as in CircleCI's Slack orb: `always`, `pass` (only if no earlier step of the job failed) or `fail` (only if one did). After a failure the message says `failed` (`rolled-back` when ssh-deploy rolled back) whatever `status` says."
    }
  }
}

// notify follows the job as slack-notify does: the same `event` parameter and failure handling.
ORB_ONLY.notify = ORB_ONLY['slack-notify']

/** What differs on CircleCI from the action's own description. */
const ORB_NOTES = {
  'ecr-login': " On CircleCI there is no post step: the login ends with the job's container."
}

/** The CLI's variable names: `known-hosts` → GANTRY_KNOWN_HOSTS (as src/cli/runner.ts envName). */
const envName = (input) => input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()
const inputVar = (input) => `GANTRY_${envName(input)}`
const outputVar = (output) => `GANTRY_OUT_${envName(output)}`
/** The orb's own variables live under GANTRY_ORB_, which no input name can produce. */
const orbVar = (name) => `GANTRY_ORB_${envName(name)}`

// ---------------------------------------------------------------------------------------------
// Shell snippets. They read only fixed variable names; no parameter text is ever part of them.

/** GANTRY_CLI (e.g. `node /path/to/dist/cli/index.js`) overrides the binary; split, never globbed. */
const CLI_FUNCTION = [
  'gantry() {',
  '  local -a cli',
  `  read -r -a cli < <(printf '%s\\n' "\${GANTRY_CLI:-gantry}")`,
  '  command "${cli[@]}" "$@"',
  '}'
]

/** Reads a secret by the name an env_var_name parameter gave; refuses anything but a name. */
const SECRET_FUNCTION = [
  '# gantry_secret VAR NAME_VAR PARAMETER: VAR gets the value of the variable whose name is in NAME_VAR.',
  'gantry_secret() {',
  '  local name="${!2:-}"',
  '  if ! [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then',
  `    printf 'gantry: parameter %s must be the name of an environment variable, not %q\\n' "$3" "$name" >&2`,
  '    return 1',
  '  fi',
  '  export "$1=${!name:-}"',
  '}'
]

const PEM_FUNCTION = [
  '# gantry_pem VAR: a key stored base64-encoded (one line) is decoded; a PEM key stays as it is.',
  'gantry_pem() {',
  '  local decoded',
  `  if [[ -n \${!1:-} && \${!1} != *'PRIVATE KEY-----'* ]] &&`,
  `    decoded="$(printf '%s' "\${!1}" | base64 -d 2>/dev/null)" && [[ $decoded == *'PRIVATE KEY-----'* ]]; then`,
  '    export "$1=$decoded"',
  '  fi',
  '}'
]

/** Steps that decide, before any secret is read, that there is nothing to do. */
const GATES = {
  'ssh-deploy': [
    '# No hosts given and the environment command found no environment for this branch: nothing to deploy.',
    'if [ -z "$GANTRY_HOSTS" ] && [ "${GANTRY_OUT_DEPLOY:-}" = false ]; then',
    '  echo "Nothing to deploy: branch ${CIRCLE_BRANCH:-?} maps to no environment (GANTRY_OUT_DEPLOY=false)."',
    '  exit 0',
    'fi'
  ],
  'slack-notify': [
    '# The job so far: GANTRY_JOB_FAILED is set by the on_fail step before this one.',
    'failed="${GANTRY_JOB_FAILED:-false}"',
    `case "$${orbVar('event')}" in`,
    '  pass) if [ "$failed" = true ]; then echo "Not posting: an earlier step failed (event: pass)."; exit 0; fi ;;',
    '  fail) if [ "$failed" != true ]; then echo "Not posting: no step failed (event: fail)."; exit 0; fi ;;',
    'esac',
    'if [ "$failed" = true ]; then',
    '  case "$GANTRY_STATUS" in',
    '    failed | failure | rolled-back | cancelled) ;;',
    '    *) if [ "${GANTRY_OUT_ROLLED_BACK:-}" = true ]; then GANTRY_STATUS=rolled-back; else GANTRY_STATUS=failed; fi ;;',
    '  esac',
    'elif [ -z "$GANTRY_STATUS$GANTRY_PAYLOAD$GANTRY_PAYLOAD_FILE" ]; then',
    '  GANTRY_STATUS=succeeded',
    'fi',
    'if [ "$GANTRY_STATUS" = deployed ] && [ "${GANTRY_OUT_DEPLOY:-}" = false ]; then',
    '  echo "Not posting \'deployed\': nothing was deployed (GANTRY_OUT_DEPLOY=false)."',
    '  exit 0',
    'fi'
  ]
}

GATES.notify = GATES['slack-notify'].map((line) =>
  line.replace('GANTRY_STATUS$GANTRY_PAYLOAD$GANTRY_PAYLOAD_FILE', 'GANTRY_STATUS')
)

// ---------------------------------------------------------------------------------------------
// Parameters

/** boolean / integer / string from action.yml's default; secrets are env_var_name. */
function parameterType(action, input, spec) {
  if (SECRETS[action]?.[input]) return 'env_var_name'
  if (SECRET_LOOKING.test(input) && !NOT_SECRET[action]?.includes(input))
    throw new Error(
      `actions/${action}/action.yml: input '${input}' looks like a secret; add it to SECRETS (or NOT_SECRET) in scripts/orb.mjs`
    )
  const value = spec.default === undefined ? undefined : String(spec.default)
  if (value === 'true' || value === 'false') return 'boolean'
  if (value !== undefined && /^\d+$/.test(value)) return 'integer'
  return 'string'
}

const oneLine = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

function parameter(action, input, spec) {
  const type = parameterType(action, input, spec)
  const description = oneLine(spec.description)
  const chained = CHAINED[action]?.[input]
  if (type === 'env_var_name') {
    return {
      type,
      default: SECRETS[action][input],
      description: `Name of the environment variable (set in the project or a context) holding this secret. ${description}`
    }
  }
  if (chained) {
    const [command, output] = chained
    return {
      type,
      default: '',
      description: `${description} Empty: \`$${outputVar(output)}\`, the \`${output}\` output of the \`${command}\` command earlier in the job.`
    }
  }
  // No default: CircleCI requires the parameter (as action.yml requires the input).
  if (spec.default === undefined && spec.required) return { type, description }
  const text = String(spec.default ?? '')
  const value = type === 'boolean' ? text === 'true' : type === 'integer' ? Number(text) : text
  return { type, default: value, description }
}

function checkChained(metas) {
  for (const [action, inputs] of Object.entries(CHAINED)) {
    for (const [input, [command, output]] of Object.entries(inputs)) {
      if (!metas[action].inputs?.[input])
        throw new Error(`CHAINED: ${action} has no input '${input}'`)
      if (!metas[command].outputs?.[output])
        throw new Error(`CHAINED: ${command} has no output '${output}'`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

function commandScript(action, meta, params) {
  const entries = Object.entries(params)
  const secrets = entries.filter(([, p]) => p.type === 'env_var_name').map(([n]) => n)
  const booleans = entries.filter(([, p]) => p.type === 'boolean').map(([n]) => n)
  const pems = secrets.filter((n) => PEM_INPUTS.includes(n))
  const required = secrets.filter((n) => meta.inputs?.[n]?.required)
  const lines = [
    `# gantry ${action}: the parameters are in this step's environment as GANTRY_* variables, read by`,
    '# the CLI; none of them is part of this script.',
    ...CLI_FUNCTION
  ]
  if (secrets.length) lines.push(...SECRET_FUNCTION)
  if (pems.length) lines.push(...PEM_FUNCTION)
  lines.push(...(GATES[action] ?? []))
  for (const input of secrets) {
    lines.push(`gantry_secret ${inputVar(input)} ${orbVar(input)} ${input}`)
    if (required.includes(input))
      lines.push(
        `if [ -z "$${inputVar(input)}" ]; then`,
        `  echo "gantry ${action}: the variable $${orbVar(input)} (parameter ${input}) is empty or unset; define it in the project settings or a context." >&2`,
        '  exit 1',
        'fi'
      )
  }
  for (const input of pems) lines.push(`gantry_pem ${inputVar(input)}`)
  if (booleans.length)
    lines.push(
      '# CircleCI renders a boolean parameter in `environment` as 1 or 0; the CLI reads true/false.'
    )
  for (const input of booleans) {
    const v = inputVar(input)
    lines.push(`case "$${v}" in 1) ${v}=true ;; 0) ${v}=false ;; esac`)
  }
  for (const [input, [, output]] of Object.entries(CHAINED[action] ?? {})) {
    const v = inputVar(input)
    lines.push(`export ${v}="\${${v}:-\${${outputVar(output)}:-}}"`)
  }
  lines.push(`gantry ${action}`)
  return lines.join('\n') + '\n'
}

function stepEnvironment(action, params) {
  const environment = {}
  for (const [input, param] of Object.entries(params)) {
    const name =
      param.type === 'env_var_name' || ORB_ONLY[action]?.[input] ? orbVar(input) : inputVar(input)
    environment[name] = `<< parameters.${input} >>`
  }
  return environment
}

function outputsNote(meta) {
  const names = Object.keys(meta.outputs ?? {}).map((o) => `\`${outputVar(o)}\``)
  return names.length
    ? ` Its outputs are exported to $BASH_ENV for the next steps: ${names.join(', ')}.`
    : ''
}

function actionCommand(action, meta) {
  const params = {}
  for (const [input, spec] of Object.entries(meta.inputs ?? {}))
    params[input] = parameter(action, input, spec)
  Object.assign(params, ORB_ONLY[action] ?? {})
  const steps = []
  const followsJob = action === 'slack-notify' || action === 'notify'
  if (followsJob) {
    steps.push({
      run: {
        name: `gantry ${action}: note that the job has failed`,
        when: 'on_fail',
        command: `echo 'export GANTRY_JOB_FAILED=true' >> "$BASH_ENV"\n`
      }
    })
  }
  steps.push({
    run: {
      name: `gantry ${action}`,
      ...(followsJob ? { when: 'always' } : {}),
      environment: stepEnvironment(action, params),
      command: commandScript(action, meta, params)
    }
  })
  return {
    description: `${oneLine(meta.description)}${ORB_NOTES[action] ?? ''} Runs \`gantry ${action}\` (install it first with the \`install\` command); parameters reach it as GANTRY_* variables through the step's environment, never through the shell.${outputsNote(meta)}`,
    parameters: params,
    steps
  }
}

function installCommand() {
  const script = [
    '# Installs the gantry CLI this orb was generated with, unless one is already there.',
    ...CLI_FUNCTION,
    'if [ -n "${GANTRY_CLI:-}" ]; then',
    '  echo "Using GANTRY_CLI: $GANTRY_CLI"',
    'elif installed="$(type -P gantry)"; then',
    '  echo "gantry is already installed: $installed"',
    'else',
    '  if ! type -P npm >/dev/null; then',
    '    echo "gantry needs Node.js 20.11 or later with npm (e.g. cimg/node, or this orb\'s default executor); npm is not on PATH." >&2',
    '    exit 1',
    '  fi',
    '  prefix="$HOME/.gantry"',
    `  npm install --no-audit --no-fund --loglevel=error --prefix "$prefix" "$${orbVar('package')}@$${orbVar('version')}"`,
    `  printf 'export PATH=%q:"$PATH"\\n' "$prefix/node_modules/.bin" >> "$BASH_ENV"`,
    '  export PATH="$prefix/node_modules/.bin:$PATH"',
    'fi',
    'if ! gantry --help >/dev/null; then',
    '  echo "gantry does not start here: it needs Node.js 20.11 or later (found: $(node --version 2>/dev/null || echo none))." >&2',
    '  exit 1',
    'fi'
  ].join('\n')
  return {
    description:
      'Installs the `gantry` CLI with npm into ~/.gantry (no sudo) and puts it on PATH for the next steps, unless `gantry` is already on PATH or GANTRY_CLI names the command to run (e.g. `node /path/to/dist/cli/index.js`). Needs Node.js 20.11 or later, as in cimg/node or the `default` executor.',
    parameters: {
      package: {
        type: 'string',
        default: PACKAGE.name,
        description: 'The npm package of the CLI.'
      },
      version: {
        type: 'string',
        default: PACKAGE.version,
        description:
          'The CLI version; the default is the one this orb was generated from, whose inputs its parameters match.'
      }
    },
    steps: [
      {
        run: {
          name: 'gantry install',
          environment: {
            [orbVar('package')]: '<< parameters.package >>',
            [orbVar('version')]: '<< parameters.version >>'
          },
          command: script + '\n'
        }
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// The deploy job: install → version → environment → ssh-deploy → slack-notify

const DEPLOY_CHAIN = ['version', 'environment', 'ssh-deploy', 'slack-notify']
/** Decided by the job itself, or passed on between its commands. */
const JOB_FIXED = { 'slack-notify': { status: 'deployed' } }

function deployJob(commands) {
  const parameters = {
    executor: {
      type: 'executor',
      default: 'default',
      description: 'Where the job runs; it needs Node.js 20.11 or later.'
    }
  }
  const steps = ['checkout', 'install']
  for (const action of DEPLOY_CHAIN) {
    const args = {}
    for (const [input, param] of Object.entries(commands[action].parameters)) {
      if (JOB_FIXED[action]?.[input] !== undefined) {
        args[input] = JOB_FIXED[action][input]
        continue
      }
      // The chained inputs come from earlier commands, except hosts, which a job may also give.
      if (CHAINED[action]?.[input] && input !== 'hosts') continue
      if (ORB_ONLY[action]?.[input]) continue
      if (parameters[input] && JSON.stringify(parameters[input]) !== JSON.stringify(param))
        throw new Error(`deploy job: parameter '${input}' differs between commands`)
      parameters[input] = param
      args[input] = `<< parameters.${input} >>`
    }
    steps.push({ [action]: args })
  }
  return {
    description:
      "Deploys this branch's build: installs gantry, computes the version, maps the branch to its environment (hosts from the settings file), deploys over SSH with health checks and rollback, and posts the result to Slack (`deployed`, or `failed`/`rolled-back`). A branch that maps to no environment deploys nothing and posts nothing. The parameters are those of the commands it runs.",
    executor: '<< parameters.executor >>',
    parameters,
    steps
  }
}

// ---------------------------------------------------------------------------------------------

const EXAMPLES = {
  'deploy-by-branch': {
    description:
      'GitFlow: develop deploys to sandbox, preprod to staging (hosts from .github/gantry.yml), and Slack hears about it. The SSH key is in the GANTRY_SSH_KEY variable of the `deploy` context, the Slack token in SLACK_ACCESS_TOKEN.',
    usage: {
      version: 2.1,
      orbs: { gantry: 'acme/gantry@1' },
      workflows: {
        main: {
          jobs: [
            {
              'gantry/deploy': {
                context: ['deploy', 'slack'],
                app: 'shop',
                images: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
                'base-version': '0.1',
                'build-number': '<< pipeline.number >>',
                // Deployed as IMAGE=<image>:<the version the job's version command computed>.
                image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
                'known-hosts':
                  '10.0.1.10 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFqVe+lEExNb6kBPWbcVMieQYohKnwkqArA53sgNbR51',
                channel: '#deploys',
                filters: { branches: { only: ['develop', 'preprod'] } }
              }
            }
          ]
        }
      }
    }
  },
  'build-and-push-to-ecr': {
    description:
      'Version, build and push an image to ECR under every tag: the tags flow from `version` to `image-push` through $BASH_ENV.',
    usage: {
      version: 2.1,
      orbs: { gantry: 'acme/gantry@1' },
      jobs: {
        build: {
          executor: 'gantry/default',
          steps: [
            'checkout',
            'setup_remote_docker',
            'gantry/install',
            {
              'gantry/version': {
                images: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
                'build-number': '<< pipeline.number >>'
              }
            },
            {
              run: {
                name: 'Build the image',
                command: 'docker build -t shop:build --build-arg "VERSION=$GANTRY_OUT_VERSION" .\n'
              }
            },
            'gantry/ecr-login',
            { 'gantry/image-push': { image: 'shop:build' } }
          ]
        }
      },
      workflows: { main: { jobs: [{ build: { context: ['aws'] } }] } }
    }
  },
  'slack-on-failure': {
    description:
      'Post to Slack only when the job fails (the message says `failed`); the token comes from SLACK_ACCESS_TOKEN.',
    usage: {
      version: 2.1,
      orbs: { gantry: 'acme/gantry@1' },
      jobs: {
        test: {
          executor: 'gantry/default',
          steps: [
            'checkout',
            'gantry/install',
            { run: 'npm ci && npm test' },
            { 'gantry/slack-notify': { event: 'fail', channel: '#ci', mention: '@here' } }
          ]
        }
      },
      workflows: { main: { jobs: [{ test: { context: ['slack'] } }] } }
    }
  }
}

function buildOrb() {
  const metas = Object.fromEntries(ACTIONS.map((a) => [a, readActionYml(a)]))
  checkChained(metas)
  const commands = { install: installCommand() }
  for (const action of ACTIONS) commands[action] = actionCommand(action, metas[action])
  return {
    version: 2.1,
    description:
      "Gantry's CI/CD parts on CircleCI: versions and image tags, GitFlow environments, ECR login, image push and promotion, SSH deploys with health checks and rollback, and Slack notifications. Each command runs the `gantry` CLI; parameters reach it through the step's environment, never through shell text. Generated from the actions' action.yml by scripts/orb.mjs.",
    display: {
      home_url: 'https://github.com/acme/gantry',
      source_url: 'https://github.com/acme/gantry'
    },
    executors: {
      default: {
        description: 'A Node.js image (cimg/node) for the gantry CLI.',
        parameters: {
          tag: {
            type: 'string',
            default: 'lts',
            description: 'The cimg/node tag, e.g. `lts` or `24.11`; Node.js 20.11 or later.'
          }
        },
        docker: [{ image: 'cimg/node:<< parameters.tag >>' }]
      }
    },
    commands,
    jobs: { deploy: deployJob(commands) },
    examples: EXAMPLES
  }
}

const HEADER =
  '# GENERATED by scripts/orb.mjs from actions/*/action.yml: do not edit; run `node scripts/orb.mjs`.\n'

/** The orb as text, formatted as prettier formats it (so `prettier --check` agrees). */
async function renderOrb() {
  // YAML 1.1 quoting: CircleCI reads YAML 1.1, where a bare `on`, `no` or `1:30` is not a string.
  const text =
    HEADER +
    stringify(buildOrb(), {
      version: '1.1',
      lineWidth: 0,
      blockQuote: 'literal',
      aliasDuplicateObjects: false
    })
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(ORB_FILE)) ?? {}
  return prettier.format(text, { ...options, parser: 'yaml' })
}

async function main(args) {
  const expected = await renderOrb()
  if (args[0] === '--check') {
    const file = args[1] ?? ORB_FILE
    const actual = existsSync(file) ? readFileSync(file, 'utf8') : ''
    if (actual === expected) return 0
    const shown = file === ORB_FILE ? relative(ROOT, file) : file
    console.error(
      `${shown} is stale: it is not what scripts/orb.mjs generates from actions/*/action.yml. Run \`node scripts/orb.mjs\` and commit it.`
    )
    return 1
  }
  if (args.length) {
    console.error('Usage: node scripts/orb.mjs [--check [file]]')
    return 1
  }
  writeFileSync(ORB_FILE, expected)
  console.log(`wrote ${relative(ROOT, ORB_FILE)}`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
