export const ROOT: string
export function actionNames(): string[]
export const GITHUB_ONLY: Record<string, string>
export function orbActionNames(): string[]
export function readActionYml(name: string): {
  name: string
  description: string
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
  runs: { using: string; main: string; post?: string }
}
export function renderTables(name: string): string
export function updateDocs(text: string, names: string[], file: string): string
