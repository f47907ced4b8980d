/**
 * The GitHub REST calls Gantry makes (team membership, approval issues, deployments), through
 * @actions/github's Octokit, loaded lazily. `GITHUB_API_URL` (GitHub Enterprise, or a local
 * stand-in in tests) decides where they go.
 */
import type { DeploymentRecord } from '../core/approval.js'
import { ConfigurationError } from '../lib/errors.js'

export interface IssueComment {
  id: number
  login: string
  body: string
  createdAt: string
}

export interface GitHubApi {
  /** True when the user is an active member of org/team. */
  isTeamMember(org: string, team: string, login: string): Promise<boolean>
  createIssue(title: string, body: string): Promise<{ number: number; url: string }>
  comments(issue: number, since?: string): Promise<IssueComment[]>
  comment(issue: number, body: string): Promise<void>
  closeIssue(issue: number, reason: 'completed' | 'not_planned'): Promise<void>
  deployments(environment: string): Promise<DeploymentRecord[]>
  createDeployment(input: {
    ref: string
    environment: string
    description: string
    payload: object
    production: boolean
  }): Promise<number>
  deploymentStatus(
    id: number,
    state: 'in_progress' | 'success' | 'failure' | 'error',
    input: { environmentUrl?: string; logUrl?: string; description?: string }
  ): Promise<void>
}

interface HttpError {
  status?: number
  message?: string
}

export async function githubApi(options: {
  token: string
  repository: string
  apiUrl?: string
}): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl ?? 'https://api.github.com' })
  const [owner = '', repo = ''] = options.repository.split('/')
  const explain = (what: string, error: unknown): never => {
    const e = error as HttpError
    const hint =
      e.status === 401
        ? 'the token is not valid'
        : e.status === 403 || e.status === 404
          ? 'the token cannot see it (reading teams needs a token with read:org, e.g. a GitHub App or a PAT; GITHUB_TOKEN cannot)'
          : (e.message ?? String(error))
    throw new ConfigurationError(`GitHub refused to ${what} (${e.status ?? 'no status'}): ${hint}`)
  }
  return {
    async isTeamMember(org, team, login) {
      try {
        const res = await octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: team,
          username: login
        })
        return res.data.state === 'active'
      } catch (error) {
        if ((error as HttpError).status === 404) {
          // 404 is both "not a member" and "no such team / cannot see it": tell them apart.
          try {
            await octokit.rest.teams.getByName({ org, team_slug: team })
          } catch (inner) {
            explain(`read the team ${org}/${team}`, inner)
          }
          return false
        }
        return explain(`read the membership of ${login} in ${org}/${team}`, error)
      }
    },
    async createIssue(title, body) {
      try {
        const res = await octokit.rest.issues.create({ owner, repo, title, body })
        return { number: res.data.number, url: res.data.html_url }
      } catch (error) {
        return explain('open the approval issue (the job needs `issues: write`)', error)
      }
    },
    async comments(issue, since) {
      const res = await octokit.rest.issues.listComments({
        owner,
        repo,
        issue_number: issue,
        since,
        per_page: 100
      })
      return res.data.map((c) => ({
        id: c.id,
        login: c.user?.login ?? '',
        body: c.body ?? '',
        createdAt: c.created_at
      }))
    },
    async comment(issue, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })
    },
    async closeIssue(issue, reason) {
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue,
        state: 'closed',
        state_reason: reason
      })
    },
    async deployments(environment) {
      try {
        const res = await octokit.rest.repos.listDeployments({
          owner,
          repo,
          environment,
          per_page: 30
        })
        return await Promise.all(
          res.data.map(async (d) => {
            const statuses = await octokit.rest.repos.listDeploymentStatuses({
              owner,
              repo,
              deployment_id: d.id,
              per_page: 1
            })
            const payload =
              typeof d.payload === 'string'
                ? safeJson(d.payload)
                : (d.payload as DeploymentRecord['payload'])
            return {
              id: d.id,
              environment: d.environment,
              createdAt: d.created_at,
              payload: payload ?? {},
              state: statuses.data[0]?.state
            }
          })
        )
      } catch (error) {
        return explain(
          `list the deployments to ${environment} (the job needs \`deployments: read\`)`,
          error
        )
      }
    },
    async createDeployment(input) {
      try {
        const res = await octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: input.ref,
          environment: input.environment,
          description: input.description,
          payload: input.payload as Record<string, unknown>,
          production_environment: input.production,
          auto_merge: false,
          required_contexts: []
        })
        if (!('id' in res.data))
          throw new ConfigurationError(
            `GitHub did not create the deployment: ${JSON.stringify(res.data)}`
          )
        return res.data.id
      } catch (error) {
        if (error instanceof ConfigurationError) throw error
        return explain(
          `create a deployment to ${input.environment} (the job needs \`deployments: write\`)`,
          error
        )
      }
    },
    async deploymentStatus(id, state, input) {
      try {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state,
          environment_url: input.environmentUrl,
          log_url: input.logUrl,
          description: input.description?.slice(0, 140),
          auto_inactive: state === 'success'
        })
      } catch (error) {
        explain(`set deployment ${id} to ${state}`, error)
      }
    }
  }
}

function safeJson(text: string): DeploymentRecord['payload'] | undefined {
  try {
    return JSON.parse(text) as DeploymentRecord['payload']
  } catch {
    return undefined
  }
}
