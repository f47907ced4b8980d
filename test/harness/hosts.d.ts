// Types for hosts.js.
import type { SandboxDescription, SandboxHost } from '../sandbox/description.js'

export function onHost(
  sandbox: SandboxDescription,
  host: SandboxHost,
  script: string,
  input?: string
): string
export function servedVersion(host: SandboxHost): Promise<string>
