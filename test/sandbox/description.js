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
