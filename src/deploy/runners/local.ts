/**
 * Steps on this machine, through `sh -c`: what an agent running on the host itself uses (the
 * same steps as over SSH, without SSH). stdin is written then closed; output streams line by line.
 *
 * Each call (one step, or one batch of steps) runs in its own process group, so that a step
 * that outlives `stepTimeoutMs` is killed with everything it started (a `sleep &` in a hook, a
 * hung `docker compose pull`): SIGTERM to the group, SIGKILL after a short grace. The step is
 * then reported as cut off (`timedOutAfterMs`), which the targets treat as the release failing.
 */
import { spawn } from 'node:child_process'
import { lineSplitter } from '../../io/ssh.js'
import type { OutputStream, StepRunner } from '../step.js'
import { shellRunner } from './shell.js'

export interface LocalRunnerOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** The longest one call may run; then its process group is killed. None by default. */
  stepTimeoutMs?: number
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number
  /** Each call's process group (its pid) when it starts and when it ended: for the agent's run file. */
  onGroup?: (pgid: number, event: 'started' | 'ended') => void
}

/** After SIGKILL, how long the pipes may stay open (a process outside the group holding them). */
const CLOSE_WAIT_MS = 2000

export function localRunner(options: LocalRunnerOptions = {}): StepRunner {
  const grace = options.killGraceMs ?? 5000
  return shellRunner(
    'this machine',
    (script, { stdin, onLine }) =>
      new Promise((resolve, reject) => {
        const child = spawn('sh', ['-c', script], {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: ['pipe', 'pipe', 'pipe'],
          // Its own process group (pgid = its pid): the timeout kills the group.
          detached: true
        })
        const pgid = child.pid
        if (pgid !== undefined) options.onGroup?.(pgid, 'started')
        const split = (stream: OutputStream) => {
          const lines = lineSplitter((line) => onLine(line, stream))
          child[stream].on('data', (chunk: Buffer) => lines.push(chunk))
          return () => lines.flush()
        }
        const flush = [split('stdout'), split('stderr')]
        const timers: NodeJS.Timeout[] = []
        let timedOutAfterMs: number | undefined
        let settled = false
        const finish = (code: number | null) => {
          if (settled) return
          settled = true
          timers.forEach(clearTimeout)
          flush.forEach((f) => f())
          if (pgid !== undefined) options.onGroup?.(pgid, 'ended')
          resolve(timedOutAfterMs === undefined ? { code } : { code: null, timedOutAfterMs })
        }
        const killGroup = (signal: NodeJS.Signals) => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, signal)
          } catch {
            // The group is gone already.
          }
        }
        if (options.stepTimeoutMs !== undefined && options.stepTimeoutMs > 0) {
          const limit = options.stepTimeoutMs
          timers.push(
            setTimeout(() => {
              timedOutAfterMs = limit
              killGroup('SIGTERM')
              timers.push(
                setTimeout(() => {
                  killGroup('SIGKILL')
                  // Pipes held open by a process that left the group must not hang the deploy.
                  timers.push(
                    setTimeout(() => {
                      child.stdout.destroy()
                      child.stderr.destroy()
                      finish(null)
                    }, CLOSE_WAIT_MS)
                  )
                }, grace)
              )
            }, limit)
          )
        }
        child.on('error', (error) => {
          if (settled) return
          settled = true
          timers.forEach(clearTimeout)
          reject(error)
        })
        child.on('close', (code) => {
          // A group killed before its own shell exited: what is left of it goes too.
          if (timedOutAfterMs !== undefined) killGroup('SIGKILL')
          finish(code)
        })
        // A script that does not read its stdin closes the pipe early: that is no failure.
        child.stdin.on('error', () => undefined)
        child.stdin.end(stdin ?? '')
      }),
    async () => undefined
  )
}
