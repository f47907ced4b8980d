export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: Record<string, string>
}
export function parseFileCommands(text: string): Record<string, string>
export function parseAnnotations(stdout: string): Annotation[]
