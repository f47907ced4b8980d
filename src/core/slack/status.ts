/** The pipeline states a notification can report, and how each looks. */
export const STATUSES = [
  'started',
  'succeeded',
  'failed',
  'cancelled',
  'approval-needed',
  'deployed',
  'rolled-back'
] as const

export type Status = (typeof STATUSES)[number]

/** GitHub's `job.status` values (and the US spelling), so `status: ${{ job.status }}` works. */
export const STATUS_ALIASES: Readonly<Record<string, Status>> = {
  success: 'succeeded',
  failure: 'failed',
  canceled: 'cancelled'
}

export function parseStatus(text: string): Status | undefined {
  const value = text.trim().toLowerCase()
  return (STATUSES as readonly string[]).includes(value) ? (value as Status) : STATUS_ALIASES[value]
}

export interface StatusStyle {
  emoji: string
  /** The attachment's colour bar. */
  color: string
  /** Button style of "View workflow": red where something needs looking at. */
  buttonStyle?: 'primary' | 'danger'
}

/** Colours from Slack's own palette: blue, green, red, grey, yellow, orange. */
export const STATUS_STYLE: Readonly<Record<Status, StatusStyle>> = {
  started: { emoji: ':arrow_forward:', color: '#1D9BD1' },
  succeeded: { emoji: ':white_check_mark:', color: '#2EB67D' },
  failed: { emoji: ':x:', color: '#E01E5A', buttonStyle: 'danger' },
  cancelled: { emoji: ':no_entry_sign:', color: '#9E9EA6' },
  'approval-needed': { emoji: ':raised_hand:', color: '#ECB22E', buttonStyle: 'primary' },
  deployed: { emoji: ':rocket:', color: '#2EB67D' },
  'rolled-back': { emoji: ':rewind:', color: '#E8912D', buttonStyle: 'danger' }
}

/** `build failed`, `deploy to prod failed`, `1.4.57 deployed to prod`, … */
export function headline(status: Status, environment?: string, version?: string): string {
  const subject = environment ? `deploy to ${environment}` : 'build'
  switch (status) {
    case 'approval-needed':
      return environment ? `deploy to ${environment} needs approval` : 'approval needed'
    case 'deployed':
      return [version, 'deployed', environment && `to ${environment}`].filter(Boolean).join(' ')
    case 'rolled-back':
      return environment ? `${environment} rolled back` : 'rolled back'
    default:
      return `${subject} ${status}`
  }
}
