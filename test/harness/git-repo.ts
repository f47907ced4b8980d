import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway git repository with one commit per tag, for actions that read git. */
export function gitRepo(
  options: { tags?: string[]; branch?: string; files?: Record<string, string> } = {}
): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-repo-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com'
      }
    })
  git('init', '-q', '-b', options.branch ?? 'main')
  for (const [path, text] of Object.entries(options.files ?? {}))
    writeFileSync(join(dir, path), text)
  git('add', '-A')
  git('commit', '-q', '--allow-empty', '-m', 'initial')
  for (const tag of options.tags ?? []) {
    git('commit', '-q', '--allow-empty', '-m', tag)
    git('tag', tag)
  }
  return dir
}
