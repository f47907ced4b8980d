// Renders the story's result as one HTML page: each Slack message as Slack would show it (Block
// Kit: header, sections, fields, buttons, context, the colour bar), each step's job summary, and
// the final state of every host, then the failed requests of recreate and blue-green under load. No dependencies; user text is escaped everywhere.

const esc = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
const unentity = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const EMOJI = {
  ':arrow_forward:': '▶️',
  ':white_check_mark:': '✅',
  ':x:': '❌',
  ':no_entry_sign:': '🚫',
  ':raised_hand:': '✋',
  ':rocket:': '🚀',
  ':rewind:': '⏪'
}
const emoji = (s) => s.replace(/:[a-z_]+:/g, (m) => EMOJI[m] ?? m)

/** Slack mrkdwn → HTML: links and mentions, *bold*, _italic_, ~strike~, `code`; all else escaped. */
export function mrkdwn(text) {
  const parts = String(text ?? '').split(/(<[^<>]+>)/)
  return parts
    .map((part) => {
      const link = /^<([^<>|]+)(?:\|([^<>]*))?>$/.exec(part)
      if (link) {
        const [, target, label] = link
        if (target.startsWith('!'))
          return `<b class="mention">@${esc(target.slice(1).split('^')[0])}</b>`
        if (/^[@#][A-Z0-9]+$/.test(target)) return `<b class="mention">${esc(label ?? target)}</b>`
        return `<a href="${esc(unentity(target))}">${esc(unentity(label ?? target))}</a>`
      }
      return emoji(esc(unentity(part)))
        .replace(/`([^`\n]+)`/g, '<code>$1</code>')
        .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
        .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
        .replace(/(^|[\s(])~([^~\n]+)~/g, '$1<s>$2</s>')
        .replace(/\n/g, '<br>')
    })
    .join('')
}

const textOf = (t) => (t?.type === 'mrkdwn' ? mrkdwn(t.text) : emoji(esc(t?.text)))

function block(b) {
  switch (b.type) {
    case 'header':
      return `<div class="header">${textOf(b.text)}</div>`
    case 'section':
      return `<div class="section">${b.text ? `<div>${textOf(b.text)}</div>` : ''}${b.fields ? `<div class="fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>` : ''}</div>`
    case 'context':
      return `<div class="context">${(b.elements ?? []).map((e) => textOf(e)).join(' ')}</div>`
    case 'actions':
      return `<div class="actions">${(b.elements ?? []).map((e) => `<a class="button ${esc(e.style ?? '')}" href="${esc(e.url ?? '#')}">${textOf(e.text)}</a>`).join('')}</div>`
    case 'divider':
      return '<hr>'
    default:
      return `<div class="context">(${esc(b.type)} block)</div>`
  }
}

export function slackMessage(m) {
  const attachments = (m.attachments ?? [])
    .map(
      (a) =>
        `<div class="attachment" style="border-left-color:${esc(a.color ?? '#ddd')}">${(a.blocks ?? []).map(block).join('')}</div>`
    )
    .join('')
  return `<div class="slack"><div class="bot">gantry-bot <span class="app">APP</span> ${m.edited ? '<span class="edited">(edited)</span>' : ''}</div>${(m.blocks ?? []).map(block).join('')}${attachments}</div>`
}

/** The job summaries' markdown: headings, pipe tables (cells already escaped), paragraphs. */
export function summaryHtml(markdown) {
  const out = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('### ')) out.push(`<h4>${line.slice(4)}</h4>`)
    else if (line.startsWith('|')) {
      const rows = []
      for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i])
      i--
      const cells = (row) =>
        row
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/\\\|/g, '|'))
      const [head, , ...body] = rows
      out.push(
        `<table><tr>${cells(head)
          .map((c) => `<th>${c}</th>`)
          .join('')}</tr>${body
          .map(
            (r) =>
              `<tr>${cells(r)
                .map((c) => `<td>${c}</td>`)
                .join('')}</tr>`
          )
          .join('')}</table>`
      )
    } else if (line.trim()) out.push(`<p>${line.startsWith('<pre>') ? line : esc(line)}</p>`)
  }
  return out.join('\n')
}

/** The load chapter: requests, failed requests and latency of each strategy's upgrade. */
export function blueGreenSection(chapter) {
  if (!chapter) return ''
  return `<section><h2>One release to prod under load: recreate beside blue-green</h2>
<p>The same upgrade (v1 → v2 of the demo app) on <code>${esc(chapter.host)}</code> through the real <code>ssh-deploy</code> bundle, under 16 keep-alive clients (GET and POST, loopback): <code>strategy: recreate</code> replaces the container; <code>strategy: blue-green</code> starts v2 beside v1 and HAProxy switches once it is healthy.</p>
<table><tr><th>strategy</th><th>requests</th><th>failed</th><th>failures</th><th>p50</th><th>p99</th><th>upgrade</th></tr>
${chapter.rows.map((r) => `<tr class="${r.failed === 0 ? 'ok' : 'bad'}"><td>${esc(r.name)}</td><td>${esc(r.requests)}</td><td>${esc(r.failed)}</td><td>${esc(r.failures)}</td><td>${esc(r.p50Ms)} ms</td><td>${esc(r.p99Ms)} ms</td><td>${esc((r.ms / 1000).toFixed(1))} s</td></tr>`).join('\n')}</table></section>`
}

export function renderReport(story, blueGreen) {
  const stages = [...new Set(story.steps.map((s) => s.stage))]
  const ts = {
    'develop → sandbox': story.develop.slackTs,
    'preprod → staging': story.preprod.slackTs,
    'master → prod': story.release.slackTs,
    'broken build → sandbox': story.broken.slackTs
  }
  const section = (stage) => {
    const steps = story.steps.filter((s) => s.stage === stage)
    const message = story.messages.find((m) => m.ts === ts[stage])
    return `<section><h2>${esc(stage)}</h2>
<div class="cols"><div>
<table class="timeline"><tr><th></th><th>step</th><th>ms</th><th>result</th></tr>
${steps.map((s) => `<tr class="${s.exitCode === 0 ? 'ok' : 'bad'}"><td>${s.exitCode === 0 ? '✓' : '✗'}</td><td>${esc(s.name)}</td><td>${s.ms}</td><td>${esc(s.annotations.find((a) => a.level === 'error')?.message ?? '')}</td></tr>`).join('\n')}
</table>
${steps
  .filter((s) => s.summary)
  .map(
    (s) =>
      `<details><summary>${esc(s.name)}: job summary</summary><div class="summary">${summaryHtml(s.summary)}</div></details>`
  )
  .join('\n')}
</div><div><h3>Slack, #deploys</h3>${message ? slackMessage(message) : '<p>(no message)</p>'}</div></div></section>`
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Gantry demo: the GitFlow pipeline</title><style>
body{font:14px/1.45 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1200px;color:#1d1c1d}
h1{font-size:22px}h2{border-bottom:1px solid #ddd;padding-bottom:4px}.cols{display:grid;grid-template-columns:3fr 2fr;gap:24px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #e3e3e3;padding:3px 8px;text-align:left;vertical-align:top}
tr.bad td{background:#fdecef}tr.ok td:first-child{color:#2eb67d}tr.bad td:first-child{color:#e01e5a}
.summary{background:#f6f8fa;padding:8px;border-radius:6px}.summary h4{margin:4px 0}
.slack{border:1px solid #e0e0e0;border-radius:8px;padding:10px 14px;background:#fff;box-shadow:0 1px 3px #0001}
.bot{font-weight:700}.app{font-size:10px;background:#eee;border-radius:3px;padding:0 3px;color:#555}.edited{color:#888;font-weight:400;font-size:12px}
.header{font-size:17px;font-weight:700;margin:6px 0}.attachment{border-left:4px solid #ddd;padding:2px 0 2px 12px;margin:6px 0}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin:6px 0}.context{color:#616061;font-size:12px;margin:6px 0}
.button{display:inline-block;border:1px solid #ccc;border-radius:4px;padding:3px 10px;margin:4px 6px 4px 0;color:#1d1c1d;text-decoration:none;font-weight:600}
.button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}
code{background:#f3f3f3;border:1px solid #e5e5e5;border-radius:3px;padding:0 3px;color:#e01e5a;font-size:12px}.mention{background:#e8f5fa;color:#1264a3}
</style></head><body>
<h1>Gantry demo: the GitFlow pipeline of acme/shop</h1>
<p>Played through the real action bundles against the local sandbox (real sshd hosts with their own Docker engines, a real registry, a Slack-compatible endpoint) in ${(story.ms / 1000).toFixed(1)} s.</p>
${stages.map(section).join('\n')}
<section><h2>Final state of every host</h2><table><tr><th>environment</th><th>host</th><th>serves</th></tr>
${story.hosts.map((h) => `<tr><td>${esc(h.environment)}</td><td><code>${esc(h.host)}</code></td><td>${esc(h.serves)}</td></tr>`).join('\n')}</table>
<h2>Deployment records (GitHub Environments page)</h2><table><tr><th>#</th><th>environment</th><th>version</th><th>approved by</th><th>statuses</th></tr>
${story.deployments.map((d) => `<tr><td>${d.id}</td><td>${esc(d.environment)}</td><td>${esc(d.version)}</td><td>${esc(d.approvedBy ?? '—')}</td><td>${esc(d.states.join(' → '))}</td></tr>`).join('\n')}</table></section>
${blueGreenSection(blueGreen)}
</body></html>`
}
