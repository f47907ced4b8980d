#!/usr/bin/env node
// `npm run bench`: the agent under hostile requests (scripts/bench-agent-hostile.mjs, loopback, no
// sandbox; left out with `--cold-start-only`); then for each bundle, its size and the median
// cold-start wall time of a typical
// invocation against a bare `node -e 0` and against a minimal ncc-bundled action that imports
// @actions/core (the floor of any action on it), run alternately in one go (so machine noise hits
// all alike); under this machine's Node and under Node 24 (the runner's), when installed. The
// budget: no action more than 20 ms above the minimal one. A benchmark, not a test: it prints
// figures and asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ncc from '@vercel/ncc'
import { NODE24_PATH } from '../test/harness/node24.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-'))
if (!process.argv.includes('--cold-start-only')) {
  const r = spawnSync(process.execPath, [join('scripts', 'bench-agent-hostile.mjs')], {
    stdio: 'inherit'
  })
  if (r.status !== 0) process.exitCode = 1
}
const github = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_NUMBER: '57',
  GITHUB_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/develop'
}

// The reference: a minimal action on @actions/core (an input, an output, a line), bundled as ours are.
const MINIMAL = join(dir, 'minimal')
writeFileSync(
  join(dir, 'minimal.mjs'),
  "import * as core from '@actions/core'\n" +
    "core.setOutput('greeting', `Hello, ${core.getInput('who') || 'world'}!`)\n" +
    "core.info('done')\n"
)
{
  const { mkdirSync, symlinkSync } = await import('node:fs')
  // ncc resolves @actions/core from the entry's folder: give it the project's node_modules.
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'))
  const { code } = await ncc(join(dir, 'minimal.mjs'), { quiet: true, transpileOnly: true })
  mkdirSync(MINIMAL)
  writeFileSync(join(MINIMAL, 'index.js'), code)
  writeFileSync(join(MINIMAL, 'package.json'), '{ "type": "module" }\n')
}

execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'bench_key')])
const BENCH_KEY = readFileSync(join(dir, 'bench_key'), 'utf8')

/** Typical invocations; a bundle without one is an error, not a gap. */
const SETTINGS_FILE = `environments:
  sandbox:
    hosts: [deploy@10.0.1.5, deploy@10.0.1.6]
    url: https://sandbox.shop.example.com
  prod:
    hosts: [deploy@10.0.2.5]
    requires-approval: true
`
const SCENARIOS = [
  {
    action: 'ssh-deploy',
    label: 'ssh-deploy target: swarm (dry run)',
    env: {
      INPUT_HOSTS: 'deploy@10.0.1.5',
      INPUT_KEY: BENCH_KEY,
      INPUT_FINGERPRINT: 'SHA256:' + 'A'.repeat(43),
      INPUT_APP: 'shop',
      INPUT_TARGET: 'swarm',
      INPUT_ENV: 'IMAGE=127.0.0.1:5000/shop:1.2.3',
      'INPUT_COMPOSE-FILE': 'docker-compose.yml',
      'INPUT_DRY-RUN': 'true'
    },
    files: { 'docker-compose.yml': 'services:\n  web:\n    image: ${IMAGE}\n' }
  },
  {
    action: 'ecs-deploy',
    label: 'ecs-deploy (dry run: render a task definition file)',
    env: {
      AWS_REGION: 'eu-west-1',
      INPUT_CLUSTER: 'prod',
      INPUT_SERVICE: 'shop-api',
      'INPUT_TASK-DEFINITION': 'task-definition.json',
      INPUT_CONTAINER: 'web',
      INPUT_IMAGE: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2',
      'INPUT_DRY-RUN': 'true'
    },
    files: {
      'task-definition.json': JSON.stringify({
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api:41',
        family: 'shop-api',
        revision: 41,
        status: 'ACTIVE',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'web',
            image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.1',
            essential: true,
            portMappings: [{ containerPort: 8080 }]
          }
        ]
      })
    }
  },
  {
    action: 'slack-notify',
    label: 'slack-notify (no credentials: renders, warns)',
    // A push as GitHub gives it: the commit is in the event payload, so git is not asked.
    files: {
      'event.json': JSON.stringify({
        ref: 'refs/heads/develop',
        head_commit: { message: 'Fix the cart total', author: { name: 'Mona' } }
      })
    },
    env: {
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      INPUT_STATUS: 'deployed',
      INPUT_VERSION: '1.4.57',
      INPUT_ENVIRONMENT: 'sandbox',
      'INPUT_MENTION-ON': 'failed',
      'INPUT_FAIL-ON-ERROR': 'false',
      INPUT_RETRIES: '2',
      'INPUT_API-URL': 'https://slack.com/api/'
    }
  },
  {
    action: 'notify',
    label: 'notify (renders for Discord and ntfy, a closed loopback port: warns)',
    env: {
      INPUT_URLS: 'http://127.0.0.1:1/api/webhooks/1234/benchToken\nntfy://127.0.0.1:1/bench',
      INPUT_STATUS: 'deployed',
      INPUT_VERSION: '1.4.57',
      INPUT_ENVIRONMENT: 'sandbox',
      'INPUT_FAIL-ON-ERROR': 'false',
      INPUT_RETRIES: '0'
    }
  },
  {
    action: 'approval',
    label: 'approval (listed approver, no registry)',
    env: {
      GITHUB_ACTOR: 'mona',
      INPUT_APPROVERS: 'mona, hubot',
      INPUT_VERSION: '1.4.57',
      INPUT_ENVIRONMENT: 'prod',
      INPUT_MODE: 'environment',
      'INPUT_TIMEOUT-MINUTES': '60',
      'INPUT_POLL-INTERVAL': '15s'
    }
  },
  {
    action: 'deployment',
    label: 'deployment (input error: no network)',
    env: { INPUT_ENVIRONMENT: 'prod', INPUT_STATE: 'success', 'INPUT_GITHUB-TOKEN': 'ghs_x' },
    expectExit: 1
  },
  {
    action: 'ecr-login',
    label: 'ecr-login (input error; AWS SDK not loaded)',
    env: { AWS_REGION: 'eu-west-1', INPUT_REGISTRIES: '12345', 'INPUT_MASK-PASSWORD': 'true' },
    expectExit: 1
  },
  {
    action: 'k8s-deploy',
    label: 'k8s-deploy (bad timeout, refused before any request; client-node not loaded)',
    env: {
      INPUT_MANIFESTS: 'k8s/',
      INPUT_KUBECONFIG: 'apiVersion: v1\nkind: Config\n',
      INPUT_TIMEOUT: 'soon'
    },
    expectExit: 1
  },
  {
    action: 'image-push',
    label: 'image-push (bad tag, refused before any request)',
    env: {
      INPUT_SOURCE: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2-rc.3',
      INPUT_TAGS:
        '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2\n123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:bad tag!'
    },
    expectExit: 1
  },
  {
    action: 'cli',
    label: 'gantry version (the CLI)',
    args: [
      'version',
      '--images',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
      '--base-version',
      '1.4'
    ],
    env: {}
  },
  {
    action: 'ssh-deploy',
    label: 'ssh-deploy (dry run: validation, plan)',
    env: {
      INPUT_HOSTS: 'deploy@10.0.1.5\ndeploy@10.0.1.6',
      INPUT_KEY: BENCH_KEY,
      INPUT_FINGERPRINT: 'SHA256:' + 'A'.repeat(43),
      INPUT_APP: 'shop',
      INPUT_ENV: 'IMAGE=127.0.0.1:5000/shop:1.2.3',
      'INPUT_COMPOSE-FILE': 'docker-compose.yml',
      'INPUT_DRY-RUN': 'true'
    },
    files: { 'docker-compose.yml': 'services:\n  web:\n    image: ${IMAGE}\n' }
  },
  {
    action: 'version',
    label: 'version',
    env: {
      INPUT_IMAGES: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop',
      'INPUT_BASE-VERSION': '1.4',
      'INPUT_FIXED-BRANCH-TAGS': 'develop, main',
      'INPUT_SHA-TAG': 'true'
    }
  },
  {
    action: 'environment',
    label: 'environment (default map)',
    env: { INPUT_CONFIG: '.github/gantry.yml' }
  },
  {
    action: 'environment',
    label: 'environment (settings file)',
    env: { INPUT_CONFIG: 'gantry.yml' },
    files: { 'gantry.yml': SETTINGS_FILE }
  }
]

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function timeOnce(node, args, env, expectExit = 0) {
  const start = process.hrtime.bigint()
  const r = spawnSync(node, args, { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== expectExit) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}

function measure(node, bundle, scenario) {
  for (const [file, text] of Object.entries(scenario.files ?? {}))
    writeFileSync(join(dir, file), text)
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV'].map((k) => [
      k,
      join(dir, k)
    ])
  )
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env = { PATH: process.env.PATH, HOME: dir, ...github, ...files, ...scenario.env }
  const code = scenario.expectExit ?? 0
  for (let i = 0; i < 3; i++) timeOnce(node, [bundle, ...(scenario.args ?? [])], env, code) // warm the file cache
  const bare = []
  const minimal = []
  const action = []
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeOnce(node, ['-e', '0'], env))
    minimal.push(timeOnce(node, [join(MINIMAL, 'index.js')], env))
    action.push(timeOnce(node, [bundle, ...(scenario.args ?? [])], env, code))
  }
  return { bare: median(bare), minimal: median(minimal), action: median(action) }
}

const nodes = [{ name: `node ${process.version}`, path: process.execPath }]
if (existsSync(NODE24_PATH)) nodes.push({ name: 'node 24', path: NODE24_PATH })
else console.log('(Node 24 is not installed in .tools/: run `npm test` once to install it)')

const actions = readdirSync('dist').filter((n) => existsSync(join('dist', n, 'index.js')))
for (const name of actions) {
  if (!SCENARIOS.some((s) => s.action === name))
    throw new Error(`scripts/bench.mjs has no scenario for dist/${name}`)
}
console.log(`Cold start, median of ${RUNS} alternating runs each (wall time, ms)\n`)
console.log(
  '| invocation | bundle KiB (+ lazy chunks) | node | `node -e 0` | minimal @actions/core action | action | ratio to `node -e 0` | above the minimal action |'
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
const over = []
for (const scenario of SCENARIOS) {
  const bundleDir = join(process.cwd(), 'dist', scenario.action)
  const bundle = join(bundleDir, 'index.js')
  const kib = (f) => Math.round(statSync(join(bundleDir, f)).size / 1024)
  const chunks = readdirSync(bundleDir)
    .filter((f) => /^\d+\.index\.js$/.test(f))
    .map(kib)
  const size = `${kib('index.js')}${chunks.length ? ` (+ ${chunks.join(' + ')})` : ''}`
  for (const node of nodes) {
    const m = measure(node.path, bundle, scenario)
    const above = m.action - m.minimal
    if (above > 20) over.push(`${scenario.label} on ${node.name}: +${above.toFixed(0)} ms`)
    console.log(
      `| ${scenario.label} | ${size} | ${node.name} | ${m.bare.toFixed(0)} | ${m.minimal.toFixed(0)} | ${m.action.toFixed(0)} | ${(m.action / m.bare).toFixed(2)}x | ${above >= 0 ? '+' : ''}${above.toFixed(0)} ms |`
    )
  }
}

console.log(
  over.length
    ? `\nMore than 20 ms above the minimal @actions/core action: ${over.join('; ')}`
    : '\nEvery invocation is within 20 ms of the minimal @actions/core action.'
)

// Faults: the unit fault matrix (test/unit/deploy/faults.test.ts), a fault at every step of
// compose, swarm and git deploys (fails, times out, connection lost before or after), the
// invariants checked after each and after the run that follows. Target: 0 violations.
{
  const report = join(dir, 'faults.jsonl')
  const r = spawnSync(
    'npx',
    ['jest', '--selectProjects', 'unit', '--runTestsByPath', 'test/unit/deploy/faults.test.ts'],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: '--experimental-vm-modules',
        NODE_NO_WARNINGS: '1',
        GANTRY_FAULTS_REPORT: report
      },
      encoding: 'utf8'
    }
  )
  console.log('\n## Faults (unit fault matrix)\n')
  const rows = existsSync(report)
    ? readFileSync(report, 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => Object.entries(JSON.parse(line)))
    : []
  if (!rows.length) {
    console.log(`The fault matrix did not run:\n${r.stderr}`)
    process.exitCode = 1
  } else {
    console.log('| scenario | steps | faults injected | invariant violations |')
    console.log('| --- | --- | --- | --- |')
    for (const [name, m] of rows)
      console.log(`| ${name} | ${m.steps} | ${m.faults} | ${m.violations} |`)
    const sum = (key) => rows.reduce((n, [, m]) => n + m[key], 0)
    console.log(
      `\nFaults injected: ${sum('faults')}; invariant violations: ${sum('violations')} (target 0).`
    )
    if (r.status !== 0) process.exitCode = 1
  }
}

// The benchmarks that need the sandbox (root, Debian): deploys to many hosts, promotion, git
// releases, the requests a deploy drops (recreate vs blue-green behind HAProxy and nginx), and
// the host agent (webhook latency, forged requests rejected, idle cost, polling) and its recovery
// when killed mid-deploy (recovery time, redeploys, invariant violations).
const extra = [
  'bench-deploy.mjs',
  'bench-promotion.mjs',
  'bench-git.mjs',
  'bench-blue-green.mjs',
  'bench-agent.mjs',
  'bench-agent-faults.mjs'
].filter((f) => existsSync(join('scripts', f)))
if (process.argv.includes('--cold-start-only')) {
  console.log(`\n(${extra.join(', ')} skipped: --cold-start-only)`)
} else if (process.getuid?.() !== 0) {
  console.log(`\n(${extra.join(', ')} need root and the sandbox: skipped)`)
} else {
  for (const script of extra) {
    console.log(`\n## ${script}\n`)
    const r = spawnSync(process.execPath, [join('scripts', script)], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = 1
  }
}
