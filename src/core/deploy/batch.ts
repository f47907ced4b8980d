/**
 * Several steps as one script, so that steps with no decision between them cost one round trip.
 * Each step runs in its own subshell, in order; after each, a marker line with its exit code goes
 * to stdout and stderr, so the output can be told apart step by step. The batch stops at the first
 * step that fails, unless that step `mayFail`. All the steps' stdin travels as one stream: each
 * step reads exactly its own bytes (`head -c`), and whatever it leaves unread is drained, so the
 * next step never reads another's input. Pure: src/deploy runs it.
 */
import type { RemoteStep } from './remote.js'

const byteLength = (text: string) => new TextEncoder().encode(text).length

export interface Batch {
  script: string
  /** Every step's stdin, in order; undefined when none has any. */
  stdin?: string
}

export function batchScript(steps: readonly RemoteStep[], mark: string): Batch {
  const parts = steps.map((step, i) => {
    const run =
      step.stdin === undefined
        ? `(\n${step.script}\n) </dev/null`
        : `head -c ${byteLength(step.stdin)} | (\n${step.script}\nrc=$?; cat >/dev/null; exit $rc\n)`
    const stop = step.mayFail ? '' : `; [ "$rc" -eq 0 ] || exit "$rc"`
    return `${run}\nrc=$?; echo "${mark} ${i} $rc"; echo "${mark} ${i} $rc" >&2${stop}`
  })
  const stdin = steps.some((s) => s.stdin !== undefined)
    ? steps.map((s) => s.stdin ?? '').join('')
    : undefined
  return { script: parts.join('\n'), ...(stdin === undefined ? {} : { stdin }) }
}

export interface BatchLine {
  /** The index of the step that printed it. */
  step: number
  line: string
}

/**
 * Follows one output stream of a batch line by line: which step each line belongs to, and each
 * finished step's exit code. A step's last line without a newline arrives glued to the marker.
 */
export function batchReader(mark: string) {
  let step = 0
  const codes = new Map<number, number>()
  const pattern = new RegExp(`^(.*)${mark} (\\d+) (\\d+)$`)
  return {
    codes,
    /** The line as the step printed it, or undefined for a marker line. */
    read(line: string): BatchLine | undefined {
      const m = pattern.exec(line)
      if (!m) return { step, line }
      const at = step
      codes.set(Number(m[2]), Number(m[3]))
      step = Number(m[2]) + 1
      return m[1] ? { step: at, line: m[1] } : undefined
    }
  }
}
