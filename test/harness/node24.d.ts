export const TOOLS_DIR: string
export const NODE24_PATH: string
export function ensureNode24(): string
