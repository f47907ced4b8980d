/**
 * The Slack message as data: the few Block Kit shapes our templates build, and a loose shape for
 * custom payloads (any JSON object), which the limit and validation passes walk generically.
 */
export interface PlainText {
  type: 'plain_text'
  text: string
  emoji?: boolean
}

export interface Mrkdwn {
  type: 'mrkdwn'
  text: string
  /** true: no automatic parsing of names and URLs; explicit `<…>` syntax still works. */
  verbatim?: boolean
}

export type TextObject = PlainText | Mrkdwn

export interface Button {
  type: 'button'
  text: PlainText
  url?: string
  style?: 'primary' | 'danger'
  action_id?: string
}

export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: Button[] }
  | { type: 'divider' }

export interface Attachment {
  color?: string
  fallback?: string
  blocks?: Block[]
}

/** What chat.postMessage, chat.update and incoming webhooks accept (the parts we set). */
export interface SlackMessage {
  /** Notification and accessibility text; shown as the message only when there are no blocks. */
  text?: string
  blocks?: Block[]
  attachments?: Attachment[]
  [key: string]: unknown
}

export const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true })
export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text, verbatim: true })
