/**
 * The whole pipeline, end to end on this machine: the GitFlow story through the real bundles
 * and the sandbox (real sshd hosts, Docker, registry, Slack endpoint; GitHub's API stood in for),
 * chaining step outputs as the runner would.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { onHost } from '../harness/hosts.js'
import { readSandbox } from '../sandbox/description.js'
import { playGitflow, type StoryResult } from '../story/gitflow.js'

let story: StoryResult
const sandbox = readSandbox()
beforeAll(async () => {
  story = await playGitflow({ sandbox })
}, 400_000)

// The story leaves its release running (the demo shows it); the tests after this one need the hosts free.
afterAll(() => {
  for (const host of sandbox.hosts.slice(0, 3)) {
    onHost(
      sandbox,
      host,
      'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; rm -rf ~/gantry/shop'
    )
  }
})

const served = (environment: string) =>
  story.hosts.find((h) => h.environment === environment)?.serves
const message = (ts: string) => story.messages.find((m) => m.ts === ts)
const everything = (m: unknown) => JSON.stringify(m)

describe('the GitFlow story', () => {
  test('develop: version 0.1.101 is built, pushed, deployed to sandbox, and one Slack message follows it', () => {
    expect(story.develop.version).toBe('0.1.101')
    expect(story.develop.environment).toBe('sandbox')
    expect(story.develop.deploy.exitCode).toBe(0)
    expect(story.develop.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const m = message(story.develop.slackTs)
    expect(everything(m)).toContain('0.1.101 deployed to sandbox')
    expect(m?.attachments?.[0]?.color).toBe('#2EB67D')
  })

  test('preprod: 0.1.102 to staging', () => {
    expect([
      story.preprod.version,
      story.preprod.environment,
      story.preprod.deploy.exitCode
    ]).toEqual(['0.1.102', 'staging', 0])
    expect(served('staging')).toBe('0.1.102')
  })

  test('master: approval refused for someone not an approver, accepted for an approver', () => {
    expect(story.release.refused.exitCode).toBe(1)
    expect(story.release.refused.annotations[0]?.message).toBe(
      'Refused: eve is not an approver (mona, hubot).'
    )
    expect(story.release.approved.exitCode).toBe(0)
    expect(story.release.approved.outputs['approved-by']).toBe('mona')
    expect(story.release.approved.outputs.digest).toBe(story.preprod.digest)
  })

  test('the release is promoted without a rebuild (same digest) and prod runs it; the records say who approved', () => {
    expect(story.release.promote.exitCode).toBe(0)
    expect(story.release.promote.outputs.digest).toBe(story.preprod.digest)
    expect(story.release.deploy.exitCode).toBe(0)
    expect(served('prod')).toBe('0.1.102')
    expect(story.deployments.filter((d) => d.environment === 'prod')).toEqual([
      {
        id: expect.any(Number),
        environment: 'prod',
        version: '0.1.102',
        approvedBy: 'mona',
        states: ['in_progress', 'success']
      }
    ])
    expect(everything(message(story.release.slackTs))).toContain('Approved by mona')
  })

  test("the owner's phone gets one bark push for the release, linking to the run", () => {
    expect(story.pushes).toEqual([
      expect.objectContaining({
        device_key: 'owner-device-key',
        title: '🚀 shop: 0.1.102 deployed to prod',
        level: 'active',
        url: expect.stringMatching(/\/actions\/runs\//)
      })
    ])
    expect(story.pushes[0]!.body).toContain('Version: 0.1.102')
  })

  test('a broken build fails its health check, rolls back, and the Slack message says so', () => {
    expect(story.broken.version).toBe('0.1.104')
    expect(story.broken.deploy.exitCode).toBe(1)
    expect(story.broken.deploy.outputs['rolled-back']).toBe('true')
    expect(served('sandbox')).toBe('0.1.101')
    const m = message(story.broken.slackTs)
    expect(everything(m)).toContain('sandbox rolled back')
    expect(story.deployments.find((d) => d.version === '0.1.104')?.states).toEqual([
      'in_progress',
      'failure'
    ])
  })

  test('every Slack message was posted once and updated in place: one message per pipeline', () => {
    expect(story.messages).toHaveLength(4)
  })
})
