/**
 * The step runner: where a deploy's steps run. A step is data (src/core/deploy/remote.ts builds
 * them: name, script, stdin, secret stdin, may fail); a runner executes steps, never strings.
 * Implementations: over SSH (runners/ssh.ts), on this machine (runners/local.ts, for an agent on
 * the host), printing (runners/printing.ts, the dry run) and scripted (runners/scripted.ts, tests
 * answer by step name). Every deploy target runs through this interface only, so the dry run and
 * the tests walk exactly the code a real deploy walks.
 */
import type { RemoteStep } from '../core/deploy/remote.js'

export type Step = RemoteStep

export interface StepResult {
  /** The exit code; null when the step was cut off (a signal, the connection). */
  code: number | null
  stdout: string
  stderr: string
  /** The runner killed the step (with its process group) after this long: its step timeout. */
  timedOutAfterMs?: number
  /** Characters left out from the start of each stream (only the last ones are kept). */
  dropped?: { stdout: number; stderr: number }
}

export type OutputStream = 'stdout' | 'stderr'

export interface RunOptions {
  /** Each line a step prints, as it arrives. */
  onLine?: (step: Step, line: string, stream: OutputStream) => void
}

export interface StepRunner {
  /** Where the steps run, for messages: `deploy@10.0.0.5`, `this machine`. */
  readonly where: string
  /**
   * Runs the steps in order, in one round trip, and returns one result per step that ran: the
   * batch stops after the first step that fails unless it `mayFail` (so the result list can be
   * shorter than the steps). Throws ConnectionLostError when the host could not be reached or
   * dropped the connection meanwhile (then nothing says how far the steps got).
   */
  run(steps: readonly Step[], options?: RunOptions): Promise<StepResult[]>
  close(): Promise<void>
}

/** Opens a runner for one host (one SSH connection, or this machine). */
export type Connect = () => Promise<StepRunner>

/** The host could not be reached, or the connection dropped while steps ran. */
export class ConnectionLostError extends Error {}

/** A step failed: its name, its exit code and the tail of what it printed. */
export class StepError extends Error {
  constructor(
    readonly step: Step,
    readonly result: StepResult | undefined,
    message: string
  ) {
    super(message)
  }
}

/** `pull failed (exit code 1): the last | lines | it printed`. */
export function stepFailure(step: Step, result: StepResult): StepError {
  if (result.timedOutAfterMs !== undefined)
    return new StepError(
      step,
      result,
      `${step.name} timed out after ${formatSeconds(result.timedOutAfterMs)} (killed with its process group)`
    )
  const last = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((l) => l.trim())
    .slice(-5)
    .join(' | ')
  return new StepError(
    step,
    result,
    `${step.name} failed (exit code ${result.code})${last ? `: ${last}` : ''}`
  )
}

/** A step the runner killed at its time limit: a failure of the release, to roll back. */
export function isTimeout(error: unknown): error is StepError {
  return error instanceof StepError && error.result?.timedOutAfterMs !== undefined
}

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10}s`
