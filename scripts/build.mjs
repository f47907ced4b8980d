#!/usr/bin/env node
// Bundles every action (src/actions/<name>/index.ts) with ncc into dist/<name>/, in one process so
// webpack and TypeScript load once. Type checking is `npm run typecheck`'s job (transpileOnly).
// Not minified: minified bundles start slower on Node 24 (see the README's performance section).
import ncc from '@vercel/ncc'
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const only = process.argv.slice(2)
const entries = (await readdir('src/actions', { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, entry: join('src/actions', d.name, 'index.ts') }))
  .sort((a, b) => a.name.localeCompare(b.name))
// The `gantry` command (package.json `bin`): the same actions, driven by flags and CI variables.
entries.push({ name: 'cli', entry: 'src/cli/index.ts' })

for (const { name, entry } of entries.filter((e) => only.length === 0 || only.includes(e.name))) {
  const started = Date.now()
  const { code, assets } = await ncc(join(process.cwd(), entry), {
    transpileOnly: true,
    quiet: true,
    license: 'licenses.txt',
    sourceMap: false
  })
  const out = join('dist', name)
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  await writeFile(join(out, 'index.js'), code)
  if (name === 'cli') await chmod(join(out, 'index.js'), 0o755)
  // ESM output needs its own package.json so Node loads index.js as a module.
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n')
  for (const [file, asset] of Object.entries(assets)) {
    // package.json is written above; ssh2's pageant helper (.exe) serves Windows agents we never use.
    if (file === 'package.json' || file.endsWith('.exe')) continue
    await mkdir(dirname(join(out, file)), { recursive: true })
    await writeFile(join(out, file), asset.source)
  }
  console.log(
    `dist/${name}/index.js  ${(code.length / 1024).toFixed(0)} KiB  ${Date.now() - started} ms`
  )
}
