/**
 * Steps on this machine, through `sh -c`: what an agent running on the host itself uses (the
 * same steps as over SSH, without SSH). stdin is written then closed; output streams line by line.
 */
import { spawn } from 'node:child_process'
import { lineSplitter } from '../../io/ssh.js'
import type { OutputStream, StepRunner } from '../step.js'
import { shellRunner } from './shell.js'

export function localRunner(options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): StepRunner {
  return shellRunner(
    'this machine',
    (script, { stdin, onLine }) =>
      new Promise((resolve, reject) => {
        const child = spawn('sh', ['-c', script], {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: ['pipe', 'pipe', 'pipe']
        })
        const split = (stream: OutputStream) => {
          const lines = lineSplitter((line) => onLine(line, stream))
          child[stream].on('data', (chunk: Buffer) => lines.push(chunk))
          return () => lines.flush()
        }
        const flush = [split('stdout'), split('stderr')]
        child.on('error', reject)
        child.on('close', (code) => {
          flush.forEach((f) => f())
          resolve({ code })
        })
        // A script that does not read its stdin closes the pipe early: that is no failure.
        child.stdin.on('error', () => undefined)
        child.stdin.end(stdin ?? '')
      }),
    async () => undefined
  )
}
