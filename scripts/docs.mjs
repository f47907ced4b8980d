#!/usr/bin/env node
// Rewrites the inputs/outputs tables in README.md and actions/<name>/README.md from action.yml.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, actionNames, updateDocs } from './action-docs.js'

const names = actionNames()
const files = [['README.md', names], ...names.map((n) => [join('actions', n, 'README.md'), [n]])]
for (const [file, which] of files) {
  const path = join(ROOT, file)
  const before = readFileSync(path, 'utf8')
  const after = updateDocs(before, which, file)
  if (after !== before) {
    writeFileSync(path, after)
    console.log(`updated ${file}`)
  }
}
