/** Why a deployment's tasks stopped, from DescribeTasks, grouped by reason. Pure. */

/** The fields of ECS's Task this reads. */
export interface TaskView {
  taskArn?: string
  taskDefinitionArn?: string
  startedBy?: string
  lastStatus?: string
  stopCode?: string
  stoppedReason?: string
  stoppedAt?: Date
  containers?: { name?: string; exitCode?: number; reason?: string; lastStatus?: string }[]
}

export interface StoppedTaskGroup {
  /** One line: the task's stopped reason, then each container's exit code or reason. */
  reason: string
  count: number
  /** The newest task with this reason (its id, the ARN's last part). */
  example: string
}

/** A task's reason in one line: `Essential container in task exited; web: exit 1 (OOM…)`. */
export function stoppedReason(task: TaskView): string {
  const containers = (task.containers ?? [])
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map((c) => {
      const exit = c.exitCode === undefined ? '' : `exit ${c.exitCode}`
      const reason = c.reason ?? ''
      return `${c.name ?? 'container'}: ${[exit, reason].filter(Boolean).join(', ')}`
    })
  const head = task.stoppedReason ?? task.stopCode ?? 'stopped'
  return [head, ...containers].join('; ')
}

/**
 * The stopped tasks of one task definition (or of any, when none is given), newest first,
 * grouped by reason, at most `limit` groups.
 */
export function groupStoppedTasks(
  tasks: TaskView[],
  taskDefinitionArn: string | undefined,
  limit = 5
): StoppedTaskGroup[] {
  const newestFirst = tasks
    .filter((t) => taskDefinitionArn === undefined || t.taskDefinitionArn === taskDefinitionArn)
    .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
  const groups = new Map<string, StoppedTaskGroup>()
  for (const task of newestFirst) {
    const reason = stoppedReason(task)
    const group = groups.get(reason)
    if (group) group.count++
    else groups.set(reason, { reason, count: 1, example: taskId(task.taskArn) })
  }
  return [...groups.values()].slice(0, limit)
}

function taskId(arn: string | undefined): string {
  return arn?.split('/').at(-1) ?? 'unknown'
}
