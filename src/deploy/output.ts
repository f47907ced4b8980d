/**
 * The one way a line a host printed reaches the log. Host output is untrusted (a compromised or
 * merely odd host can print anything), so whatever makes it safe to show belongs here, once.
 * Lines keep the `[user@host]   line` shape: the host prefix is added by the caller's log. What
 * Gantry says about the host's state in the host's words (a swarm's messages, service names) goes
 * through here too.
 */
export function hostOutputLine(line: string): string {
  return `  ${line}`
}
