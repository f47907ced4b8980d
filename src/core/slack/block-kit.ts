/**
 * Structural checks of a message against the Block Kit reference, for the block types a CI
 * message uses: what Slack would answer `invalid_blocks` or `invalid_attachments` for. Custom
 * payloads are checked before sending so the warning names the place (`blocks[2].text`) instead
 * of Slack's bare error code. Block types not listed here are left to Slack.
 */
import { isPlainObject, type JsonObject } from '../json.js'
import { LIMITS } from './limits.js'

export function blockKitProblems(message: unknown): string[] {
  const problems: string[] = []
  const problem = (path: string, text: string) => problems.push(`${path}: ${text}`)

  const textObject = (value: unknown, path: string, max: number, only?: 'plain_text') => {
    if (!isPlainObject(value)) return problem(path, 'expected a text object ({ type, text })')
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn')
      return problem(`${path}.type`, 'expected `plain_text` or `mrkdwn`')
    if (only && value.type !== only) problem(`${path}.type`, `expected \`${only}\``)
    if (typeof value.text !== 'string' || value.text === '')
      return problem(`${path}.text`, 'expected non-empty text')
    if (value.text.length > max) problem(`${path}.text`, `longer than ${max} characters`)
  }

  const list = (value: unknown, path: string, max: number, min = 1): unknown[] => {
    if (!Array.isArray(value)) {
      problem(path, 'expected a list')
      return []
    }
    if (value.length < min) problem(path, `expected at least ${min} item${min > 1 ? 's' : ''}`)
    if (value.length > max) problem(path, `more than ${max} items`)
    return value
  }

  const button = (el: JsonObject, path: string) => {
    textObject(el.text, `${path}.text`, LIMITS.buttonText, 'plain_text')
    if (el.url !== undefined && (typeof el.url !== 'string' || !/^https?:\/\//.test(el.url)))
      problem(`${path}.url`, 'expected an http(s) URL')
    if (typeof el.url === 'string' && el.url.length > 3000)
      problem(`${path}.url`, 'longer than 3000 characters')
    if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger')
      problem(`${path}.style`, 'expected `primary` or `danger`')
  }

  const block = (b: unknown, path: string) => {
    if (!isPlainObject(b) || typeof b.type !== 'string')
      return problem(path, 'expected a block ({ type, … })')
    switch (b.type) {
      case 'header':
        return textObject(b.text, `${path}.text`, LIMITS.headerText, 'plain_text')
      case 'section':
        if (b.text === undefined && b.fields === undefined)
          return problem(path, 'expected `text` or `fields`')
        if (b.text !== undefined) textObject(b.text, `${path}.text`, LIMITS.sectionText)
        if (b.fields !== undefined)
          list(b.fields, `${path}.fields`, LIMITS.sectionFields).forEach((f, i) =>
            textObject(f, `${path}.fields[${i}]`, LIMITS.fieldText)
          )
        if (isPlainObject(b.accessory) && b.accessory.type === 'button')
          button(b.accessory, `${path}.accessory`)
        return
      case 'context':
        return list(b.elements, `${path}.elements`, LIMITS.contextElements).forEach((e, i) => {
          if (isPlainObject(e) && e.type === 'image') return
          textObject(e, `${path}.elements[${i}]`, LIMITS.contextText)
        })
      case 'actions':
        return list(b.elements, `${path}.elements`, LIMITS.actionsElements).forEach((e, i) => {
          if (isPlainObject(e) && e.type === 'button') button(e, `${path}.elements[${i}]`)
        })
      case 'divider':
        return
      case 'image':
        if (typeof b.image_url !== 'string' && !isPlainObject(b.slack_file))
          problem(`${path}.image_url`, 'expected a URL')
        if (typeof b.alt_text !== 'string' || b.alt_text === '')
          problem(`${path}.alt_text`, 'expected text')
        return
    }
  }

  if (!isPlainObject(message)) return ['message: expected an object']
  let count = 0
  const blocks = (value: unknown, path: string) => {
    if (value === undefined) return
    const items = list(value, path, LIMITS.blocks, 0)
    count += items.length
    items.forEach((b, i) => block(b, `${path}[${i}]`))
  }
  if (message.text !== undefined && typeof message.text !== 'string')
    problem('text', 'expected text')
  if (typeof message.text === 'string' && message.text.length > LIMITS.text)
    problem('text', `longer than ${LIMITS.text} characters`)
  blocks(message.blocks, 'blocks')
  if (message.attachments !== undefined)
    list(message.attachments, 'attachments', 100, 0).forEach((a, i) => {
      if (!isPlainObject(a)) return problem(`attachments[${i}]`, 'expected an object')
      if (
        a.color !== undefined &&
        (typeof a.color !== 'string' || !/^(#[0-9A-Fa-f]{6}|good|warning|danger)$/.test(a.color))
      )
        problem(`attachments[${i}].color`, 'expected #RRGGBB, `good`, `warning` or `danger`')
      blocks(a.blocks, `attachments[${i}].blocks`)
    })
  if (count > LIMITS.blocks) problem('blocks', `${count} blocks in all: more than ${LIMITS.blocks}`)
  return problems
}
