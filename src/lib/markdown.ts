/** Job-summary markdown: tables whose cells cannot break the table or inject markup. */
export function escapeCell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>')
}

export function code(value: string): string {
  return value === '' ? '' : `<code>${escapeCell(value)}</code>`
}

/** Cells are escaped here; pass markup (e.g. from code()) through `raw`. */
export function table(header: string[], rows: (string | { raw: string })[][]): string {
  const cell = (c: string | { raw: string }) => (typeof c === 'string' ? escapeCell(c) : c.raw)
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(header.map(escapeCell)),
    line(header.map(() => '---')),
    ...rows.map((r) => line(r.map(cell)))
  ].join('\n')
}

export function summary(title: string, body: string): string {
  return `### ${escapeCell(title)}\n\n${body}\n`
}

/** Preformatted text in a summary: HTML-escaped, newlines kept. */
export function pre(text: string): string {
  return `<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`
}
