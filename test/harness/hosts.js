// Reaching the sandbox's deploy hosts as their owner would, for tests, the story and benchmarks:
// a command over OpenSSH (host key checked), and the version the demo app there serves.
import { execFileSync } from 'node:child_process'

/**
 * Runs a shell script on a sandbox host as its user (its own Docker engine), `input` on its
 * stdin; throws on failure (the error carries `status`, `stdout` and `stderr`).
 */
export function onHost(sandbox, host, script, input) {
  return execFileSync(
    'ssh',
    [
      '-i',
      sandbox.ssh.privateKeyPath,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${host.knownHostsFile}`,
      `${host.user}@${host.address}`,
      script
    ],
    { encoding: 'utf8', ...(input === undefined ? {} : { input, stdio: ['pipe', 'pipe', 'pipe'] }) }
  )
}

/** What the demo app on that host answers at /version, or why it does not answer. */
export async function servedVersion(host) {
  try {
    const res = await fetch(`${host.appUrl}/version`, { signal: AbortSignal.timeout(3000) })
    return (await res.text()).trim()
  } catch (error) {
    return `unreachable (${error.message})`
  }
}
