/**
 * The pipeline states a notification can report, their headlines, and how each looks in any
 * service: every sink (Slack, Discord, Teams, ntfy, bark, JSON webhooks) reads this one table.
 */
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

export const STATUS_LIST = `one of ${STATUSES.map((s) => `\`${s}\``).join(', ')} (or GitHub's \`success\`, \`failure\`)`

export interface StatusLook {
  /** `#RRGGBB`: Slack's colour bar, Discord's embed colour. */
  color: string
  /** Shown before the headline where a service has no emoji codes of its own. */
  emoji: string
  /** Slack's emoji code. */
  slackEmoji: string
  /** Needs someone to look: a louder notification (ntfy priority, bark level, red buttons). */
  urgency: 'low' | 'normal' | 'high'
  /** Adaptive Cards' named colours for the headline. */
  cardColor: 'Accent' | 'Good' | 'Attention' | 'Warning' | 'Default'
}

/** Colours from Slack's own palette: blue, green, red, grey, yellow, orange. */
export const STATUS_LOOK: Readonly<Record<Status, StatusLook>> = {
  started: {
    color: '#1D9BD1',
    emoji: '▶️',
    slackEmoji: ':arrow_forward:',
    urgency: 'low',
    cardColor: 'Accent'
  },
  succeeded: {
    color: '#2EB67D',
    emoji: '✅',
    slackEmoji: ':white_check_mark:',
    urgency: 'normal',
    cardColor: 'Good'
  },
  failed: {
    color: '#E01E5A',
    emoji: '❌',
    slackEmoji: ':x:',
    urgency: 'high',
    cardColor: 'Attention'
  },
  cancelled: {
    color: '#9E9EA6',
    emoji: '🚫',
    slackEmoji: ':no_entry_sign:',
    urgency: 'low',
    cardColor: 'Default'
  },
  'approval-needed': {
    color: '#ECB22E',
    emoji: '✋',
    slackEmoji: ':raised_hand:',
    urgency: 'high',
    cardColor: 'Warning'
  },
  deployed: {
    color: '#2EB67D',
    emoji: '🚀',
    slackEmoji: ':rocket:',
    urgency: 'normal',
    cardColor: 'Good'
  },
  'rolled-back': {
    color: '#E8912D',
    emoji: '⏪',
    slackEmoji: ':rewind:',
    urgency: 'high',
    cardColor: 'Warning'
  }
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
