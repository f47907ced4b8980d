/**
 * A commit (its message, its author) is untrusted text too: whoever pushes writes it. slack-notify reads it
 * through git (on CircleCI, where no event payload carries it) and puts it in the message and the
 * job summary; the runner (its parser modelled in test/harness/runner-commands.js) must see no
 * command in the step's log but Gantry's own.
 */
import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { gitRepo } from '../harness/git-repo.js'
import { NODES, runAction } from '../harness/run-action.js'
import { actedOn, HOSTILE_LINES } from '../harness/runner-commands.js'

const repo = gitRepo()
execFileSync('git', ['commit', '-q', '--allow-empty', '-F', '-'], {
  cwd: repo,
  input: HOSTILE_LINES.join('\r\n'),
  env: {
    ...process.env,
    GIT_AUTHOR_NAME: '##[error]FORGED author',
    GIT_AUTHOR_EMAIL: 'x@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com'
  }
})

test.each(NODES)(
  'a hostile commit message read through git stays data ($name)',
  async ({ path }) => {
    const r = await runAction('slack-notify', {
      node: path,
      cwd: repo,
      circleci: {
        branch: 'main',
        sha: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo }).toString().trim()
      },
      inputs: { status: 'deployed', version: '1.4.57', environment: 'prod' }
    })
    expect(r.exitCode).toBe(0)
    // It went through git into the message: the summary shows its first line.
    expect(r.summary).toContain('FORGED error at the start of a line')
    const { commands, stopped } = actedOn(`${r.stdout}\n${r.stderr}`)
    expect(stopped).toBe(false)
    expect(commands.map((c) => c.name)).toEqual(['warning'])
    expect(commands[0]?.data).toContain('stays green')
  },
  60_000
)
