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
  close: () => Promise<void>,
  /** Characters of each stream a step's result keeps (its last ones); all by default. */
  outputKept = Infinity
): StepRunner {
  const printed = () => ({ stdout: new Tail(outputKept), stderr: new Tail(outputKept) })
  return {
    where,
    close,
    run: (steps, options = {}) =>
      steps.length === 1
        ? runOne(exec, steps[0] as Step, options, printed)
        : runBatch(exec, steps, options, printed)
  }
}

type Printed = () => { stdout: Tail; stderr: Tail }

async function runOne(
  exec: ShellExec,
  step: Step,
  options: RunOptions,
  printed: Printed
): Promise<StepResult[]> {
  const out = printed()
  const { code, timedOutAfterMs } = await exec(step.script, {
    stdin: step.stdin,
    onLine: (line, stream) => {
      out[stream].push(line)
      options.onLine?.(step, line, stream)
    }
  })
  return [{ code, ...output(out), ...(timedOutAfterMs !== undefined ? { timedOutAfterMs } : {}) }]
}

async function runBatch(
  exec: ShellExec,
  steps: readonly Step[],
  options: RunOptions,
  printed: Printed
): Promise<StepResult[]> {
  const mark = `#gantry-step-${randomBytes(6).toString('hex')}`
  const batch = batchScript(steps, mark)
  const readers = { stdout: batchReader(mark), stderr: batchReader(mark) }
  const lines = steps.map(printed)
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
    const done = codes.get(i)
    // A step without its marker was cut off: it ends the batch with the script's own exit code.
    const result: StepResult = {
      code: done ?? code,
      ...output(lines[i] ?? printed()),
      // The step the batch was in when the runner killed it is the one that timed out.
      ...(done === undefined && timedOutAfterMs !== undefined ? { timedOutAfterMs } : {})
    }
    results.push(result)
    if (done === undefined || (done !== 0 && !steps[i]?.mayFail)) break
  }
  return results
}

/** Lines are kept joined in blocks of about this many characters: few objects, whatever the lines. */
const BLOCK = 64 * 1024

/**
 * The newest lines of one stream, at most `max` characters with their newlines (every line
 * still reaches `onLine` as it arrives).
 */
class Tail {
  /** Whole lines, each ending in a newline. */
  private blocks: string[] = []
  private size = 0
  private current: string[] = []
  private currentSize = 0
  /** Characters (newlines included) of the whole blocks left out from the start. */
  private droppedBlocks = 0

  constructor(private readonly max: number) {}

  push(line: string): void {
    this.current.push(line)
    this.currentSize += line.length + 1
    if (this.currentSize >= BLOCK) this.seal()
  }

  /** The kept text, its first line whole, and how many characters before it were left out. */
  result(): { text: string; dropped: number } {
    this.seal()
    const text = this.blocks.join('')
    if (text.length <= this.max) return { text, dropped: this.droppedBlocks }
    const from = text.length - this.max
    const start = text[from - 1] === '\n' ? from : text.indexOf('\n', from) + 1 || from
    return { text: text.slice(start), dropped: this.droppedBlocks + start }
  }

  private seal(): void {
    if (this.current.length === 0) return
    const block = `${this.current.join('\n')}\n`
    this.current = []
    this.currentSize = 0
    this.blocks.push(block)
    this.size += block.length
    // Whole blocks the last `max` characters do not reach.
    while (this.size - (this.blocks[0]?.length ?? this.size) >= this.max) {
      const first = this.blocks.shift() ?? ''
      this.size -= first.length
      this.droppedBlocks += first.length
    }
  }
}

function output(tails: { stdout: Tail; stderr: Tail }) {
  const stdout = tails.stdout.result()
  const stderr = tails.stderr.result()
  return {
    stdout: stdout.text,
    stderr: stderr.text,
    ...(stdout.dropped || stderr.dropped
      ? { dropped: { stdout: stdout.dropped, stderr: stderr.dropped } }
      : {})
  }
}
