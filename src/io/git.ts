/**
 * What git knows about the checkout, for when the CI does not say. Each call is one `git` process
 * with an argument array (no shell); any failure (no git, not a repository, a shallow clone with
 * no tags) is "unknown", never an error: the callers fall back and say so.
 */
import { getExecOutput } from '@actions/exec'

export interface GitInfo {
  /** Names of the tags reachable from HEAD. */
  mergedTags(): Promise<string[] | undefined>
  /** Names of every tag of the repository (a hotfix of an older line does not reach the newest). */
  allTags(): Promise<string[] | undefined>
  /** True for a shallow clone (actions/checkout's default), whose tags and history are partial. */
  isShallow(): Promise<boolean>
  headSha(): Promise<string | undefined>
  currentBranch(): Promise<string | undefined>
  /** Author name and message of a commit; {} when git cannot say. */
  commit(ref?: string): Promise<{ author?: string; message?: string }>
}

/** One git process through @actions/exec, silent (its output is data, never printed raw). */
async function git(args: string[], cwd: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, 10_000, undefined)
    timer.unref()
  })
  try {
    const result = await Promise.race([
      getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true }),
      timeout
    ])
    return result && result.exitCode === 0 ? result.stdout.trim() : undefined
  } catch {
    return undefined // no git on PATH
  } finally {
    clearTimeout(timer)
  }
}

export function gitInfo(cwd: string = process.cwd()): GitInfo {
  return {
    async mergedTags() {
      const out = await git(['tag', '--merged', 'HEAD'], cwd)
      return out === undefined ? undefined : out.split('\n').filter(Boolean)
    },
    async allTags() {
      const out = await git(['tag', '--list'], cwd)
      return out === undefined ? undefined : out.split('\n').filter(Boolean)
    },
    async isShallow() {
      return (await git(['rev-parse', '--is-shallow-repository'], cwd)) === 'true'
    },
    headSha: () => git(['rev-parse', '--verify', 'HEAD'], cwd),
    async commit(ref = 'HEAD') {
      const out = await git(['log', '-1', '--format=%an%x00%B', ref, '--'], cwd)
      if (out === undefined) return {}
      const [author, ...message] = out.split('\0')
      return {
        author: author?.trim() || undefined,
        message: message.join('\0').trim() || undefined
      }
    },
    async currentBranch() {
      const out = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd)
      return out || undefined
    }
  }
}
