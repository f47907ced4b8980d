/** Action `version`: the version of this build and every image tag to push. */
import { parseImageReference } from '../../core/docker-reference.js'
import { parseBaseVersion, parseSemVer } from '../../core/semver.js'
import {
  planVersion,
  tagProblem,
  type BuildRef,
  type LatestTag,
  type VersionPlan
} from '../../core/version.js'
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
  shaTag: 'sha-tag',
  latestTag: 'latest-tag',
  extraTags: 'extra-tags',
  tagPrefix: 'tag-prefix',
  tagSuffix: 'tag-suffix',
  prHeadSha: 'pr-head-sha'
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
  latestTag: LatestTag
  extraTags: string[]
  tagPrefix: string
  tagSuffix: string
  prHeadSha: boolean
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
      /^v?\d+\.\d+(\.\d+)?$/.test(baseText.trim())
        ? `a semantic version whose numbers are at most ${Number.MAX_SAFE_INTEGER}`
        : 'a semantic version such as `1.4` or `v1.4.0`'
    )
  }
  const extraTags = inputs.list(INPUTS.extraTags)
  for (const tag of extraTags) {
    const problem =
      tag === 'latest' ? `\`latest\` is set by input '${INPUTS.latestTag}'` : tagProblem(tag)
    if (problem) throw new InputError(INPUTS.extraTags, tag, `image tags (${problem})`)
  }
  const tagPrefix = inputs.optional(INPUTS.tagPrefix) ?? ''
  if (tagPrefix && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tagPrefix))
    throw new InputError(
      INPUTS.tagPrefix,
      tagPrefix,
      'the start of a tag: A-Z a-z 0-9 _ . - and not starting with . or -'
    )
  const tagSuffix = inputs.optional(INPUTS.tagSuffix) ?? ''
  if (!/^[A-Za-z0-9_.-]*$/.test(tagSuffix))
    throw new InputError(INPUTS.tagSuffix, tagSuffix, 'the end of a tag: A-Z a-z 0-9 _ . -')
  return {
    images,
    baseVersion,
    buildNumber: inputs.integer(INPUTS.buildNumber),
    fixedBranchTags: inputs.list(INPUTS.fixedBranchTags),
    shaTag: inputs.boolean(INPUTS.shaTag, true),
    latestTag: inputs.choice(INPUTS.latestTag, ['auto', 'false'] as const, 'auto'),
    extraTags,
    tagPrefix,
    tagSuffix,
    prHeadSha: inputs.boolean(INPUTS.prHeadSha, false)
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
      (ref.kind === 'tag' && !ctx.buildNumber ? undefined : parseBuildNumber(ctx, runner.env))
    // GitHub builds a pull request's merge commit; `pr-head-sha` names the commit pushed instead.
    const headSha =
      settings.prHeadSha && ref.kind === 'pull_request' ? ctx.pullRequestHeadSha : undefined
    const sha = headSha ?? ctx.sha ?? (await git.headSha())

    // Branch-like builds need the tags for their form and base; a stable release for its
    // floating tags. A prerelease or a non-semver tag needs none.
    const needsTags = ref.kind !== 'tag' || parseSemVer(ref.tag)?.prerelease.length === 0
    const [reachableTags, allTags, shallow] = await Promise.all([
      git.mergedTags(),
      git.allTags(),
      needsTags ? git.isShallow() : Promise.resolve(false)
    ])
    if (shallow) {
      runner.warning(
        ref.kind === 'tag'
          ? `This checkout is shallow, so the other release tags are not visible: ${settings.latestTag === 'auto' ? '`latest`, ' : ''}\`X.Y\` and \`X\` were given without checking for a newer release. Check out with \`fetch-depth: 0\` (actions/checkout) so that a hotfix of an older line cannot move them back.`
          : `This checkout is shallow, so git tags are not visible: the version ${settings.baseVersion ? 'cannot tell whether releases exist' : 'uses the base 0.1 instead of the newest release'}. Check out with \`fetch-depth: 0\` (actions/checkout) to version from the release tags.`,
        { title: 'Shallow checkout' }
      )
    }

    const plan = planVersion({
      ref,
      baseVersion: settings.baseVersion,
      reachableTags: reachableTags ?? [],
      allTags: allTags ?? [],
      buildNumber,
      sha,
      images: settings.images,
      fixedBranchTags: settings.fixedBranchTags,
      shaTag: settings.shaTag,
      latestTag: settings.latestTag,
      extraTags: settings.extraTags,
      tagPrefix: settings.tagPrefix,
      tagSuffix: settings.tagSuffix,
      openPullRequests: ctx.openPullRequests,
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
      `Version ${plan.version} (${describeKind(plan, ref, ctx)}); tags:\n  ${plan.tags.join('\n  ')}`
    )
    runner.appendSummary(renderSummary(plan, ref, ctx, buildNumber, shallow))
  })
}

type Env = Readonly<Record<string, string | undefined>>

function parseBuildNumber(ctx: CiContext, env: Env): number {
  const raw = ctx.buildNumber
  if (ctx.provider === 'local') {
    const set = ['GITHUB_RUN_NUMBER', 'CIRCLE_BUILD_NUM'].filter((v) => env[v]?.trim())
    throw new ConfigurationError(
      `No build number: this is not a GitHub Actions or CircleCI build (GITHUB_ACTIONS and CIRCLECI are not \`true\`)${set.length ? `, so ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} not read` : ''}. Set input '${INPUTS.buildNumber}' to a whole number.`
    )
  }
  const variable = ctx.provider === 'circleci' ? 'CIRCLE_BUILD_NUM' : 'GITHUB_RUN_NUMBER'
  if (raw === undefined) {
    throw new ConfigurationError(
      `No build number: ${variable} is not set. Set input '${INPUTS.buildNumber}' to a whole number.`
    )
  }
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigurationError(
      `${variable} is ${JSON.stringify(raw)}: expected a whole number up to ${Number.MAX_SAFE_INTEGER}. Set input '${INPUTS.buildNumber}'.`
    )
  }
  return Number(raw)
}

async function buildRef(ctx: CiContext, git: GitInfo): Promise<BuildRef> {
  const source = ctx.provider === 'circleci' ? 'CIRCLE_TAG' : 'GITHUB_REF'
  if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target') {
    if (ctx.pullRequest === undefined)
      throw new ConfigurationError(
        `A ${ctx.eventName} build without a pull request number: neither GITHUB_REF nor the event payload (GITHUB_EVENT_PATH) gives one.`
      )
    return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch }
  }
  if (ctx.tag !== undefined) return { kind: 'tag', tag: ctx.tag, source }
  if (ctx.pullRequest !== undefined)
    return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch }
  if (ctx.eventName === 'merge_group') return { kind: 'merge_group', branch: ctx.branch }
  const branch = ctx.branch ?? (ctx.provider === 'local' ? await git.currentBranch() : undefined)
  if (branch === undefined)
    throw new ConfigurationError(
      'Cannot tell the branch or tag of this build: neither the CI nor git says.'
    )
  return { kind: 'branch', branch, event: ctx.eventName }
}

function describeKind(plan: VersionPlan, ref: BuildRef, ctx: CiContext): string {
  const event =
    ctx.provider === 'local'
      ? ''
      : ` (${ctx.provider === 'circleci' ? 'CircleCI ' : ''}${ctx.eventName})`
  switch (ref.kind) {
    case 'tag':
      return `${plan.kind} ${ref.tag}${event}`
    case 'pull_request':
      return `pull request #${ref.number}${ref.branch ? ` from ${ref.branch}` : ''}${event}`
    case 'merge_group':
      return `merge group${ref.branch ? ` for ${ref.branch}` : ''}${event}`
    default:
      return `branch ${ref.branch}${event}`
  }
}

function renderSummary(
  plan: VersionPlan,
  ref: BuildRef,
  ctx: CiContext,
  buildNumber: number | undefined,
  shallow: boolean
): string {
  const rows: (string | { raw: string })[][] = [
    ['Version', { raw: code(plan.version) }],
    ['Build', describeKind(plan, ref, ctx)]
  ]
  if (plan.base) {
    rows.push(
      ['Base', `${plan.base.major}.${plan.base.minor} from ${plan.base.from}`],
      [
        'Form',
        plan.form === 'prerelease'
          ? 'prerelease of the next patch (releases exist)'
          : 'MAJOR.MINOR.BUILD (no release tag yet)'
      ],
      ['Build number', String(buildNumber)]
    )
  }
  if (shallow) rows.push(['Checkout', 'shallow: git tags not visible (use `fetch-depth: 0`)'])
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
