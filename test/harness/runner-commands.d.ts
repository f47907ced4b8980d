// Types for runner-commands.js.
export interface RunnerCommand {
  name: string
  properties: Record<string, string>
  data: string
  line: string
}
export const REGISTERED: string[]
export const HOSTILE_LINES: string[]
export function runnerLines(text: string): string[]
export function parseV2(
  line: string,
  registered: Set<string>
): Omit<RunnerCommand, 'line'> | undefined
export function parseLegacy(
  line: string,
  registered: Set<string>
): Omit<RunnerCommand, 'line'> | undefined
export function runnerCommands(text: string): { commands: RunnerCommand[]; stopped: boolean }
export function actedOn(text: string): { commands: RunnerCommand[]; stopped: boolean }
