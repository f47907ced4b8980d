/** Steps over one verified SSH connection (src/io/ssh.ts; it loads ssh2 only to connect). */
import { formatHostSpec } from '../../core/hosts.js'
import { connectSsh, HostKeyRefusedError, type RemoteShell, type SshTarget } from '../../io/ssh.js'
import { ConnectionLostError, type StepRunner } from '../step.js'
import { shellRunner } from './shell.js'

export type OpenShell = (target: SshTarget) => Promise<RemoteShell>

/** Connects (host key verified first) and returns a runner; errors name the host. */
export async function sshRunner(
  target: SshTarget,
  open: OpenShell = connectSsh
): Promise<StepRunner> {
  let shell: RemoteShell
  try {
    shell = await open(target)
  } catch (error) {
    // A refused host key is no lost connection: it must never be retried.
    if (error instanceof HostKeyRefusedError) throw error
    throw new ConnectionLostError(error instanceof Error ? error.message : String(error))
  }
  return shellRunner(
    formatHostSpec(target),
    async (script, options) => {
      try {
        return await shell.exec(script, options)
      } catch (error) {
        throw new ConnectionLostError(error instanceof Error ? error.message : String(error))
      }
    },
    () => shell.close().catch(() => undefined)
  )
}
