// The sandbox for the benchmarks, through its own CLI (test/sandbox/cli.js): `up` is idempotent
// and prints the description with --json; progress goes to stderr, which is discarded here.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const CLI = join(import.meta.dirname, '..', 'test', 'sandbox', 'cli.js')

function run(...args) {
  return JSON.parse(
    execFileSync(process.execPath, [CLI, ...args, '--json', '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    })
  )
}

/** Starts what is not running and returns the description. */
export const sandboxUp = () => run('up')

/**
 * At least `count` deploy hosts for a benchmark: the description, and `restore()` to give the
 * sandbox its previous host count back afterwards.
 */
export function withHosts(count) {
  const before = run('status').hosts.length
  const sandbox = before < count ? run('up', '--hosts', String(count)) : run('up')
  return {
    sandbox,
    restore: () => {
      if (before < count) run('up', '--hosts', String(before))
    }
  }
}
