#!/usr/bin/env node
// Adds to package-lock.json the optional per-platform binding packages that `npm install` could
// not record because the registry this project installs from does not serve them (only the
// linux ones). Without these entries `npm ci` refuses the lock file ("Missing: … from lock
// file") on every platform. Each entry carries its os/cpu/libc, so npm skips it where it does not
// apply; on such a platform npm fetches it by name and version, as it would from a full lock.
// Run after any `npm install` that changes the lock file.
import { readFileSync, writeFileSync } from 'node:fs'

const PLATFORMS = {
  'android-arm-eabi': { os: ['android'], cpu: ['arm'] },
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'freebsd-x64': { os: ['freebsd'], cpu: ['x64'] },
  'linux-arm-gnueabihf': { os: ['linux'], cpu: ['arm'], libc: ['glibc'] },
  'linux-arm-musleabihf': { os: ['linux'], cpu: ['arm'], libc: ['musl'] },
  'linux-loong64-gnu': { os: ['linux'], cpu: ['loong64'], libc: ['glibc'] },
  'linux-loong64-musl': { os: ['linux'], cpu: ['loong64'], libc: ['musl'] },
  'linux-ppc64-gnu': { os: ['linux'], cpu: ['ppc64'], libc: ['glibc'] },
  'linux-riscv64-gnu': { os: ['linux'], cpu: ['riscv64'], libc: ['glibc'] },
  'linux-riscv64-musl': { os: ['linux'], cpu: ['riscv64'], libc: ['musl'] },
  'linux-s390x-gnu': { os: ['linux'], cpu: ['s390x'], libc: ['glibc'] },
  'openharmony-arm64': { os: ['openharmony'], cpu: ['arm64'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-ia32-msvc': { os: ['win32'], cpu: ['ia32'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
let added = 0
for (const [path, node] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(node.optionalDependencies ?? {})) {
    const platform = /^@unrs\/resolver-binding-(.+)$/.exec(name)?.[1]
    const key = `node_modules/${name}`
    if (!platform || lock.packages[key] || !PLATFORMS[platform]) continue
    lock.packages[key] = { version, dev: node.dev, optional: true, ...PLATFORMS[platform] }
    added++
  }
  void path
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)
  )
)
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
console.log(`package-lock.json: ${added} platform binding entr${added === 1 ? 'y' : 'ies'} added`)
