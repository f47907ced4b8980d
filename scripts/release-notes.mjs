#!/usr/bin/env node
// `node scripts/release-notes.mjs 1.4.2`: the CHANGELOG.md section of that version (the lines
// under `## [1.4.2]` up to the next `## [`), for the release workflow's notes. A version with
// no section, or an empty one, is an error: a release without notes should not go out.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The body of `## [version]` in `changelog`, or undefined. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((l) => l.startsWith('## ['))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  return body || undefined
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = (process.argv[2] ?? '').replace(/^v/, '')
  const notes = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version)
  if (!notes) {
    console.error(
      `CHANGELOG.md has no notes under "## [${version}]": add them before tagging v${version}.`
    )
    process.exit(1)
  }
  console.log(notes)
}
