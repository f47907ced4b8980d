/**
 * The version of a build and every image tag to push. Pure: everything it needs is passed in.
 *
 * - Branch builds: `MAJOR.MINOR.BUILD` while the project has no release tag (the reference
 *   `TAG=0.1.$BUILD`); once a release `vX.Y.Z` is reachable, a prerelease of the next patch,
 *   `X.Y.(Z+1)-<branch>.<BUILD>`, which no release can take and which sorts below that release.
 * - Tag builds: the tag itself; stable releases also get `X.Y`, `X` and `latest`, each only when
 *   this release is the newest of what the tag names (a hotfix of an old line moves none back).
 * - Pull requests and merge groups never get a fixed branch tag, an extra tag or `latest`.
 */
import { isValidTag } from './docker-reference.js'
import { matchesGlob } from './glob.js'
import { ConfigurationError } from '../lib/errors.js'
import { compareSemVer, formatSemVer, parseSemVer, type SemVer } from './semver.js'

/** What is being built. `event` is the CI's event name (push, schedule, workflow_dispatch, ...). */
export type BuildRef =
  | { kind: 'branch'; branch: string; event: string }
  | { kind: 'tag'; tag: string; source: string }
  | { kind: 'pull_request'; number: number; branch?: string }
  | { kind: 'merge_group'; branch?: string }

/** The events whose branch build is that branch's own code, so it may get its fixed tag. */
export const BRANCH_EVENTS = [
  'push',
  'workflow_dispatch',
  'schedule',
  'repository_dispatch',
  'create',
  'local'
]

export type LatestTag = 'auto' | 'false'

export interface VersionRequest {
  ref: BuildRef
  /** `MAJOR.MINOR` from input `base-version`; else the newest reachable release's. */
  baseVersion?: { major: number; minor: number }
  /** Tag names reachable from HEAD (they decide the base and whether releases exist). */
  reachableTags: string[]
  /** Every tag name of the repository (they decide `latest`, `X.Y`, `X` and the next patch). */
  allTags: string[]
  /** The CI's build number; only branch, pull-request and merge-group builds need it. */
  buildNumber?: number
  /** Full commit SHA for the `sha-` tag and the revision label, when known. */
  sha?: string
  /** Image names, already validated; empty gives bare tags. */
  images: string[]
  /** Branch names or globs that get a fixed tag of their own. */
  fixedBranchTags: string[]
  shaTag: boolean
  latestTag: LatestTag
  /** Tags added to branch and tag builds, already valid tags. */
  extraTags: string[]
  /** Put before and after every tag (`latest` too), already checked as tag text. */
  tagPrefix: string
  tagSuffix: string
  /** CircleCI: pull requests open for the branch pushed; each gets `pr-N`. */
  openPullRequests?: number[]
  /** For the OCI labels. */
  source?: string
  title?: string
  created: string
}

export interface VersionPlan {
  version: string
  /** What kind of build decided the version. */
  kind: 'branch' | 'release' | 'prerelease' | 'tag' | 'pull_request' | 'merge_group'
  /** `reference` is `MAJOR.MINOR.BUILD` (no release yet), `prerelease` the next patch's. */
  form?: 'reference' | 'prerelease'
  /** Where MAJOR.MINOR came from, for branch-like builds. */
  base?: { major: number; minor: number; from: string }
  /** Bare tags, most specific first. */
  tagList: string[]
  /** Every `image:tag`. */
  tags: string[]
  labels: Record<string, string>
  /** Things the user should know (e.g. a branch whose name left no valid tag). */
  notices: string[]
}

export const MAX_TAG_LENGTH = 128

/** Why a text is not a Docker tag, or undefined when it is one. */
export function tagProblem(tag: string): string | undefined {
  if (isValidTag(tag)) return undefined
  if (tag.length > MAX_TAG_LENGTH)
    return `it has ${tag.length} characters, and a tag has at most ${MAX_TAG_LENGTH}`
  if (tag === '') return 'it is empty'
  const bad = [...new Set(tag.replace(/[A-Za-z0-9_.-]/g, ''))]
  if (bad.length)
    return `a tag has only A-Z a-z 0-9 _ . - (not ${bad.map((c) => `'${c}'`).join(' ')})`
  return 'a tag may not start with . or -'
}

/** FNV-1a (32 bits), 8 hex digits: a short, stable suffix that tells two long names apart. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export interface NameTag {
  tag?: string
  /** `replaced`: characters outside the grammar became `-`; `cut`: too long, hash suffix added. */
  changes: ('replaced' | 'cut')[]
}

/**
 * A name (branch, non-semver git tag) as a tag: runs of characters outside the grammar become
 * `-`, leading `.`/`-` are dropped; a name longer than a tag is cut to 119 characters plus `-`
 * and a hash of the whole name, so two names that differ only after the cut keep two tags.
 */
export function nameToTag(name: string): NameTag {
  const changes: NameTag['changes'] = []
  let tag = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '')
  if (tag !== name) changes.push('replaced')
  if (tag.length > MAX_TAG_LENGTH) {
    tag = `${tag.slice(0, MAX_TAG_LENGTH - 9).replace(/[.-]+$/, '')}-${shortHash(name)}`
    changes.push('cut')
  } else {
    tag = tag.replace(/[.-]+$/, '')
  }
  return { tag: isValidTag(tag) ? tag : undefined, changes }
}

/** Tags Gantry gives meanings of its own; a branch of that name must not take them. */
function reservedTag(tag: string): string | undefined {
  if (tag === 'latest') return 'Gantry gives `latest` only to the newest release'
  if (/^v?\d+(\.\d+){0,2}([-+].*)?$/.test(tag)) return 'it looks like a release version tag'
  if (/^pr-\d+$/.test(tag)) return 'it is the tag of a pull request'
  if (/^sha-[0-9a-f]{7,}$/.test(tag)) return 'it is a commit tag'
  return undefined
}

/** A semver prerelease identifier from a name: only `[0-9A-Za-z-]`, never a leading-zero number. */
function identifier(name: string, max: number): string {
  let id = name
    .replace(/[^0-9A-Za-z-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, Math.max(1, max))
    .replace(/-+$/, '')
  if (id === '') id = 'build'
  if (/^\d+$/.test(id)) id = `b${id}`.slice(0, Math.max(1, max))
  return id
}

function stableReleases(tagNames: string[]): SemVer[] {
  return tagNames
    .map(parseSemVer)
    .filter((v): v is SemVer => v !== undefined && v.prerelease.length === 0)
}

function newest(versions: SemVer[]): SemVer | undefined {
  return [...versions].sort(compareSemVer).at(-1)
}

const show = (v: SemVer) => `v${formatSemVer({ ...v, build: [] })}`

export function planVersion(req: VersionRequest): VersionPlan {
  const notices: string[] = []
  const tagList: string[] = []
  const add = (tag: string) => {
    if (!tagList.includes(tag)) tagList.push(tag)
  }
  const ref = req.ref
  let version: string
  let kind: VersionPlan['kind']
  let form: VersionPlan['form']
  let base: VersionPlan['base']

  const branchLike = (label: string) => {
    if (req.buildNumber === undefined)
      throw new ConfigurationError('No build number for a branch build.')
    const reachable = newest(stableReleases(req.reachableTags))
    const major = req.baseVersion?.major ?? reachable?.major ?? 0
    const minor = req.baseVersion?.minor ?? reachable?.minor ?? 1
    base = {
      major,
      minor,
      from: req.baseVersion
        ? "input 'base-version'"
        : reachable
          ? `git tag ${show(reachable)}`
          : 'default (no vX.Y.Z tag reachable)'
    }
    if (!reachable) {
      form = 'reference'
      return `${major}.${minor}.${req.buildNumber}`
    }
    // The next patch of this line, so the build sorts below the release it leads to.
    const line = newest(
      stableReleases([...req.allTags, ...req.reachableTags]).filter(
        (v) => v.major === major && v.minor === minor
      )
    )
    const patch = line ? line.patch + 1 : 0
    form = 'prerelease'
    const head = `${major}.${minor}.${patch}-`
    const tail = `.${req.buildNumber}`
    return `${head}${identifier(label, MAX_TAG_LENGTH - head.length - tail.length)}${tail}`
  }

  if (ref.kind === 'tag') {
    const semver = parseSemVer(ref.tag)
    const semverText = semver && formatSemVer({ ...semver, build: [] })
    const problem = semverText === undefined ? undefined : tagProblem(semverText)
    if (problem)
      throw new ConfigurationError(
        `The git tag ${JSON.stringify(ref.tag)} (${ref.source}) gives the version ${JSON.stringify(semverText)}, which is not a valid image tag: ${problem}.`
      )
    if (semver && semverText && semver.prerelease.length === 0) {
      kind = 'release'
      version = semverText
      add(version)
      const releases = [...stableReleases(req.allTags), semver]
      const top = (filter: (v: SemVer) => boolean, what: string, tag: string) => {
        const best = newest(releases.filter(filter)) as SemVer
        if (compareSemVer(semver, best) >= 0) return add(tag)
        notices.push(
          `${show(semver)} is not the newest release${what} (${show(best)} is): no \`${tag}\` tag, so it keeps pointing at ${show(best)}.`
        )
      }
      top(
        (v) => v.major === semver.major && v.minor === semver.minor,
        ` of ${semver.major}.${semver.minor}`,
        `${semver.major}.${semver.minor}`
      )
      // A 0.x major promises nothing (semver §4), so it gets no floating `0` tag.
      if (semver.major > 0)
        top((v) => v.major === semver.major, ` of ${semver.major}`, `${semver.major}`)
      if (req.latestTag === 'auto') top(() => true, '', 'latest')
    } else if (semverText) {
      kind = 'prerelease'
      version = semverText
      add(version)
    } else {
      kind = 'tag'
      // The version carries no `v` (v2026.11 → 2026.11), as for semver tags.
      const name = /^v\d/.test(ref.tag) ? ref.tag.slice(1) : ref.tag
      const { tag, changes } = nameToTag(name)
      if (tag === undefined) {
        notices.push(
          `The git tag ${JSON.stringify(ref.tag)} is not semver and leaves no valid image tag; the version is the build number.`
        )
        if (req.buildNumber === undefined)
          throw new ConfigurationError(
            `The git tag ${JSON.stringify(ref.tag)} (${ref.source}) leaves no valid image tag and there is no build number to use instead.`
          )
        version = `0.1.${req.buildNumber}`
      } else {
        version = tag
        const how = [
          name !== ref.tag ? 'without its `v`' : '',
          changes.includes('replaced')
            ? 'characters outside A-Z a-z 0-9 _ . - replaced by `-`'
            : '',
          changes.includes('cut')
            ? `cut to ${MAX_TAG_LENGTH} characters with a hash of the whole tag at the end`
            : ''
        ].filter(Boolean)
        notices.push(
          how.length
            ? `The git tag ${JSON.stringify(ref.tag)} is not semver; the version is ${JSON.stringify(tag)} (${how.join('; ')}).`
            : `The git tag ${JSON.stringify(ref.tag)} is not semver; it is the version as is.`
        )
      }
      add(version)
    }
  } else if (ref.kind === 'pull_request') {
    kind = 'pull_request'
    version = branchLike(`pr-${ref.number}`)
    add(version)
    add(`pr-${ref.number}`)
  } else if (ref.kind === 'merge_group') {
    kind = 'merge_group'
    version = branchLike('merge-queue')
    add(version)
  } else {
    kind = 'branch'
    const branch = ref.branch
    version = branchLike(branch)
    add(version)
    if (req.fixedBranchTags.some((p) => matchesGlob(p, branch))) {
      if (!BRANCH_EVENTS.includes(ref.event)) {
        notices.push(
          `The event ${JSON.stringify(ref.event)} is not a push, dispatch or schedule of ${JSON.stringify(branch)}: no fixed branch tag.`
        )
      } else {
        const { tag, changes } = nameToTag(branch)
        const reserved = tag === undefined ? undefined : reservedTag(tag)
        if (tag === undefined) {
          notices.push(`The branch ${JSON.stringify(branch)} leaves no valid image tag.`)
        } else if (reserved) {
          notices.push(
            `The branch ${JSON.stringify(branch)} matches 'fixed-branch-tags', but ${JSON.stringify(tag)} is not given as a branch tag: ${reserved}.`
          )
        } else {
          if (changes.includes('cut'))
            notices.push(
              `The branch ${JSON.stringify(branch)} is longer than a tag: its tag is ${JSON.stringify(tag)}, cut with a hash of the whole name at the end so that no other branch shares it.`
            )
          add(tag)
        }
      }
    }
    for (const pr of req.openPullRequests ?? []) add(`pr-${pr}`)
  }
  if (kind === 'branch' || kind === 'release' || kind === 'prerelease' || kind === 'tag')
    for (const tag of req.extraTags) add(tag)
  if (req.shaTag && req.sha) add(`sha-${req.sha.slice(0, 7)}`)

  const finalTags = tagList.map((tag) => `${req.tagPrefix}${tag}${req.tagSuffix}`)
  for (const tag of finalTags) {
    const problem = tagProblem(tag)
    if (problem)
      throw new ConfigurationError(
        `The tag ${JSON.stringify(tag)} (with inputs 'tag-prefix' and 'tag-suffix') is not a valid image tag: ${problem}.`
      )
  }

  const labels: Record<string, string> = {}
  const label = (key: string, value: string | undefined) => {
    if (value) labels[`org.opencontainers.image.${key}`] = value
  }
  label('title', req.title)
  label('source', req.source)
  label('version', version)
  label('created', req.created)
  label('revision', req.sha)

  const tags = req.images.length
    ? req.images.flatMap((image) => finalTags.map((tag) => `${image}:${tag}`))
    : [...finalTags]
  return { version, kind, form, base, tagList: finalTags, tags, labels, notices }
}
