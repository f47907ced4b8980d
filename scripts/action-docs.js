// Generates the inputs/outputs tables of each action from its action.yml, into README.md and
// actions/<name>/README.md between markers. `npm run docs` writes them; a unit test fails when
// they differ from what action.yml says.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The one list of actions: every folder of actions/ with an action.yml. The CLI reads the same
 * folders (src/cli/main.ts), the orb generator and the tests call this.
 */
export function actionNames() {
  return readdirSync(join(ROOT, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort()
}

/** Actions that only make sense on GitHub, left out of the orb, each with the reason. */
export const GITHUB_ONLY = {
  approval:
    'GitHub-only (workflow_dispatch actor, GitHub teams and issues); CircleCI has `type: approval` jobs',
  deployment: 'records GitHub deployments for GitHub environments'
}

/** The actions with a command in the orb: all but the GitHub-only ones. */
export function orbActionNames() {
  return actionNames().filter((name) => !(name in GITHUB_ONLY))
}

export function readActionYml(name) {
  return parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8'))
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

export function renderTables(name) {
  const yml = readActionYml(name)
  const inputs = Object.entries(yml.inputs ?? {}).map(
    ([input, spec]) =>
      `| \`${input}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.description)} |`
  )
  const outputs = Object.entries(yml.outputs ?? {}).map(
    ([output, spec]) => `| \`${output}\` | ${cell(spec.description)} |`
  )
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...inputs,
    '',
    '| Output | Description |',
    '| --- | --- |',
    ...outputs
  ].join('\n')
}

const markers = (name) => [`<!-- gantry-docs:${name}:start -->`, `<!-- gantry-docs:${name}:end -->`]

/** The text with every action's marked block regenerated; throws when a block is missing. */
export function updateDocs(text, names, file) {
  let result = text
  for (const name of names) {
    const [start, end] = markers(name)
    const from = result.indexOf(start)
    const to = result.indexOf(end)
    if (from < 0 || to < from)
      throw new Error(`${file} has no ${start} … ${end} block for action '${name}'`)
    result =
      result.slice(0, from + start.length) + '\n' + renderTables(name) + '\n' + result.slice(to)
  }
  return result
}
