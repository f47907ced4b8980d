/**
 * Who may approve a release, what a comment says, and which deployment record tells what a
 * stage runs. Pure: the GitHub calls happen in src/io/github.ts.
 */
export type Approver = { kind: 'user'; login: string } | { kind: 'team'; org: string; team: string }

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
const TEAM = /^[A-Za-z0-9_.-]{1,100}$/

export const APPROVER_EXPECTED =
  'GitHub user names or `org/team` slugs, e.g. `mona, acme/release-managers`'

export function parseApprover(text: string): Approver | undefined {
  const value = text.trim().replace(/^@/, '')
  const slash = value.indexOf('/')
  if (slash < 0) return LOGIN.test(value) ? { kind: 'user', login: value } : undefined
  const org = value.slice(0, slash)
  const team = value.slice(slash + 1)
  return LOGIN.test(org) && TEAM.test(team) ? { kind: 'team', org, team } : undefined
}

export function formatApprover(a: Approver): string {
  return a.kind === 'user' ? a.login : `${a.org}/${a.team}`
}

/** Listed by name (GitHub logins are case-insensitive). Teams need an API call. */
export function listedByName(approvers: Approver[], login: string): boolean {
  return approvers.some((a) => a.kind === 'user' && a.login.toLowerCase() === login.toLowerCase())
}

export type Verdict = 'approve' | 'deny'

/** The first word of a comment decides: `approve`/`approved`/`lgtm` or `deny`/`denied`/`reject`. */
export function commentVerdict(body: string): Verdict | undefined {
  const word = body
    .trim()
    .split(/\s+/)[0]
    ?.toLowerCase()
    .replace(/[.!:,]+$/, '')
  if (word === undefined) return undefined
  if (['approve', 'approved', 'lgtm', '/approve'].includes(word)) return 'approve'
  if (['deny', 'denied', 'reject', 'rejected', '/deny'].includes(word)) return 'deny'
  return undefined
}

export interface DeploymentRecord {
  id: number
  environment: string
  createdAt: string
  payload: { version?: string; digest?: string; approvedBy?: string }
  /** The newest status, if any. */
  state?: string
}

/** The newest deployment whose newest status is `success`. */
export function lastSuccessful(records: DeploymentRecord[]): DeploymentRecord | undefined {
  return [...records]
    .filter((r) => r.state === 'success')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}

export function approvalIssueBody(input: {
  version: string
  environment: string
  approvers: Approver[]
  actor?: string
  runUrl?: string
  digest?: string
  timeoutMinutes: number
}): string {
  const who = input.approvers.map((a) => `@${formatApprover(a)}`).join(', ')
  return [
    `**${input.actor ?? 'Someone'}** asks to deploy **${input.version}** to **${input.environment}**.`,
    '',
    input.digest ? `Image digest: \`${input.digest}\`` : '',
    input.runUrl ? `Run: ${input.runUrl}` : '',
    '',
    `${who}: comment \`approve\` or \`deny\`. Comments from anyone else are ignored.`,
    `This request expires in ${input.timeoutMinutes} minute(s).`
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n')
}
