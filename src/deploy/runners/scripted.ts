/**
 * A runner that answers each step by its name from a script of answers: the tests' host (a step
 * with no answer fails the test loudly), and, with a healthy host's answers, the dry run's
 * (printing.ts). It records every step it was given, in order.
 */
import { ConnectionLostError, type Step, type StepResult, type StepRunner } from '../step.js'

export interface Answer {
  code?: number | null
  stdout?: string
  stderr?: string
  /** The connection drops during this step (and stays down: later steps fail too). */
  lost?: boolean
  /** The runner killed this step at its time limit (the local runner's step timeout). */
  timedOutAfterMs?: number
}

/**
 * By step name: one answer; a list (one per call, the last repeating); or a function of the step
 * and how many times that name was asked before. A key also answers every step whose name starts
 * with it and a space (`prune` answers `prune 2 old release(s)`). `*` answers any other step.
 */
export type Answers = Record<
  string,
  Answer | string | readonly (Answer | string)[] | ((step: Step, call: number) => Answer | string)
>

export interface ScriptedRunner extends StepRunner {
  /** Every step run, in order, with the round trip (batch) it was part of. */
  readonly ran: (Step & { batch: number })[]
  closed: boolean
}

export function answerFor(answers: Answers, step: Step, call: number): Answer {
  const key =
    step.name in answers
      ? step.name
      : (Object.keys(answers)
          .filter((k) => step.name.startsWith(`${k} `))
          .sort((a, b) => b.length - a.length)[0] ?? ('*' in answers ? '*' : undefined))
  if (key === undefined)
    throw new Error(`The scripted host has no answer for the step "${step.name}"`)
  const entry = answers[key]
  const picked =
    typeof entry === 'function'
      ? entry(step, call)
      : Array.isArray(entry)
        ? (entry[Math.min(call, entry.length - 1)] as Answer | string)
        : (entry as Answer | string)
  return typeof picked === 'string' ? { stdout: picked } : picked
}

export function scriptedRunner(
  answers: Answers,
  options: { where?: string; onStep?: (step: Step, batch: number) => void } = {}
): ScriptedRunner {
  const calls = new Map<string, number>()
  let batches = 0
  let lost = false
  const runner: ScriptedRunner = {
    where: options.where ?? 'scripted host',
    ran: [],
    closed: false,
    async close() {
      runner.closed = true
    },
    async run(steps, runOptions = {}) {
      const batch = batches++
      const results: StepResult[] = []
      for (const step of steps) {
        if (lost) throw new ConnectionLostError(`Connection to ${runner.where} lost: (scripted)`)
        runner.ran.push({ ...step, batch })
        options.onStep?.(step, batch)
        const call = calls.get(step.name) ?? 0
        calls.set(step.name, call + 1)
        const answer = answerFor(answers, step, call)
        lost ||= answer.lost === true
        if (lost) throw new ConnectionLostError(`Connection to ${runner.where} lost: (scripted)`)
        const result: StepResult = {
          code:
            answer.timedOutAfterMs !== undefined
              ? null
              : answer.code === undefined
                ? 0
                : answer.code,
          stdout: answer.stdout ?? '',
          stderr: answer.stderr ?? '',
          ...(answer.timedOutAfterMs !== undefined
            ? { timedOutAfterMs: answer.timedOutAfterMs }
            : {})
        }
        for (const stream of ['stdout', 'stderr'] as const)
          for (const line of result[stream]
            .split('\n')
            .filter((l, i, all) => l || i < all.length - 1))
            runOptions.onLine?.(step, line, stream)
        results.push(result)
        if (result.code !== 0 && !step.mayFail) break
      }
      return results
    }
  }
  return runner
}
