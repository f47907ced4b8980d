#!/usr/bin/env node
// Bundles every action (src/actions/<name>/index.ts) with ncc into dist/<name>/, in one process so
// webpack and TypeScript load once. Type checking is `npm run typecheck`'s job (transpileOnly).
// Not minified: minified bundles start slower on Node 24 (see the README's performance section).
import ncc from '@vercel/ncc'
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { existsSync } from 'node:fs'

const only = process.argv.slice(2)
const entries = (await readdir('src/actions', { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, entry: join('src/actions', d.name, 'index.ts') }))
  .sort((a, b) => a.name.localeCompare(b.name))
// The `gantry` command (package.json `bin`): the same actions, driven by flags and CI variables.
entries.push({ name: 'cli', entry: 'src/cli/index.ts' })

/** Bundles one entry into dist/<name>/<file>; returns its size. */
async function bundle(source, out, file) {
  const { code, assets } = await ncc(join(process.cwd(), source), {
    transpileOnly: true,
    quiet: true,
    license: 'licenses.txt',
    sourceMap: false
  })
  await writeFile(join(out, file), code)
  for (const [name, asset] of Object.entries(assets)) {
    // package.json is written below; ssh2's pageant helper (.exe) serves Windows agents we never use.
    // A post entry's licenses are a subset of the main entry's, which stay.
    if (name === 'package.json' || name.endsWith('.exe')) continue
    if (file !== 'index.js' && name === 'licenses.txt') continue
    await mkdir(dirname(join(out, name)), { recursive: true })
    await writeFile(join(out, name), asset.source)
  }
  return code.length
}

for (const { name, entry } of entries.filter((e) => only.length === 0 || only.includes(e.name))) {
  const started = Date.now()
  const out = join('dist', name)
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const size = await bundle(entry, out, 'index.js')
  // An action with a post step (action.yml `post:`) has a second entry beside index.ts.
  const post = join(dirname(entry), 'post.ts')
  if (existsSync(post)) await bundle(post, out, 'post.js')
  if (name === 'cli') await chmod(join(out, 'index.js'), 0o755)
  // ESM output needs its own package.json so Node loads index.js as a module.
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n')
  console.log(`dist/${name}/index.js  ${(size / 1024).toFixed(0)} KiB  ${Date.now() - started} ms`)
}
