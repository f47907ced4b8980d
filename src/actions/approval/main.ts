/**
 * Action `approval`: guards a production release before anything is deployed. The dispatching
 * user must be an approver (or, with `mode: issue`, an approver must answer an issue); the
 * version must exist in the registry; with `require-stage`, the very image (by digest) must be
 * what the previous stage runs.
 */
import {
  APPROVER_EXPECTED,
  approvalIssueBody,
  commentVerdict,
  formatApprover,
  lastSuccessful,
  listedByName,
  parseApprover,
  type Approver
} from '../../core/approval.js'
import {
  isValidTag,
  parseImageReference,
  TAG_EXPECTATION,
  type ImageReference
} from '../../core/docker-reference.js'
import type { GitHubApi } from '../../io/github.js'
import { runAction } from '../../lib/action.js'
import { readCiContext } from '../../lib/context.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, summary, table } from '../../lib/markdown.js'
import { pollUntil } from '../../lib/poll.js'
import { realSleep } from '../../lib/retry.js'
import { githubRunner, type Runner } from '../../lib/runner.js'

export const INPUTS = {
  approvers: 'approvers',
  version: 'version',
  environment: 'environment',
  image: 'image',
  registryUsername: 'registry-username',
  registryPassword: 'registry-password',
  requireStage: 'require-stage',
  stageTag: 'stage-tag',
  mode: 'mode',
  timeoutMinutes: 'timeout-minutes',
  pollInterval: 'poll-interval',
  githubToken: 'github-token'
} as const

export interface ApprovalSettings {
  approvers: Approver[]
  version: string
  environment: string
  image?: ImageReference
  registryCredentials?: { username: string; password: string }
  requireStage?: string
  stageTag?: string
  mode: 'environment' | 'issue'
  timeoutMs: number
  pollMs: number
  token?: string
}

export function readSettings(inputs: InputReader): ApprovalSettings {
  const approvers = inputs.list(INPUTS.approvers).map((text) => {
    const approver = parseApprover(text)
    if (!approver) throw new InputError(INPUTS.approvers, text, APPROVER_EXPECTED)
    return approver
  })
  if (approvers.length === 0) throw new InputError(INPUTS.approvers, '', APPROVER_EXPECTED)
  const version = inputs.required(INPUTS.version, 'the version to release, e.g. `1.4.57`')
  if (!isValidTag(version)) throw new InputError(INPUTS.version, version, TAG_EXPECTATION)
  const imageText = inputs.optional(INPUTS.image)
  let image: ImageReference | undefined
  if (imageText !== undefined) {
    const parsed = parseImageReference(imageText, { foldCase: true })
    if ('error' in parsed) throw new InputError(INPUTS.image, imageText, parsed.error)
    if (parsed.reference.tag || parsed.reference.digest) {
      throw new InputError(
        INPUTS.image,
        imageText,
        'the image repository without a tag, e.g. `ghcr.io/acme/shop` (the tag is `version`)'
      )
    }
    image = parsed.reference
  }
  const username = inputs.optional(INPUTS.registryUsername)
  const password = inputs.secret(INPUTS.registryPassword)
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      INPUTS.registryUsername,
      username ?? '',
      `'${INPUTS.registryUsername}' and '${INPUTS.registryPassword}' together`
    )
  }
  const requireStage = inputs.optional(INPUTS.requireStage)
  if (requireStage !== undefined && image === undefined) {
    throw new InputError(
      INPUTS.requireStage,
      requireStage,
      `an '${INPUTS.image}' too: the stage check compares image digests`
    )
  }
  const stageTag = inputs.optional(INPUTS.stageTag)
  if (stageTag !== undefined && !isValidTag(stageTag))
    throw new InputError(INPUTS.stageTag, stageTag, TAG_EXPECTATION)
  const token = inputs.secret(INPUTS.githubToken)
  const mode = inputs.choice(INPUTS.mode, ['environment', 'issue'] as const, 'environment')
  return {
    approvers,
    version,
    environment: inputs.optional(INPUTS.environment) ?? 'prod',
    image,
    registryCredentials: username && password ? { username, password } : undefined,
    requireStage,
    stageTag,
    mode,
    timeoutMs: (inputs.integer(INPUTS.timeoutMinutes, { min: 1, max: 10080 }) ?? 60) * 60_000,
    pollMs: inputs.duration(INPUTS.pollInterval, 15_000),
    token
  }
}

/** Reads an image's digest; undefined when the registry has no such tag. */
export type DigestOf = (image: ImageReference, tag: string) => Promise<string | undefined>

export interface ApprovalDeps {
  runner: Runner
  github: (token: string) => Promise<GitHubApi>
  digestOf: DigestOf
  sleep: (ms: number) => Promise<void>
  now: () => number
}

class Refused extends ConfigurationError {}

export async function run(deps: Partial<ApprovalDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  const now = deps.now ?? Date.now
  await runAction(runner, async () => {
    const settings = readSettings(new InputReader(runner.getInput, runner.setSecret))
    const ctx = readCiContext(runner.env)
    const needsGitHub =
      settings.mode === 'issue' ||
      settings.approvers.some((a) => a.kind === 'team') ||
      (settings.requireStage !== undefined && settings.stageTag === undefined)
    if (needsGitHub && !settings.token)
      throw new InputError(
        INPUTS.githubToken,
        '',
        'a token (the default `${{ github.token }}` is enough for issues and deployments; teams need read:org)'
      )
    if (needsGitHub && !ctx.repository)
      throw new ConfigurationError(
        'GITHUB_REPOSITORY is not set: cannot reach the repository on GitHub.'
      )
    const github = needsGitHub
      ? await (
          deps.github ??
          ((token) =>
            import('../../io/github.js').then((m) =>
              m.githubApi({
                token,
                repository: ctx.repository as string,
                apiUrl: runner.env.GITHUB_API_URL
              })
            ))
        )(settings.token as string)
      : undefined
    const digestOf =
      deps.digestOf ??
      (await import('./registry.js')).registryDigest(runner.env, settings.registryCredentials)
    const checks: [string, string][] = []

    let digest: string | undefined
    if (settings.image) {
      const image = `${settings.image.registry}/${settings.image.repository}`
      digest = await digestOf(settings.image, settings.version)
      if (!digest)
        throw new Refused(
          `Refused: ${image}:${settings.version} does not exist in the registry; nothing to release.`
        )
      checks.push(['Image', `${image}:${settings.version} exists (${digest})`])
      if (settings.requireStage) {
        const stage = await stageDigest(settings, github, digestOf)
        if (stage.digest !== digest) {
          throw new Refused(
            `Refused: ${settings.requireStage} runs ${stage.digest ?? 'nothing known'} (${stage.from}), not ${digest} (${settings.version}). Release what was verified in ${settings.requireStage}.`
          )
        }
        checks.push([`Same as ${settings.requireStage}`, `yes (${stage.from})`])
      }
    }

    const approval =
      settings.mode === 'issue'
        ? await approveByIssue(
            settings,
            github as GitHubApi,
            runner,
            digest,
            deps.sleep ?? realSleep,
            now
          )
        : await approveByActor(settings, github, ctx.actor)
    checks.push(['Approved by', `${approval.by}${approval.via ? ` (${approval.via})` : ''}`])
    const at = new Date(now()).toISOString()
    runner.setOutput('approved-by', approval.by)
    runner.setOutput('approved-at', at)
    runner.setOutput('digest', digest ?? '')
    runner.setOutput('issue-url', approval.issueUrl ?? '')
    runner.info(
      `Approved: ${settings.version} to ${settings.environment} by ${approval.by} at ${at}.`
    )
    runner.appendSummary(
      summary(
        `Approval: ${settings.version} → ${settings.environment}`,
        table(
          ['Check', 'Result'],
          checks.map(([k, v]) => [k, { raw: code(v) }])
        )
      )
    )
  })
}

/** What the previous stage runs: its fixed tag's digest, or the last successful deployment's record. */
async function stageDigest(
  settings: ApprovalSettings,
  github: GitHubApi | undefined,
  digestOf: DigestOf
): Promise<{ digest?: string; from: string }> {
  if (settings.stageTag) {
    return {
      digest: await digestOf(settings.image as ImageReference, settings.stageTag),
      from: `its tag ${settings.stageTag}`
    }
  }
  const last = lastSuccessful(
    await (github as GitHubApi).deployments(settings.requireStage as string)
  )
  if (!last) return { from: `no successful deployment to ${settings.requireStage} is recorded` }
  return {
    digest: last.payload.digest,
    from: `deployment #${last.id} of ${last.payload.version ?? 'an unknown version'} on ${last.createdAt}`
  }
}

async function isApprover(
  settings: ApprovalSettings,
  github: GitHubApi | undefined,
  login: string
): Promise<string | undefined> {
  if (listedByName(settings.approvers, login)) return 'listed'
  for (const a of settings.approvers) {
    if (a.kind === 'team' && github && (await github.isTeamMember(a.org, a.team, login)))
      return `member of ${a.org}/${a.team}`
  }
  return undefined
}

async function approveByActor(
  settings: ApprovalSettings,
  github: GitHubApi | undefined,
  actor: string | undefined
) {
  if (!actor) throw new Refused('Refused: no actor (GITHUB_ACTOR) to check against the approvers.')
  const via = await isApprover(settings, github, actor)
  if (!via) {
    throw new Refused(
      `Refused: ${actor} is not an approver (${settings.approvers.map(formatApprover).join(', ')}).`
    )
  }
  return { by: actor, via, issueUrl: undefined as string | undefined }
}

async function approveByIssue(
  settings: ApprovalSettings,
  github: GitHubApi,
  runner: Runner,
  digest: string | undefined,
  sleep: (ms: number) => Promise<void>,
  now: () => number
) {
  const ctx = readCiContext(runner.env)
  const minutes = Math.round(settings.timeoutMs / 60_000)
  const issue = await github.createIssue(
    `Approve deploying ${settings.version} to ${settings.environment}?`,
    approvalIssueBody({
      version: settings.version,
      environment: settings.environment,
      approvers: settings.approvers,
      actor: ctx.actor,
      runUrl: ctx.runUrl,
      digest,
      timeoutMinutes: minutes
    })
  )
  runner.info(`Waiting up to ${minutes} min for an approver to answer ${issue.url}`)
  const seen = new Set<number>()
  // Each poll reads the comments and judges the new ones; the first approver's verdict ends it.
  const answered = await pollUntil(
    async () => {
      for (const c of await github.comments(issue.number)) {
        if (seen.has(c.id)) continue
        seen.add(c.id)
        const verdict = commentVerdict(c.body)
        if (!verdict) continue
        const via = await isApprover(settings, github, c.login)
        if (via) return { verdict, login: c.login, via }
        runner.info(`Ignoring "${verdict}" from ${c.login}: not an approver.`)
      }
      return undefined
    },
    {
      clock: { now, sleep },
      timeoutMs: settings.timeoutMs,
      interval: settings.pollMs,
      done: Boolean
    }
  )
  const answer = answered.value
  if (!answer) {
    await github.comment(
      issue.number,
      `No approver answered within ${minutes} minute(s). Nothing was deployed.`
    )
    await github.closeIssue(issue.number, 'not_planned')
    throw new Refused(`Refused: no approver answered ${issue.url} within ${minutes} minute(s).`)
  }
  if (answer.verdict === 'deny') {
    await github.comment(issue.number, `Denied by @${answer.login}. Nothing was deployed.`)
    await github.closeIssue(issue.number, 'not_planned')
    throw new Refused(
      `Refused: ${answer.login} denied deploying ${settings.version} to ${settings.environment} (${issue.url}).`
    )
  }
  await github.comment(
    issue.number,
    `Approved by @${answer.login}. Deploying ${settings.version} to ${settings.environment}.`
  )
  await github.closeIssue(issue.number, 'completed')
  return { by: answer.login, via: `${answer.via}, ${issue.url}`, issueUrl: issue.url }
}
