/**
 * The runner-contract harness: runs a built bundle exactly as the GitHub Actions runner does, as a
 * child process `node dist/<action>/index.js` with `INPUT_<NAME>` variables (defaults from
 * action.yml filled in), the file-command files, an event payload and the `GITHUB_*` variables of
 * that event; or with CircleCI's variables instead. Returns what a workflow would see.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseAnnotations, parseFileCommands } from './file-commands.js'
import { NODE24_PATH } from './node24.js'
export { parseAnnotations, parseFileCommands }
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The Node versions every e2e case runs under: this machine's and the runner's. */
export const NODES = [
  { name: `node ${process.versions.node.split('.')[0]}`, path: process.execPath },
  { name: 'node 24', path: NODE24_PATH }
]
export function readActionYml(action) {
  return parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8'))
}
/** Lines of stdout/stderr that contain a secret, except the runner's own `::add-mask::` lines. */
export function secretLeaks(result, secrets) {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n')
  return lines.filter(
    (line) => !line.startsWith('::add-mask::') && secrets.some((s) => s && line.includes(s))
  )
}
function eventEnv(event) {
  switch (event.kind) {
    // Any event as recorded from a real run (e.g. docker/metadata-action's fixtures): its
    // GITHUB_* variables and payload as given.
    case 'raw':
      return { env: event.env, payload: event.payload ?? {} }
    case 'push':
      return {
        env: {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: `refs/heads/${event.branch}`,
          GITHUB_REF_NAME: event.branch,
          GITHUB_REF_TYPE: 'branch'
        },
        payload: { ref: `refs/heads/${event.branch}`, repository: { default_branch: 'main' } }
      }
    case 'tag':
      return {
        env: {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: `refs/tags/${event.tag}`,
          GITHUB_REF_NAME: event.tag,
          GITHUB_REF_TYPE: 'tag'
        },
        payload: { ref: `refs/tags/${event.tag}`, repository: { default_branch: 'main' } }
      }
    case 'pull_request':
      return {
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_REF: `refs/pull/${event.number}/merge`,
          GITHUB_REF_NAME: `${event.number}/merge`,
          GITHUB_REF_TYPE: 'branch',
          GITHUB_HEAD_REF: event.head,
          GITHUB_BASE_REF: event.base
        },
        payload: {
          number: event.number,
          pull_request: {
            number: event.number,
            head: { ref: event.head },
            base: { ref: event.base }
          }
        }
      }
    case 'workflow_dispatch':
      return {
        env: {
          GITHUB_EVENT_NAME: 'workflow_dispatch',
          GITHUB_REF: `refs/heads/${event.branch}`,
          GITHUB_REF_NAME: event.branch,
          GITHUB_REF_TYPE: 'branch'
        },
        payload: {
          ref: `refs/heads/${event.branch}`,
          inputs: event.inputs ?? {},
          workflow: '.github/workflows/release.yml'
        }
      }
  }
}
// Each run's scratch directory (file commands, RUNNER_TEMP, the default cwd) lives under one
// root per test file, removed when the file's tests end (a post step run later may still read
// what its main step left there); outside jest (the demo), when the process exits.
const scratchRoot = mkdtempSync(join(tmpdir(), 'gantry-harness-'))
const removeScratch = () => rmSync(scratchRoot, { recursive: true, force: true })
if (typeof globalThis.afterAll === 'function') globalThis.afterAll(removeScratch)
else process.once('exit', removeScratch)

export async function runAction(action, options = {}) {
  const yml = readActionYml(action)
  const dir = mkdtempSync(join(scratchRoot, `${action}-`))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_EVENT_PATH: join(dir, 'event.json')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  // Inputs: unknown names are a test bug; defaults come from action.yml as the runner fills them.
  const declared = yml.inputs ?? {}
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in declared)) throw new Error(`actions/${action}/action.yml has no input '${name}'`)
  }
  const inputEnv = {}
  for (const [name, spec] of Object.entries(declared)) {
    const value = options.inputs?.[name] ?? spec.default ?? ''
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value)
  }
  const cwd = options.cwd ?? dir
  let ciEnv
  if (options.circleci) {
    const c = options.circleci
    const owner = c.owner ?? 'acme'
    const repo = c.repo ?? 'shop'
    ciEnv = {
      CI: 'true',
      CIRCLECI: 'true',
      CIRCLE_PROJECT_USERNAME: owner,
      CIRCLE_PROJECT_REPONAME: repo,
      CIRCLE_REPOSITORY_URL: `git@github.com:${owner}/${repo}.git`,
      CIRCLE_BUILD_NUM: c.buildNum ?? '57',
      CIRCLE_BUILD_URL: `https://circleci.com/gh/${owner}/${repo}/${c.buildNum ?? '57'}`,
      CIRCLE_SHA1: c.sha ?? '4f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
      CIRCLE_USERNAME: c.username ?? 'circle-user',
      ...(c.branch ? { CIRCLE_BRANCH: c.branch } : {}),
      ...(c.tag ? { CIRCLE_TAG: c.tag } : {})
    }
  } else {
    const { env, payload } = eventEnv(options.event ?? { kind: 'push', branch: 'main' })
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(payload))
    ciEnv = {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_REPOSITORY: options.repository ?? 'acme/shop',
      GITHUB_REPOSITORY_OWNER: (options.repository ?? 'acme/shop').split('/')[0],
      GITHUB_RUN_ID: '9876543210',
      GITHUB_RUN_NUMBER: options.runNumber ?? '42',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: options.sha ?? '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
      GITHUB_ACTOR: options.actor ?? 'octocat',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'build',
      GITHUB_WORKSPACE: cwd,
      RUNNER_TEMP: dir,
      ...env
    }
  }
  const stateEnv = Object.fromEntries(
    Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])
  )
  // A clean environment: nothing of the machine's (or of our own CI's) GITHUB_* leaks in.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    ...files,
    ...ciEnv,
    ...inputEnv,
    ...stateEnv,
    ...options.env
  }
  if (options.circleci) for (const k of ['GITHUB_EVENT_PATH']) delete env[k]
  const script = resolve(
    ROOT,
    'actions',
    action,
    options.entry === 'post' ? (yml.runs.post ?? '') : yml.runs.main
  )
  const child = spawn(options.node ?? process.execPath, [script], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d.toString()))
  child.stderr.on('data', (d) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
  const exitCode = await new Promise((done) => child.on('close', (code) => done(code)))
  clearTimeout(timer)
  return {
    exitCode,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    exportedEnv: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    stdout,
    stderr,
    annotations: parseAnnotations(stdout)
  }
}
