/**
 * The dry run's runner: prints each step (its name, its exact script, what goes to its stdin,
 * secrets only as "secret on stdin") and answers as a healthy host would (the target's
 * rehearsal), so the real deploy sequence walks on and every step shows, pruning included.
 * Nothing runs anywhere.
 */
import type { Step, StepRunner } from '../step.js'
import { scriptedRunner, type Answers } from './scripted.js'

export function describeStep(step: Step): string {
  const stdin =
    step.stdin === undefined
      ? ''
      : step.secretStdin
        ? '  <<< (secret on stdin)'
        : `  <<< (${Buffer.byteLength(step.stdin)} bytes on stdin)`
  return `# ${step.name}\n${step.script}${stdin}`
}

export function printingRunner(
  where: string,
  rehearsal: Answers,
  print: (text: string) => void
): StepRunner {
  let shown = -1
  return scriptedRunner(rehearsal, {
    where,
    onStep: (step, batch) => {
      if (batch !== shown) print(`— round trip ${batch + 1} —`)
      shown = batch
      print(describeStep(step))
    }
  })
}
