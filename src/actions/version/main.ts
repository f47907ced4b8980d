/** Action `version`: the version of this build and every image tag to push. */
import { parseImageReference } from '../../core/docker-reference.js'
import { parseBaseVersion, newestRelease } from '../../core/semver.js'
import { planVersion, type BuildRef, type VersionPlan } from '../../core/version.js'
import { gitInfo, type GitInfo } from '../../io/git.js'
import { runAction } from '../../lib/action.js'
import { readCiContext, type CiContext } from '../../lib/context.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'

export const INPUTS = {
  images: 'images',
  baseVersion: 'base-version',
  buildNumber: 'build-number',
  fixedBranchTags: 'fixed-branch-tags',
  shaTag: 'sha-tag'
} as const

/** What `images` expects, by the part of a reference that was wrong or was not wanted. */
const NAME_EXPECTED = {
  tag: 'an image name without a tag (tags are computed), e.g. `ghcr.io/org/app`',
  digest: 'an image name without a digest, e.g. `ghcr.io/org/app`',
  name: 'an image name such as `ghcr.io/org/app` or `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app`'
}

export interface VersionSettings {
  images: string[]
  baseVersion?: { major: number; minor: number }
  buildNumber?: number
  fixedBranchTags: string[]
  shaTag: boolean
}

export function readSettings(inputs: InputReader): VersionSettings {
  const images = inputs.list(INPUTS.images).map((text) => {
    const parsed = parseImageReference(text, { foldCase: true })
    if ('error' in parsed) throw new InputError(INPUTS.images, text, NAME_EXPECTED[parsed.part])
    const extra = parsed.reference.digest ? 'digest' : parsed.reference.tag ? 'tag' : undefined
    if (extra) throw new InputError(INPUTS.images, text, NAME_EXPECTED[extra])
    return parsed.name
  })
  const baseText = inputs.optional(INPUTS.baseVersion)
  const baseVersion = baseText === undefined ? undefined : parseBaseVersion(baseText)
  if (baseText !== undefined && baseVersion === undefined) {
    throw new InputError(
      INPUTS.baseVersion,
      baseText,
      'a semantic version such as `1.4` or `v1.4.0`'
    )
  }
  return {
    images,
    baseVersion,
    buildNumber: inputs.integer(INPUTS.buildNumber),
    fixedBranchTags: inputs.list(INPUTS.fixedBranchTags),
    shaTag: inputs.boolean(INPUTS.shaTag, true)
  }
}

export interface VersionDeps {
  runner: Runner
  git: GitInfo
  now: () => Date
}

export async function run(deps: Partial<VersionDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  const git = deps.git ?? gitInfo()
  const now = deps.now ?? (() => new Date())
  await runAction(runner, async () => {
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret))
    const ctx = readCiContext(runner.env)
    const ref = await buildRef(ctx, git)
    // Tag builds take their version from the tag; only the others need a build number.
    const buildNumber =
      settings.buildNumber ??
      (ref.kind === 'tag' && !ctx.buildNumber ? undefined : parseBuildNumber(ctx))
    const sha = ctx.sha ?? (await git.headSha())

    let base = settings.baseVersion
    let baseSource = `input '${INPUTS.baseVersion}'`
    if (base === undefined) {
      const newest = newestRelease((await git.mergedTags()) ?? [])
      base = newest ?? { major: 0, minor: 1 }
      baseSource = newest
        ? `git tag v${newest.major}.${newest.minor}.${newest.patch}`
        : 'default (no vX.Y.Z tag reachable)'
    }

    const plan = planVersion({
      ref,
      base,
      buildNumber,
      sha,
      images: settings.images,
      fixedBranchTags: settings.fixedBranchTags,
      shaTag: settings.shaTag,
      source: ctx.repositoryUrl,
      title: ctx.repository?.split('/').pop(),
      created: now().toISOString()
    })
    for (const notice of plan.notices) runner.notice(notice)

    runner.setOutput('version', plan.version)
    runner.setOutput('tags', plan.tags.join('\n'))
    runner.setOutput('tag-list', plan.tagList.join('\n'))
    runner.setOutput(
      'labels',
      Object.entries(plan.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')
    )
    runner.setOutput(
      'json',
      JSON.stringify({ version: plan.version, tags: plan.tags, labels: plan.labels })
    )
    runner.info(
      `Version ${plan.version} (${describeKind(plan, ref)}); tags:\n  ${plan.tags.join('\n  ')}`
    )
    runner.appendSummary(renderSummary(plan, ref, base, baseSource, buildNumber))
  })
}

function parseBuildNumber(ctx: CiContext): number {
  const raw = ctx.buildNumber
  const variable = ctx.provider === 'circleci' ? 'CIRCLE_BUILD_NUM' : 'GITHUB_RUN_NUMBER'
  if (raw === undefined) {
    throw new ConfigurationError(
      `No build number: ${variable} is not set. Set input '${INPUTS.buildNumber}' to a whole number.`
    )
  }
  if (!/^\d+$/.test(raw)) {
    throw new ConfigurationError(
      `${variable} is ${JSON.stringify(raw)}: expected a whole number. Set input '${INPUTS.buildNumber}'.`
    )
  }
  return Number(raw)
}

async function buildRef(ctx: CiContext, git: GitInfo): Promise<BuildRef> {
  if (ctx.tag !== undefined) return { kind: 'tag', tag: ctx.tag }
  if (ctx.pullRequest !== undefined)
    return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch }
  const branch = ctx.branch ?? (ctx.provider === 'local' ? await git.currentBranch() : undefined)
  if (branch === undefined)
    throw new ConfigurationError(
      'Cannot tell the branch or tag of this build: neither the CI nor git says.'
    )
  return { kind: 'branch', branch }
}

function describeKind(plan: VersionPlan, ref: BuildRef): string {
  switch (plan.kind) {
    case 'release':
      return `release ${ref.kind === 'tag' ? ref.tag : ''}`.trim()
    case 'prerelease':
      return `prerelease ${ref.kind === 'tag' ? ref.tag : ''}`.trim()
    case 'tag':
      return `tag ${ref.kind === 'tag' ? ref.tag : ''}`.trim()
    case 'pull_request':
      return `pull request #${ref.kind === 'pull_request' ? ref.number : ''}`
    default:
      return `branch ${ref.kind === 'branch' ? ref.branch : ''}`.trim()
  }
}

function renderSummary(
  plan: VersionPlan,
  ref: BuildRef,
  base: { major: number; minor: number },
  baseSource: string,
  buildNumber: number | undefined
): string {
  const rows: (string | { raw: string })[][] = [
    ['Version', { raw: code(plan.version) }],
    ['Build', describeKind(plan, ref)]
  ]
  if (plan.kind === 'branch' || plan.kind === 'pull_request') {
    rows.push(
      ['Base', `${base.major}.${base.minor} from ${baseSource}`],
      ['Build number', String(buildNumber)]
    )
  }
  rows.push(['Tags', { raw: plan.tags.map(code).join('<br>') }])
  rows.push([
    'Labels',
    {
      raw: Object.entries(plan.labels)
        .map(([k, v]) => code(`${k}=${v}`))
        .join('<br>')
    }
  ])
  return summary('Version', table(['', ''], rows))
}
