/**
 * Slack's documented limits, enforced by truncation with an ellipsis so that a long commit
 * message or a big custom payload never turns into a failed post (`invalid_blocks`). The pass
 * walks any JSON object (our templates and custom payloads alike) and returns what it cut.
 *
 * Sources: docs.slack.dev Block Kit reference (header text 150; section text 3000, at most 10
 * fields of 2000; context at most 10 elements; actions at most 25 elements; button text 75,
 * url 3000, value 2000; 50 blocks per message; markdown block 12000) and chat.postMessage
 * (`text` is truncated by Slack past 40,000 characters, and messages past 4,000 may be split
 * into several, which would break `update-ts`; so the fallback text is held to 4,000).
 */
import { isPlainObject, type JsonObject } from '../json.js'
export const LIMITS = {
  text: 4000,
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  markdownText: 12000,
  blockId: 255
} as const

import { ELLIPSIS, truncate } from '../message/text.js'

const more = (n: number) => ({ type: 'mrkdwn', text: `${ELLIPSIS} ${n} more` })
const contextNote = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] })

export interface LimitResult<T> {
  message: T
  /** What was cut, e.g. `blocks[0].text.text: 10000 → 150 characters`. */
  truncated: string[]
}

/** A copy of the message within Slack's limits; the input is not modified. */
export function enforceLimits<T extends object>(message: T): LimitResult<T> {
  const truncated: string[] = []
  const copy = structuredClone(message) as unknown as JsonObject
  const cutText = (owner: JsonObject, key: string, max: number, path: string) => {
    const value = owner[key]
    if (typeof value === 'string' && value.length > max) {
      owner[key] = truncate(value, max)
      truncated.push(`${path}: ${value.length} → ${max} characters`)
    }
  }
  const cutTextObject = (owner: JsonObject, key: string, max: number, path: string) => {
    const value = owner[key]
    if (isPlainObject(value)) cutText(value, 'text', max, `${path}.${key}.text`)
  }
  const cutList = (owner: JsonObject, key: string, max: number, path: string) => {
    const list = owner[key]
    if (Array.isArray(list) && list.length > max) {
      owner[key] = [...list.slice(0, max - 1), more(list.length - max + 1)]
      truncated.push(`${path}.${key}: ${list.length} → ${max} items`)
    }
  }

  const element = (el: unknown, path: string) => {
    if (!isPlainObject(el)) return
    if (el.type === 'button') {
      cutTextObject(el, 'text', LIMITS.buttonText, path)
      cutText(el, 'value', LIMITS.buttonValue, `${path}.value`)
    } else if (el.type === 'mrkdwn' || el.type === 'plain_text') {
      cutText(el, 'text', LIMITS.contextText, `${path}.text`)
    }
  }

  const block = (b: unknown, path: string) => {
    if (!isPlainObject(b)) return
    cutText(b, 'block_id', LIMITS.blockId, `${path}.block_id`)
    switch (b.type) {
      case 'header':
        cutTextObject(b, 'text', LIMITS.headerText, path)
        break
      case 'section':
        cutTextObject(b, 'text', LIMITS.sectionText, path)
        cutList(b, 'fields', LIMITS.sectionFields, path)
        if (Array.isArray(b.fields))
          b.fields.forEach(
            (f, i) =>
              isPlainObject(f) && cutText(f, 'text', LIMITS.fieldText, `${path}.fields[${i}].text`)
          )
        element(b.accessory, `${path}.accessory`)
        break
      case 'context':
        cutList(b, 'elements', LIMITS.contextElements, path)
        if (Array.isArray(b.elements))
          b.elements.forEach((e, i) => element(e, `${path}.elements[${i}]`))
        break
      case 'actions':
        if (Array.isArray(b.elements) && b.elements.length > LIMITS.actionsElements) {
          truncated.push(`${path}.elements: ${b.elements.length} → ${LIMITS.actionsElements} items`)
          b.elements = b.elements.slice(0, LIMITS.actionsElements)
        }
        if (Array.isArray(b.elements))
          b.elements.forEach((e, i) => element(e, `${path}.elements[${i}]`))
        break
      case 'markdown':
        cutText(b, 'text', LIMITS.markdownText, `${path}.text`)
        break
    }
  }

  cutText(copy, 'text', LIMITS.text, 'text')
  // The 50-block limit counts the blocks of the message and of its attachments together.
  let budget: number = LIMITS.blocks
  const blockList = (owner: JsonObject, prefix: string) => {
    const list = owner.blocks
    if (!Array.isArray(list)) return
    if (list.length > budget) {
      truncated.push(`${prefix}blocks: ${list.length} → ${budget} blocks (50 per message)`)
      const kept = list.slice(0, Math.max(0, budget - 1))
      const note = `${ELLIPSIS} ${list.length - kept.length} more blocks not shown`
      owner.blocks = budget > 0 ? [...kept, contextNote(note)] : []
    }
    const blocks = owner.blocks as unknown[]
    budget -= blocks.length
    blocks.forEach((b, i) => block(b, `${prefix}blocks[${i}]`))
  }
  blockList(copy, '')
  if (Array.isArray(copy.attachments))
    copy.attachments.forEach((a, i) => isPlainObject(a) && blockList(a, `attachments[${i}].`))
  return { message: copy as unknown as T, truncated }
}
