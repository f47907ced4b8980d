/**
 * The "last stable revision" record, kept as tags on the ECS service itself: it survives between
 * runs and runners, and ops see (and can edit) it in the console or with
 * `aws ecs list-tags-for-resource`. Two tags: the task definition of the latest rollout that
 * COMPLETED, and the stable one before it, which is where `rollback-to: previous` goes when the
 * service runs the latest stable one. Not "revision − 1": revisions that never became stable
 * (failed, rolled back, registered but never deployed) are not rollback targets. Pure.
 */

export const LAST_STABLE_TAG = 'gantry:last-stable-task-definition'
export const PREVIOUS_STABLE_TAG = 'gantry:previous-stable-task-definition'

/** ECS tag values: at most 256 characters. */
const MAX_TAG_VALUE = 256

export interface StableRecord {
  last?: string
  previous?: string
}

export interface Tag {
  key?: string
  value?: string
}

export function readStableRecord(tags: Tag[]): StableRecord {
  const value = (key: string) => tags.find((t) => t.key === key)?.value?.trim() || undefined
  const last = value(LAST_STABLE_TAG)
  const previous = value(PREVIOUS_STABLE_TAG)
  return { ...(last ? { last } : {}), ...(previous ? { previous } : {}) }
}

/**
 * Where `rollback-to: previous` goes. A service on its latest stable revision goes to the one
 * before; a service on anything else (a rollout that never became stable, a revision deployed by
 * other means) goes back to the latest stable one.
 */
export function rollbackTarget(
  record: StableRecord,
  current: string | undefined
): { taskDefinition: string; why: string } | { error: string } {
  if (record.last === undefined) {
    return {
      error: `no stable revision is recorded on the service (tag \`${LAST_STABLE_TAG}\` is absent): it is set after each rollout that completes`
    }
  }
  if (record.last !== current) {
    return {
      taskDefinition: record.last,
      why: 'the last revision that was stable (the service does not run it now)'
    }
  }
  if (record.previous === undefined) {
    return {
      error: `the service runs the last stable revision (${record.last}) and no stable revision before it is recorded (tag \`${PREVIOUS_STABLE_TAG}\`)`
    }
  }
  return {
    taskDefinition: record.previous,
    why: 'the stable revision before the one the service runs now'
  }
}

export interface StableTransition {
  /** The task definition whose rollout just COMPLETED. */
  deployed: string
  /** What the service ran before, and whether it was steady then. */
  before?: string
  beforeWasSteady: boolean
}

/** The record after a rollout completed. */
export function nextStableRecord(record: StableRecord, t: StableTransition): StableRecord {
  if (t.deployed === record.last) return record
  // Back to the previous stable one (a rollback): what came before that is not known.
  if (t.deployed === record.previous) return { last: t.deployed }
  const previous = t.beforeWasSteady && t.before && t.before !== t.deployed ? t.before : record.last
  return { last: t.deployed, ...(previous ? { previous } : {}) }
}

/** The tags that store a record (an empty value: nothing recorded), or why they cannot. */
export function stableRecordTags(
  record: StableRecord
): { tags: { key: string; value: string }[] } | { error: string } {
  const tags = [
    { key: LAST_STABLE_TAG, value: record.last ?? '' },
    { key: PREVIOUS_STABLE_TAG, value: record.previous ?? '' }
  ]
  const tooLong = tags.find((t) => t.value.length > MAX_TAG_VALUE)
  if (tooLong) {
    return {
      error: `${tooLong.value} is longer than the ${MAX_TAG_VALUE} characters an ECS tag value may have`
    }
  }
  return { tags }
}
