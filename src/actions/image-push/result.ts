/** One reference the action pushed or promoted, as the summary and the outputs report it. */
export interface PushResult {
  reference: string
  digest: string
  outcome: 'pushed' | 'promoted' | 'unchanged'
  /** For an index: the platforms it carries. */
  platforms?: string[]
}

export type OnResult = (result: PushResult) => void
