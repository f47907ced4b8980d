// Reading the sandbox description (written by `npm run sandbox -- up`) from tests and scripts.
// Types: description.d.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stateDir } from './config.js'

export const sandboxDir = () => stateDir()
export const descriptionPath = (dir = sandboxDir()) => join(dir, 'sandbox.json')

/** The sandbox description; throws with the command to run when the sandbox was never brought up. */
export function readSandbox(dir = sandboxDir()) {
  const path = descriptionPath(dir)
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
    throw new Error(
      `Gantry sandbox is not up: ${path} does not exist. Run \`npm run sandbox -- up\` (as root).`
    )
  }
  return JSON.parse(text)
}

/**
 * The Kubernetes part of the sandbox. Read from its own file, which only the Kubernetes component
 * writes: an `up` from a checkout that predates it rewrites sandbox.json without it.
 */
export function readKubernetes(dir = sandboxDir()) {
  const path = join(dir, 'kubernetes', 'kubernetes.json')
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
    throw new Error(
      `the sandbox's Kubernetes API server is not up: ${path} does not exist. Run \`npm run sandbox -- up\` (as root).`
    )
  }
}
