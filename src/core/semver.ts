/** Semantic versions (semver.org 2.0.0), with the `v` prefix tags usually carry. */
export interface SemVer {
  major: number
  minor: number
  patch: number
  prerelease: string[]
  build: string[]
}

const NUM = '0|[1-9]\\d*'
const PRE_ID = `(?:${NUM}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`
const SEMVER = new RegExp(
  `^v?(${NUM})\\.(${NUM})\\.(${NUM})` +
    `(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?` +
    `(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`
)

export function parseSemVer(text: string): SemVer | undefined {
  const m = SEMVER.exec(text.trim())
  if (!m) return undefined
  const num = (s: string | undefined) => Number(s)
  const major = num(m[1])
  const minor = num(m[2])
  const patch = num(m[3])
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined
  return {
    major,
    minor,
    patch,
    prerelease: m[4] ? m[4].split('.') : [],
    build: m[5] ? m[5].split('.') : []
  }
}

/** `MAJOR.MINOR` or a full version (whose patch is ignored), `v` prefix allowed. */
export function parseBaseVersion(text: string): { major: number; minor: number } | undefined {
  const short = new RegExp(`^v?(${NUM})\\.(${NUM})$`).exec(text.trim())
  if (short) {
    // Number('9999999999999999999999') is 1e+22: only exact integers are versions.
    const [major, minor] = [Number(short[1]), Number(short[2])]
    return Number.isSafeInteger(major) && Number.isSafeInteger(minor) ? { major, minor } : undefined
  }
  const full = parseSemVer(text)
  return full && full.prerelease.length === 0 ? { major: full.major, minor: full.minor } : undefined
}

export function formatSemVer(v: SemVer): string {
  const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : ''
  const build = v.build.length ? `+${v.build.join('.')}` : ''
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`
}

/** Precedence per semver.org §11 (build metadata ignored). */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] - b[k]
  if (!a.prerelease.length || !b.prerelease.length) {
    return b.prerelease.length - a.prerelease.length
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i]
    const y = b.prerelease[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x === y) continue
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) return Number(x) - Number(y)
    if (xn !== yn) return xn ? -1 : 1
    return x < y ? -1 : 1
  }
  return 0
}

/** The highest stable `vX.Y.Z`/`X.Y.Z` among tag names, if any. */
export function newestRelease(tagNames: string[]): SemVer | undefined {
  return tagNames
    .map(parseSemVer)
    .filter((v): v is SemVer => v !== undefined && v.prerelease.length === 0)
    .sort(compareSemVer)
    .at(-1)
}
