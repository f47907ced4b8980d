/**
 * A message as a reader would see it, as plain text: for the job summary and the log, so the
 * workflow shows what was sent without anyone opening Slack.
 */
import { isPlainObject } from '../json.js'
import { unescapeMrkdwn } from './mrkdwn.js'

const textOf = (v: unknown) =>
  isPlainObject(v) && typeof v.text === 'string' ? unescapeMrkdwn(v.text) : ''

function blockLines(b: unknown): string[] {
  if (!isPlainObject(b)) return []
  switch (b.type) {
    case 'header':
      return [textOf(b.text)]
    case 'section': {
      const lines = b.text ? [textOf(b.text)] : []
      if (Array.isArray(b.fields))
        for (const f of b.fields) lines.push(textOf(f).replace(/^\*([^*\n]+)\*\n/, '$1: '))
      return lines
    }
    case 'context':
      return [Array.isArray(b.elements) ? b.elements.map(textOf).filter(Boolean).join(' ') : '']
    case 'actions':
      return Array.isArray(b.elements)
        ? b.elements
            .filter(isPlainObject)
            .map((e) => `[${textOf(e.text)}]${typeof e.url === 'string' ? ` ${e.url}` : ''}`)
        : []
    case 'divider':
      return ['---']
    case 'markdown':
      return typeof b.text === 'string' ? [b.text] : []
    default:
      return [`(${String(b.type)} block)`]
  }
}

export function renderText(message: unknown): string {
  if (!isPlainObject(message)) return ''
  const lines: string[] = []
  const blocks = (value: unknown) => {
    if (Array.isArray(value)) for (const b of value) lines.push(...blockLines(b))
  }
  blocks(message.blocks)
  if (!Array.isArray(message.blocks) && typeof message.text === 'string')
    lines.push(unescapeMrkdwn(message.text))
  if (Array.isArray(message.attachments)) {
    for (const a of message.attachments) {
      if (!isPlainObject(a)) continue
      for (const key of ['pretext', 'title', 'text'] as const)
        if (typeof a[key] === 'string') lines.push(unescapeMrkdwn(a[key]))
      blocks(a.blocks)
    }
  }
  return lines.filter((l) => l !== '').join('\n')
}
