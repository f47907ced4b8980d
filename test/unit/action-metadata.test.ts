/**
 * Every generated or duplicated fact is checked: action.yml against the code that reads its
 * inputs and sets its outputs, the bundles it points at, and the README tables generated from it.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ROOT, actionNames, readActionYml, updateDocs } from '../../scripts/action-docs.js'

const names = actionNames()

test('every action folder has a source folder and the other way round', () => {
  const sources = readdirSync(join(ROOT, 'src/actions')).sort()
  expect(sources).toEqual(names)
})

describe.each(names)('actions/%s', (name) => {
  const yml = readActionYml(name)
  const main = readFileSync(join(ROOT, 'src/actions', name, 'main.ts'), 'utf8')

  test('runs on node24 from its committed bundle', () => {
    expect(yml.runs.using).toBe('node24')
    expect(yml.runs.main).toBe(`../../dist/${name}/index.js`)
    expect(existsSync(resolve(ROOT, 'actions', name, yml.runs.main))).toBe(true)
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', name, 'package.json'), 'utf8'))).toEqual({
      type: 'module'
    })
    if (yml.runs.post) {
      expect(yml.runs.post).toBe(`../../dist/${name}/post.js`)
      expect(existsSync(resolve(ROOT, 'actions', name, yml.runs.post))).toBe(true)
    }
  })

  test('declares exactly the inputs the code reads', async () => {
    const { INPUTS } = (await import(`../../src/actions/${name}/main.js`)) as {
      INPUTS: Record<string, string>
    }
    expect(Object.values(INPUTS).sort()).toEqual(Object.keys(yml.inputs ?? {}).sort())
    for (const [input, spec] of Object.entries(yml.inputs ?? {})) {
      expect([input, spec.description?.length ?? 0]).not.toEqual([input, 0])
    }
  })

  test('declares exactly the outputs the code sets', () => {
    const set = [...main.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map((m) => m[1])
    expect([...new Set(set)].sort()).toEqual(Object.keys(yml.outputs ?? {}).sort())
  })

  test('README.md and its own README show the inputs and outputs of action.yml', () => {
    for (const file of ['README.md', join('actions', name, 'README.md')]) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect(updateDocs(text, [name], file)).toBe(text)
    }
  })
})
