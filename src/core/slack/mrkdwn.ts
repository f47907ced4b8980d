/**
 * Slack's mrkdwn uses `&`, `<` and `>` as control characters: `<!channel>` pings everyone,
 * `<https://x|label>` is a link. Text the user does not control (commit messages, branch names,
 * authors) is escaped so it can do neither. Text the workflow author writes (`text`, `fields`)
 * keeps its links but not its mentions: mentions come only from the `mention` input.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The text as a reader sees it: entities decoded, mentions as `@…`, links as `label (url)`. */
export function unescapeMrkdwn(text: string): string {
  return text
    .replace(/<!subteam\^([^<>|]+)\|([^<>]*)>/g, '$2')
    .replace(/<!subteam\^([^<>|]+)>/g, '@$1')
    .replace(/<!(here|channel|everyone)(\|[^<>]*)?>/g, '@$1')
    .replace(/<[@#]([^<>|]+)\|([^<>]*)>/g, '$2')
    .replace(/<([@#])([^<>|]+)>/g, '$1$2')
    .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2 ($1)')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const LINK = /<((?:https?:\/\/|mailto:)[^<>|\s]+)(?:\|([^<>]*))?>/g

/** Escapes everything except explicit http(s)/mailto links, whose labels are escaped too. */
export function sanitizeMrkdwn(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(LINK)) {
    out += escapeMrkdwn(text.slice(last, match.index))
    const [, url = '', label] = match
    out += label === undefined ? `<${url}>` : `<${url}|${escapeMrkdwn(label)}>`
    last = match.index + match[0].length
  }
  return out + escapeMrkdwn(text.slice(last))
}

/** A link whose URL cannot end the link early and whose label cannot inject markup. */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E')
  return `<${safeUrl}|${escapeMrkdwn(label)}>`
}

/** Inline code that shows the text as is (escaped; a backtick cannot close it early). */
export function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``
}

const SPECIAL: Record<string, string> = {
  here: '<!here>',
  channel: '<!channel>',
  everyone: '<!everyone>'
}

/**
 * One mention as Slack wants it. Slack only pings IDs, so names (`@alice`) are refused:
 * `@here`/`@channel`/`@everyone`, a user ID (`U…`/`W…` or `<@U…>`), or a user group ID
 * (`S…` or `<!subteam^S…>`). Undefined when the text is none of these.
 */
export function normalizeMention(text: string): string | undefined {
  const value = text.trim()
  const special = SPECIAL[value.replace(/^[@!]/, '').toLowerCase()]
  if (special) return special
  if (/^<@[UW][A-Z0-9]{2,}>$/.test(value)) return value
  if (/^<!subteam\^S[A-Z0-9]{2,}(\|[^<>]*)?>$/.test(value)) return value
  if (/^@?[UW][A-Z0-9]{6,}$/.test(value)) return `<@${value.replace(/^@/, '')}>`
  if (/^(!?subteam\^)?S[A-Z0-9]{6,}$/.test(value))
    return `<!subteam^${value.replace(/^!?subteam\^/, '')}>`
  return undefined
}
