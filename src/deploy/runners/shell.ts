/**
 * A step runner over anything that runs a POSIX sh script with stdin and reports lines and an
 * exit code: an SSH session (ssh.ts) or a local `sh` (local.ts). One step runs as its own script;
 * several run as one batch script (src/core/deploy/batch.ts), one round trip.
 */
import { randomBytes } from 'node:crypto'
import { batchReader, batchScript } from '../../core/deploy/batch.js'
import type { OutputStream, RunOptions, Step, StepResult, StepRunner } from '../step.js'

export interface ShellExec {
  (
    script: string,
    options: { stdin?: string; onLine: (line: string, stream: OutputStream) => void }
  ): Promise<{ code: number | null; timedOutAfterMs?: number }>
}

export function shellRunner(
  where: string,
  exec: ShellExec,
  close: () => Promise<void>
): StepRunner {
  return {
    where,
    close,
    run: (steps, options = {}) =>
      steps.length === 1 ? runOne(exec, steps[0] as Step, options) : runBatch(exec, steps, options)
  }
}

async function runOne(exec: ShellExec, step: Step, options: RunOptions): Promise<StepResult[]> {
  const out = { stdout: [] as string[], stderr: [] as string[] }
  const { code, timedOutAfterMs } = await exec(step.script, {
    stdin: step.stdin,
    onLine: (line, stream) => {
      out[stream].push(line)
      options.onLine?.(step, line, stream)
    }
  })
  return [
    {
      code,
      stdout: joinLines(out.stdout),
      stderr: joinLines(out.stderr),
      ...(timedOutAfterMs !== undefined ? { timedOutAfterMs } : {})
    }
  ]
}

async function runBatch(
  exec: ShellExec,
  steps: readonly Step[],
  options: RunOptions
): Promise<StepResult[]> {
  const mark = `#gantry-step-${randomBytes(6).toString('hex')}`
  const batch = batchScript(steps, mark)
  const readers = { stdout: batchReader(mark), stderr: batchReader(mark) }
  const lines = steps.map(() => ({ stdout: [] as string[], stderr: [] as string[] }))
  const { code, timedOutAfterMs } = await exec(batch.script, {
    stdin: batch.stdin,
    onLine: (text, stream) => {
      const read = readers[stream].read(text)
      const step = read && steps[read.step]
      if (!read || !step) return
      lines[read.step]?.[stream].push(read.line)
      options.onLine?.(step, read.line, stream)
    }
  })
  const codes = readers.stdout.codes
  const results: StepResult[] = []
  for (let i = 0; i < steps.length; i++) {
    const printed = lines[i] ?? { stdout: [], stderr: [] }
    const done = codes.get(i)
    // A step without its marker was cut off: it ends the batch with the script's own exit code.
    const result: StepResult = {
      code: done ?? code,
      stdout: joinLines(printed.stdout),
      stderr: joinLines(printed.stderr),
      // The step the batch was in when the runner killed it is the one that timed out.
      ...(done === undefined && timedOutAfterMs !== undefined ? { timedOutAfterMs } : {})
    }
    results.push(result)
    if (done === undefined || (done !== 0 && !steps[i]?.mayFail)) break
  }
  return results
}

const joinLines = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '')
