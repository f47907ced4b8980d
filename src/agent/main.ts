/**
 * `gantry agent [--config <file>]`: validates the config, recovers runs an earlier agent was
 * stopped in the middle of, then serves webhooks and polls registries until SIGTERM/SIGINT
 * (then: no new jobs, a running step gets up to 30 s, exit 0).
 * `gantry agent check --config <file>`: validates only. `gantry agent install …`: the systemd unit.
 * Logs one line per event on stderr: text, or one JSON object per line (`log-format: json`).
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { homedir, userInfo } from 'node:os'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AgentConfigError, checkSummary, parseAgentConfig } from '../core/agent/config.js'
import { endStepsOnSignal, stepGroups } from '../deploy/runners/local.js'
import { realClock, type Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import type { AgentConfig, SecretSource } from './contract.js'
import { createDeployer, type AgentDeployer } from './deployer.js'
import { installUnit, userProblem } from './install.js'
import { startPoller } from './poller.js'
import { JobQueue, type AgentEvent, type AgentLog } from './queue.js'
import { recoverInterrupted } from './recovery.js'
import { startAgentServer } from './server.js'
import { lockStateDir, type StateDirLock } from './statelock.js'
import { AgentStore, newJobId } from './store.js'

interface Writer {
  out(text: string): void
  err(text: string): void
}

/** Where the config is when --config is not given. */
export const DEFAULT_CONFIG = '/etc/gantry/agent.yml'
/** A running step's grace on SIGTERM (systemd's TimeoutStopSec is 45 s). */
const STOP_GRACE_MS = 30_000
/** Then its process group gets SIGTERM, and SIGKILL this much later. */
const STEP_KILL_GRACE_MS = 5000

const USAGE = `Usage:
  gantry agent [--config <file>]      validate, recover interrupted runs, serve (default ${DEFAULT_CONFIG})
  gantry agent check --config <file>  validate only
  gantry agent install --config <file> [--user <user>] [--unit-dir /etc/systemd/system] [--bin <path>]
                                      write gantry-agent.service (runs no systemctl)
`

export interface AgentMainDeps {
  /** Resolves when the agent should stop (default: SIGTERM or SIGINT). */
  stopSignal?: Promise<string>
  /** Told the server's URL once it listens (tests). */
  onListening?: (url: string) => void
}

export async function agentMain(
  args: string[],
  env: Record<string, string | undefined>,
  write: Writer,
  deps: AgentMainDeps = {}
): Promise<number> {
  const sub = args[0] === 'check' || args[0] === 'install' ? args[0] : undefined
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: sub ? args.slice(1) : args,
      options: {
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...(sub === 'install'
          ? {
              user: { type: 'string' },
              'unit-dir': { type: 'string' },
              bin: { type: 'string' }
            }
          : {})
      },
      strict: true,
      allowPositionals: false
    }))
  } catch (error) {
    write.err(`error: ${errorMessage(error)}\n\n${USAGE}`)
    return 1
  }
  if (values.help) {
    write.out(USAGE)
    return 0
  }
  const file = resolve(String(values.config ?? env.GANTRY_AGENT_CONFIG ?? DEFAULT_CONFIG))
  if (sub === 'install') return install(file, values, env, write)
  const config = await loadConfig(file, env, homedir(), write)
  if (!config) return 1
  if (sub === 'check') {
    write.out(checkSummary(config) + '\n')
    return 0
  }
  return serve(config, write, deps)
}

/** The config, or undefined after printing every problem (`<file>:<line>: <key>: <problem>`). */
async function loadConfig(
  file: string,
  env: Record<string, string | undefined>,
  home: string,
  write: Writer
): Promise<AgentConfig | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    write.err(`${file}: cannot read the config: ${errorMessage(error)}\n`)
    return undefined
  }
  try {
    return await parseAgentConfig(text, file, { readSecret: secretReader(env), env, home })
  } catch (error) {
    const lines = error instanceof AgentConfigError ? error.problems : [errorMessage(error)]
    write.err(lines.map((l) => `${l}\n`).join(''))
    return undefined
  }
}

/** A secret from its file (one trailing newline dropped) or variable; the error never shows it. */
export function secretReader(env: Record<string, string | undefined>) {
  return (source: SecretSource): string => {
    if ('file' in source) {
      let text: string
      try {
        text = readFileSync(source.file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        throw new Error(
          code === 'ENOENT'
            ? `${source.file} does not exist`
            : `${source.file} cannot be read (${code ?? errorMessage(error)})`
        )
      }
      const value = text.replace(/\r?\n$/, '')
      if (value.trim() === '') throw new Error(`${source.file} is empty`)
      return value
    }
    const value = env[source.env]
    if (value === undefined || value === '')
      throw new Error(`the environment variable ${source.env} is not set`)
    return value
  }
}

/** One line per event: `<time> <app> job <id> <event> <version> key=value…`, or JSON. */
export function eventLogger(
  format: AgentConfig['logFormat'],
  write: (line: string) => void,
  now: () => number = Date.now
): AgentLog {
  return (event: AgentEvent) => {
    const time = new Date(now()).toISOString()
    const { event: name, level = 'info', app, job, ...rest } = event
    if (format === 'json') {
      write(JSON.stringify({ time, level, event: name, app, job, ...rest }) + '\n')
      return
    }
    const { version, message, ...fields } = rest
    const words = [
      time,
      ...(level !== 'info' ? [level.toUpperCase()] : []),
      app ?? '-',
      ...(job ? [`job ${job}`] : []),
      name,
      ...(version !== undefined ? [String(version)] : []),
      ...Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${word(v)}`),
      ...(message !== undefined ? [String(message)] : [])
    ]
    write(words.join(' ').replace(/[\r\n]+/g, ' ') + '\n')
  }
}

const word = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return /^[^\s"=]*$/.test(text) ? text : JSON.stringify(text)
}

async function serve(config: AgentConfig, write: Writer, deps: AgentMainDeps): Promise<number> {
  const clock = realClock
  const log = eventLogger(config.logFormat, (line) => write.err(line))
  // First of all: a stop from now on is a stop asked for, never the default death by signal (a
  // recovery killed midway would leave its rollback half done).
  let stopping: string | undefined
  const signal = (deps.stopSignal ?? stopSignal()).then((name) => {
    // A second signal ends the steps' process groups at once, then the agent.
    if (!deps.stopSignal) endStepsOnSignal()
    return (stopping = name)
  })
  let lock: StateDirLock
  try {
    lock = await lockStateDir(config.stateDir)
  } catch (error) {
    log({ event: 'refused', level: 'error', message: errorMessage(error) })
    return 1
  }
  try {
    const store = await AgentStore.open(config.stateDir, { clock })
    const deployer = createDeployer({
      stateDir: config.stateDir,
      configDir: dirname(config.file),
      clock,
      onEvent: log
    })
    const recovery = recover(config, store, deployer, log, () => stopping !== undefined)
    const first = await Promise.race([recovery.then(() => undefined), signal])
    if (first !== undefined) {
      log({ event: 'stopping', signal: first, message: 'during recovery: its step may finish' })
      let timer: NodeJS.Timeout | undefined
      const ended = await Promise.race([
        recovery.then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_GRACE_MS)))
      ])
      clearTimeout(timer)
      await store.flush()
      log({
        event: 'stopped',
        level: 'warn',
        message: ended
          ? 'recovery stopped between steps (it goes on at the next start)'
          : 'recovery was still running (it goes on at the next start)'
      })
      return 0
    }
    return await run(config, { store, deployer, log, clock, signal, deps })
  } finally {
    await lock.release()
  }
}

/** Recovers the runs an earlier agent was stopped in the middle of, and logs what it did. */
async function recover(
  config: AgentConfig,
  store: AgentStore,
  deployer: AgentDeployer,
  log: AgentLog,
  stopping: () => boolean
): Promise<void> {
  const clock = realClock
  const recovered = await recoverInterrupted({
    stateDir: config.stateDir,
    apps: config.apps,
    deployer,
    clock,
    newJobId,
    stopping,
    endJob: async (id, result) => {
      const record = store.job(id)
      if (!record) return
      await store.saveJob({
        ...record,
        state: result.state,
        ...(result.version !== undefined ? { version: result.version } : {}),
        ...(result.before !== undefined ? { before: result.before } : {}),
        ...(result.after !== undefined ? { after: result.after } : {}),
        ...(result.message !== undefined ? { message: result.message } : {}),
        endedAt: record.endedAt ?? new Date(clock.now()).toISOString(),
        log: result.state === 'failed' ? [...record.log, result.message ?? ''] : record.log
      })
    },
    onJob: (job) =>
      void store
        .saveJob({ ...job, log: [...job.log] })
        .catch((error: unknown) =>
          log({ event: 'store-failed', level: 'error', job: job.id, error: errorMessage(error) })
        ),
    log: (app, line) => log({ event: 'recovery', app, message: line })
  })
  for (const r of recovered)
    log({
      event: 'recovered',
      level: r.rollback?.result.state === 'failed' ? 'error' : 'warn',
      app: r.app,
      job: r.job,
      message: r.message
    })
}

/** Serves webhooks and polls until the stop signal. */
async function run(
  config: AgentConfig,
  parts: {
    store: AgentStore
    deployer: AgentDeployer
    log: AgentLog
    clock: Clock
    signal: Promise<string>
    deps: AgentMainDeps
  }
): Promise<number> {
  const { store, deployer, log, clock, deps } = parts
  const queue = new JobQueue({
    deployer,
    store,
    clock,
    maxPending: config.maxPending,
    apps: config.apps,
    log
  })
  const server = await startAgentServer(config, { deployer, store, queue, clock, log })
  deps.onListening?.(server.url)
  const poller = startPoller({
    apps: config.apps,
    deployer,
    stateDir: config.stateDir,
    enqueue: async (app, request, resolved) => {
      const result = await queue.submit(app, 'poll', request, resolved)
      return result.ok ? { job: result.job.id } : { error: result.reason }
    },
    log: (app, line, level) => log({ event: 'poll', level, app, message: line })
  })

  const signal = await parts.signal
  log({ event: 'stopping', signal, message: 'no new jobs; a running step may finish' })
  poller.stop()
  const clean = await server.close(STOP_GRACE_MS)
  // Never a step group left running: the run is recovered at the next start.
  if (!clean) await stepGroups.end({ graceMs: STEP_KILL_GRACE_MS })
  await store.flush()
  log({
    event: 'stopped',
    level: clean ? 'info' : 'warn',
    message: clean ? 'nothing left running' : 'a run was still going (recovered at next start)'
  })
  return 0
}

function stopSignal(): Promise<string> {
  return new Promise((resolveSignal) => {
    const on = (name: NodeJS.Signals) => {
      process.off('SIGTERM', onTerm)
      process.off('SIGINT', onInt)
      resolveSignal(name)
    }
    const onTerm = () => on('SIGTERM')
    const onInt = () => on('SIGINT')
    process.once('SIGTERM', onTerm)
    process.once('SIGINT', onInt)
  })
}

async function install(
  file: string,
  values: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
  write: Writer
): Promise<number> {
  const user = String(values.user ?? env.SUDO_USER ?? userInfo().username)
  const problem = userProblem(user)
  if (problem) {
    write.err(`error: ${problem}\n`)
    return 1
  }
  const home = homeOf(user)
  // `~/` in the config is the service user's home, not the installer's.
  const config = await loadConfig(file, env, home, write)
  if (!config) return 1
  const bin = resolve(String(values.bin ?? process.argv[1] ?? 'gantry'))
  try {
    const lines = await installUnit({
      configFile: file,
      config,
      user,
      node: process.execPath,
      bin,
      home,
      unitDir: String(values['unit-dir'] ?? '/etc/systemd/system')
    })
    write.out(lines.map((l) => `${l}\n`).join(''))
    return 0
  } catch (error) {
    write.err(`error: ${errorMessage(error)}\n`)
    return 1
  }
}

/** A user's home from /etc/passwd; this process's own for itself or when not listed. */
function homeOf(user: string): string {
  if (user === userInfo().username) return homedir()
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[0] === user)
    const home = line?.split(':')[5]
    if (home) return home
  } catch {
    // No passwd file: fall back.
  }
  return `/home/${user}`
}
