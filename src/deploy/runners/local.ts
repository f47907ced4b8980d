/**
 * Steps on this machine, through `sh -c`: what an agent running on the host itself uses (the
 * same steps as over SSH, without SSH). stdin is written then closed; output streams line by line.
 *
 * Each call (one step, or one batch of steps) runs in its own process group, so that a step
 * that outlives `stepTimeoutMs` is killed with everything it started (a `sleep &` in a hook, a
 * hung `docker compose pull`): SIGTERM to the group, SIGKILL after a short grace. The step is
 * then reported as cut off (`timedOutAfterMs`), which the targets treat as the release failing.
 *
 * A step ends when its shell exits: a daemon it started (a `restart:` that backgrounds a server
 * without redirecting its output) may hold the pipes for as long as it runs, so what the shell
 * printed drains briefly, then the daemon keeps the pipes (read and discarded, never closed
 * under it: its next write would kill it with SIGPIPE) and stays in the group, untouched.
 */
import { spawn } from 'node:child_process'
import type { Socket } from 'node:net'
import type { Readable } from 'node:stream'
import { lineSplitter } from '../../io/ssh.js'
import { realClock, type Clock } from '../../lib/clock.js'
import type { OutputStream, StepRunner } from '../step.js'
import { shellRunner } from './shell.js'

export interface LocalRunnerOptions {
  cwd?: string
  /** The steps' whole environment; by default stepEnvironment(process.env). */
  env?: NodeJS.ProcessEnv
  /** The longest one call may run; then its process group is killed. None by default. */
  stepTimeoutMs?: number
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number
  /** Each call's process group (its pid) when it starts and when it ended: for the agent's run file. */
  onGroup?: (pgid: number, event: 'started' | 'ended') => void
  /** The groups a stopping agent ends (default: this process's, `stepGroups`). */
  groups?: StepGroups
}

/** A longer line reaches `onLine` cut, its middle dropped (a build printing a 200 MB line). */
export const MAX_LINE = 64 * 1024
/**
 * What a step's result keeps of each stream, its last characters (a hook stuck in `yes` must not
 * fill the agent's memory); every line is still logged as it arrives.
 */
export const OUTPUT_KEPT = 1024 * 1024
/** After the step's shell exited, how long what it printed may still drain. */
const DRAIN_MS = 300
/** After a timed-out step's group was killed, how long its pipes may take to close. */
const CLOSE_WAIT_MS = 2000

/**
 * What a step keeps of the agent's environment: the user, the locale, the Docker client's
 * choice of engine (the engine the agent deploys to, as a login over SSH gives ssh-deploy's
 * steps: every step, `docker ps` as much as compose, must see the same one) and the host's
 * outbound proxy (a host behind one needs it for a build's `git` or `npm ci`). Never the agent's
 * secrets (`*-env`), nor an `IMAGE` that compose would prefer to the release's `.env`.
 */
const INHERITED =
  /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z_]+|TZ|DOCKER_HOST|DOCKER_CONTEXT|DOCKER_CONFIG|DOCKER_CERT_PATH|DOCKER_TLS_VERIFY|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy)$/
/** systemd's default, for an agent started without one. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** The environment a step runs in: PATH, HOME, the user, the locale, TZ, the Docker engine, the proxy; nothing else. */
export function stepEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && INHERITED.test(entry[0])
  )
  return { PATH: DEFAULT_PATH, ...Object.fromEntries(kept) }
}

/**
 * The process groups of the steps running in this process, for stopping the agent: `end()`
 * lets no new step start (a run that goes on to its next step, a rollback or the unlock, waits
 * for ever: the process exits and the next start recovers the run from its run file, which a
 * run that failed here would have removed), sends SIGTERM to every running group, and SIGKILL
 * to them all once they ended or the grace is over, so that nothing a step started runs on.
 */
export class StepGroups {
  private readonly running = new Set<number>()
  private stopping = false

  get size(): number {
    return this.running.size
  }

  get accepting(): boolean {
    return !this.stopping
  }

  started(pgid: number): void {
    this.running.add(pgid)
  }

  ended(pgid: number): void {
    this.running.delete(pgid)
  }

  /** Ends every running step's group; how many there were. */
  async end({ graceMs, clock = realClock }: { graceMs: number; clock?: Clock }): Promise<number> {
    this.stopping = true
    const groups = [...this.running]
    groups.forEach((pgid) => signalGroup(pgid, 'SIGTERM'))
    const until = clock.now() + graceMs
    while (this.running.size > 0 && clock.now() < until) await clock.sleep(50)
    // The rest of each group too (a member ignoring SIGTERM, one its shell left behind).
    groups.forEach((pgid) => signalGroup(pgid, 'SIGKILL'))
    return groups.length
  }
}

/** This process's step groups (`gantry agent` ends them when it stops). */
export const stepGroups = new StepGroups()

/** On a second signal, the time between SIGTERM and SIGKILL to the steps' groups. */
const HURRIED_GRACE_MS = 500

/**
 * While the agent stops: a second SIGTERM or SIGINT (an impatient Ctrl-C) ends every running
 * step's group at once (SIGTERM, SIGKILL shortly after), then the process, instead of leaving
 * the groups orphaned. Returns what removes the handlers.
 */
export function endStepsOnSignal(
  groups: StepGroups = stepGroups,
  exit: (code: number) => void = (code) => process.exit(code)
): () => void {
  const on = (signal: NodeJS.Signals) => {
    remove()
    void groups
      .end({ graceMs: HURRIED_GRACE_MS })
      .finally(() => exit(signal === 'SIGINT' ? 130 : 143))
  }
  const remove = () => {
    process.off('SIGTERM', on)
    process.off('SIGINT', on)
  }
  process.once('SIGTERM', on)
  process.once('SIGINT', on)
  return remove
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // The group is gone already.
  }
}

/** A child's pipe is a socket: unreferenced, it no longer keeps this process alive. */
const unref = (pipe: Readable) => (pipe as Readable & Partial<Socket>).unref?.()

export function localRunner(options: LocalRunnerOptions = {}): StepRunner {
  const grace = options.killGraceMs ?? 5000
  const groups = options.groups ?? stepGroups
  const env = options.env ?? stepEnvironment(process.env)
  return shellRunner(
    'this machine',
    (script, { stdin, onLine }) => {
      // Never settles: see StepGroups.
      if (!groups.accepting) return new Promise(() => undefined)
      return new Promise((resolve, reject) => {
        const child = spawn('sh', ['-c', script], {
          cwd: options.cwd,
          env,
          stdio: ['pipe', 'pipe', 'pipe'],
          // Its own process group (pgid = its pid): the timeout kills the group.
          detached: true
        })
        const pgid = child.pid
        if (pgid !== undefined) {
          groups.started(pgid)
          options.onGroup?.(pgid, 'started')
        }
        // Once the step ended, a daemon's output is read and dropped.
        let ended = false
        const split = (stream: OutputStream) => {
          const lines = lineSplitter((line) => onLine(line, stream), MAX_LINE)
          child[stream].on('data', (chunk: Buffer) => {
            if (!ended) lines.push(chunk)
          })
          return () => lines.flush()
        }
        const flush = [split('stdout'), split('stderr')]
        const timers: NodeJS.Timeout[] = []
        let timedOutAfterMs: number | undefined
        const finish = (code: number | null) => {
          if (ended) return
          ended = true
          timers.forEach(clearTimeout)
          flush.forEach((f) => f())
          if (pgid !== undefined) {
            groups.ended(pgid)
            options.onGroup?.(pgid, 'ended')
          }
          resolve(timedOutAfterMs === undefined ? { code } : { code: null, timedOutAfterMs })
        }
        const killGroup = (signal: NodeJS.Signals) => {
          if (pgid !== undefined) signalGroup(pgid, signal)
        }
        if (options.stepTimeoutMs !== undefined && options.stepTimeoutMs > 0) {
          const limit = options.stepTimeoutMs
          timers.push(
            setTimeout(() => {
              timedOutAfterMs = limit
              killGroup('SIGTERM')
              timers.push(setTimeout(() => killGroup('SIGKILL'), grace))
            }, limit)
          )
        }
        child.on('error', (error) => {
          if (ended) return
          ended = true
          timers.forEach(clearTimeout)
          if (pgid !== undefined) groups.ended(pgid)
          reject(error)
        })
        child.on('exit', (code) => {
          const killed = timedOutAfterMs !== undefined
          // The step is over: its time limit no longer applies (a daemon it left is no step).
          timers.forEach(clearTimeout)
          // A group killed before its own shell exited: what is left of it goes too.
          if (killed) killGroup('SIGKILL')
          timers.push(
            setTimeout(
              () => {
                // Pipes still open: held by a daemon the step started (it keeps them, and they
                // no longer keep this process alive), or after a timeout by a process that left
                // the group (they are closed: it must not hang the deploy).
                ;[child.stdout, child.stderr].forEach((pipe) =>
                  killed ? pipe.destroy() : unref(pipe)
                )
                finish(code)
              },
              killed ? CLOSE_WAIT_MS : DRAIN_MS
            )
          )
        })
        child.on('close', (code) => finish(code))
        // A script that does not read its stdin closes the pipe early: that is no failure.
        child.stdin.on('error', () => undefined)
        child.stdin.end(stdin ?? '')
      })
    },
    async () => undefined,
    OUTPUT_KEPT
  )
}
