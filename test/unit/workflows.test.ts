/**
 * The repository's workflows and examples against the actions they use: actionlint (npm run
 * lint) cannot check `with:` keys of actions and reusable workflows offline, so this does: every
 * key must be an input of the action or workflow, and every required input must be given.
 */
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { parseConfig } from '../../src/core/environment-config.js'
import { ROOT, readActionYml } from '../../scripts/action-docs.js'

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  on?: { workflow_call?: { inputs?: Record<string, { required?: boolean; default?: unknown }> } }
  jobs: Record<string, { uses?: string; with?: Record<string, unknown>; steps?: Step[] }>
}

const dirs = ['.github/workflows', 'examples/github/.github/workflows']
const files = dirs.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(d, f))
)
const read = (file: string) => load(readFileSync(join(ROOT, file), 'utf8')) as Workflow

function checkWith(
  where: string,
  given: Record<string, unknown> | undefined,
  inputs: Record<string, { required?: boolean; default?: unknown }>
) {
  const keys = Object.keys(given ?? {})
  const unknown = keys.filter((k) => !(k in inputs))
  const missing = Object.entries(inputs)
    .filter(([k, spec]) => spec.required && spec.default === undefined && !keys.includes(k))
    .map(([k]) => k)
  expect({ where, unknown, missing }).toEqual({ where, unknown: [], missing: [] })
}

describe.each(files)('%s', (file) => {
  const workflow = read(file)
  test('every Gantry action step passes only inputs the action has, and all it requires', () => {
    for (const [job, spec] of Object.entries(workflow.jobs)) {
      for (const step of spec.steps ?? []) {
        const m = /^acme\/gantry\/actions\/([a-z-]+)@/.exec(step.uses ?? '')
        if (m) checkWith(`${job}: ${m[1]}`, step.with, readActionYml(m[1] as string).inputs ?? {})
      }
    }
  })

  test('every call of a reusable workflow passes only its inputs, and all it requires', () => {
    for (const [job, spec] of Object.entries(workflow.jobs)) {
      const m = /^acme\/gantry\/\.github\/workflows\/([a-z-]+\.yml)@/.exec(spec.uses ?? '')
      if (m)
        checkWith(
          `${job}: ${m[1]}`,
          spec.with,
          read(join('.github/workflows', m[1] as string)).on?.workflow_call?.inputs ?? {}
        )
    }
  })
})

test('the example environments file is valid', async () => {
  const file = 'examples/github/.github/gantry.yml'
  const config = await parseConfig(readFileSync(join(ROOT, file), 'utf8'), file)
  expect(Object.keys(config.environments)).toEqual(['sandbox', 'staging', 'prod'])
})
