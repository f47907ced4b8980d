// Types for gitflow.js: what the story returns.
import type { Annotation } from '../harness/file-commands.js'
import type { SandboxDescription } from '../sandbox/description.js'

export interface StoryStep {
  stage: string
  name: string
  action: string
  ms: number
  exitCode: number | null
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
  stdout: string
}

export interface StoryPipeline {
  version: string
  digest: string
  environment: string
  deploy: StoryStep
  slackTs: string
}

export interface StoryResult {
  steps: StoryStep[]
  develop: StoryPipeline
  preprod: StoryPipeline
  release: {
    refused: StoryStep
    approved: StoryStep
    promote: StoryStep
    deploy: StoryStep
    slackTs: string
  }
  broken: StoryPipeline
  hosts: { environment: string; host: string; url: string; serves: string }[]
  messages: {
    ts: string
    channel: string
    text?: string
    blocks?: unknown[]
    attachments?: { color?: string; blocks?: unknown[] }[]
  }[]
  deployments: {
    id: number
    environment: string
    version?: string
    approvedBy?: string
    states: string[]
  }[]
  /** The bark pushes the owner's phone (a stand-in) received: the body notify sent. */
  pushes: { device_key: string; title: string; body: string; url?: string; level: string }[]
  ms: number
}

export function playGitflow(options: {
  sandbox: SandboxDescription
  log?: (line: string) => void
}): Promise<StoryResult>
