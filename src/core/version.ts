/**
 * The version of a build and every image tag to push: `MAJOR.MINOR.BUILD` for branch builds,
 * the tag itself for tag builds (with `X.Y`, `X` and `latest` for stable releases), a fixed tag
 * for long-lived branches and a short commit tag. Pure: everything it needs is passed in.
 */
import { isValidTag, sanitizeTag } from './docker-reference.js'
import { matchesGlob } from './glob.js'
import { ConfigurationError } from '../lib/errors.js'
import { formatSemVer, parseSemVer } from './semver.js'

export type BuildRef =
  | { kind: 'branch'; branch: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'pull_request'; number: number; branch?: string }

export interface VersionRequest {
  ref: BuildRef
  base: { major: number; minor: number }
  /** The CI's build number; only branch and pull-request builds need it. */
  buildNumber?: number
  /** Full commit SHA, when known. */
  sha?: string
  /** Image names, already validated; empty gives bare tags. */
  images: string[]
  /** Branch names or globs that get a fixed tag of their own. */
  fixedBranchTags: string[]
  shaTag: boolean
  /** For the OCI labels. */
  source?: string
  title?: string
  created: string
}

export interface VersionPlan {
  version: string
  /** What kind of build decided the version. */
  kind: 'branch' | 'release' | 'prerelease' | 'tag' | 'pull_request'
  /** Bare tags, most specific first. */
  tagList: string[]
  /** Every `image:tag`. */
  tags: string[]
  labels: Record<string, string>
  /** Things the user should know (e.g. a branch whose name left no valid tag). */
  notices: string[]
}

export function planVersion(req: VersionRequest): VersionPlan {
  const notices: string[] = []
  const tagList: string[] = []
  const add = (tag: string | undefined) => {
    if (tag !== undefined && isValidTag(tag) && !tagList.includes(tag)) tagList.push(tag)
  }
  const branchBuild = () => {
    if (req.buildNumber === undefined)
      throw new ConfigurationError('No build number for a branch build.')
    return `${req.base.major}.${req.base.minor}.${req.buildNumber}`
  }
  let version: string
  let kind: VersionPlan['kind'] = 'branch'

  if (req.ref.kind === 'tag') {
    const semver = parseSemVer(req.ref.tag)
    if (semver && semver.prerelease.length === 0) {
      kind = 'release'
      version = formatSemVer({ ...semver, build: [] })
      add(version)
      add(`${semver.major}.${semver.minor}`)
      // A 0.x major promises nothing (semver §4), so it gets no floating `0` tag.
      if (semver.major > 0) add(`${semver.major}`)
      add('latest')
    } else if (semver) {
      kind = 'prerelease'
      version = formatSemVer({ ...semver, build: [] })
      add(version)
    } else {
      kind = 'tag'
      const tag = sanitizeTag(req.ref.tag)
      if (tag === undefined) {
        notices.push(
          `The git tag ${JSON.stringify(req.ref.tag)} leaves no valid image tag; using the build number.`
        )
        version = branchBuild()
      } else {
        notices.push(
          `The git tag ${JSON.stringify(req.ref.tag)} is not semver; it is used as the version as is.`
        )
        version = tag
      }
      add(version)
    }
  } else {
    version = branchBuild()
    add(version)
    const branch = req.ref.branch
    if (req.ref.kind === 'pull_request') {
      kind = 'pull_request'
      add(`pr-${req.ref.number}`)
    } else if (branch !== undefined && req.fixedBranchTags.some((p) => matchesGlob(p, branch))) {
      const tag = sanitizeTag(branch)
      if (tag === undefined)
        notices.push(`The branch ${JSON.stringify(branch)} leaves no valid image tag.`)
      add(tag)
    }
  }
  if (req.shaTag && req.sha) add(`sha-${req.sha.slice(0, 7)}`)

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
    ? req.images.flatMap((image) => tagList.map((tag) => `${image}:${tag}`))
    : [...tagList]
  return { version, kind, tagList, tags, labels, notices }
}
