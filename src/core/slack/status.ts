/** How each pipeline state looks in Slack; the states themselves are src/core/message/status.ts. */
import { type Status, STATUS_LOOK } from '../message/status.js'

export interface StatusStyle {
  emoji: string
  /** The attachment's colour bar. */
  color: string
  /** Button style of "View workflow": red where something needs looking at. */
  buttonStyle?: 'primary' | 'danger'
}

const BUTTON_STYLE: Partial<Record<Status, StatusStyle['buttonStyle']>> = {
  failed: 'danger',
  'approval-needed': 'primary',
  'rolled-back': 'danger'
}

export const STATUS_STYLE: Readonly<Record<Status, StatusStyle>> = Object.fromEntries(
  Object.entries(STATUS_LOOK).map(([status, look]) => {
    const buttonStyle = BUTTON_STYLE[status as Status]
    return [
      status,
      { emoji: look.slackEmoji, color: look.color, ...(buttonStyle ? { buttonStyle } : {}) }
    ]
  })
) as Record<Status, StatusStyle>
