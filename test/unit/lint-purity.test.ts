/**
 * The lint rule that keeps src/core pure, run through ESLint's API with the project's own
 * config on small sources placed (in memory) at paths under src/core.
 */
import { describe, expect, test } from '@jest/globals'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The messages of the purity rules for `source` linted as if it were the file at `path`. */
async function purityErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, path) })
  return (result?.messages ?? [])
    .filter((m) =>
      ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'].includes(
        m.ruleId ?? ''
      )
    )
    .map((m) => m.message)
}

const FORBIDDEN: [string, string][] = [
  // src/io, at every depth
  ['src/core/a.ts', "import { x } from '../io/ssh.js'"],
  ['src/core/deploy/a.ts', "import { x } from '../../io/ssh.js'"],
  ['src/core/deploy/compose/a.ts', "import { x } from '../../../io/deploy.js'"],
  ['src/core/deploy/a.ts', "import type { X } from '../../io/ssh.js'"],
  ['src/core/deploy/a.ts', "export { x } from '../../io/ssh.js'"],
  ['src/core/deploy/a.ts', "import * as io from '../../io/index.js'"],
  ['src/core/deploy/a.ts', "import '../../io/ssh.js'"],
  // the runner
  ['src/core/a.ts', "import { githubRunner } from '../lib/runner.js'"],
  ['src/core/slack/a.ts', "import type { Runner } from '../../lib/runner.js'"],
  // actions and the CLI
  ['src/core/a.ts', "import { run } from '../actions/version/main.js'"],
  ['src/core/ecs/a.ts', "import { run } from '../../actions/ecs-deploy/main.js'"],
  ['src/core/ecs/a.ts', "import { main } from '../../cli/index.js'"],
  // Node built-ins, with and without `node:`, and their subpaths
  ['src/core/a.ts', "import { readFileSync } from 'node:fs'"],
  ['src/core/deploy/a.ts', "import { readFile } from 'fs/promises'"],
  ['src/core/deploy/a.ts', "import { spawn } from 'child_process'"],
  ['src/core/a.ts', "import { createHash } from 'node:crypto/webcrypto'"],
  ['src/core/a.ts', "import { join } from 'path'"],
  ['src/core/a.ts', "import { lookup } from 'dns'"],
  ['src/core/a.ts', "import { Worker } from 'worker_threads'"],
  // the Actions toolkit
  ['src/core/a.ts', "import * as core from '@actions/core'"],
  ['src/core/deploy/a.ts', "import { getOctokit } from '@actions/github'"],
  // imported lazily
  ['src/core/deploy/a.ts', "export const f = () => import('../../io/ssh.js')"],
  ['src/core/a.ts', "export const f = () => import('node:fs')"],
  ['src/core/a.ts', "export const f = () => import('fs')"],
  ['src/core/a.ts', "export const f = () => import('@actions/core')"],
  // the environment
  ['src/core/deploy/a.ts', 'export const home = process.env.HOME']
]

const ALLOWED: [string, string][] = [
  // HMAC signing and verification (src/core/signature.ts) are pure computation
  ['src/core/a.ts', "import { createHmac } from 'node:crypto'"],
  ['src/core/a.ts', "import { parseVersion } from './semver.js'"],
  ['src/core/deploy/a.ts', "import { x } from './releases.js'"],
  ['src/core/deploy/a.ts', "import { planHosts } from '../hosts.js'"],
  ['src/core/deploy/a.ts', "import { quote } from '../../lib/shell.js'"],
  ['src/core/deploy/a.ts', "import { InputError } from '../../lib/errors.js'"],
  ['src/core/a.ts', "import { formatDuration } from '../lib/duration.js'"],
  ['src/core/a.ts', "import yaml from 'js-yaml'"],
  ['src/core/a.ts', "export const f = () => import('yaml')"],
  // names that only look like forbidden ones
  ['src/core/a.ts', "import { x } from './io-plan.js'"],
  ['src/core/deploy/a.ts', "import { x } from '../ios.js'"],
  ['src/core/a.ts', "import { x } from './path-rules.js'"],
  ['src/core/a.ts', "import { x } from '../lib/runner-free.js'"]
]

describe('src/core stays pure, at any depth', () => {
  test.each(FORBIDDEN)('%s: %s is an error', async (path, source) => {
    const errors = await purityErrors(path, source)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/src\/core is pure/)
  })

  test.each(ALLOWED)('%s: %s is allowed', async (path, source) => {
    expect(await purityErrors(path, source)).toEqual([])
  })

  test('outside src/core the same imports are fine', async () => {
    expect(await purityErrors('src/actions/x/a.ts', "import { x } from '../../io/ssh.js'")).toEqual(
      []
    )
    expect(await purityErrors('src/io/a.ts', "import { readFileSync } from 'node:fs'")).toEqual([])
  })
})
