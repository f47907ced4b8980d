import { describe, expect, test } from '@jest/globals'
import {
  escapeMrkdwn,
  inlineCode,
  link,
  normalizeMention,
  sanitizeMrkdwn,
  unescapeMrkdwn
} from '../../../src/core/slack/mrkdwn.js'
import { renderText } from '../../../src/core/slack/render.js'
import { parseStatus } from '../../../src/core/message/status.js'
import { durationText, parseStartTime } from '../../../src/core/message/time.js'

test.each([
  ['<!channel>', '&lt;!channel&gt;'],
  ['a & b', 'a &amp; b'],
  ['&amp; stays visible', '&amp;amp; stays visible'],
  ['<https://evil|click>', '&lt;https://evil|click&gt;'],
  ['*bold* `code` stay', '*bold* `code` stay']
])('escapeMrkdwn(%j)', (text, expected) => {
  expect(escapeMrkdwn(text)).toBe(expected)
  expect(unescapeMrkdwn(escapeMrkdwn(text))).toBe(text)
})

test.each([
  [
    'links stay',
    'see <https://x.example/a?b=1&c=2|the dash & board>',
    'see <https://x.example/a?b=1&c=2|the dash &amp; board>'
  ],
  ['bare links stay', 'see <https://x.example>', 'see <https://x.example>'],
  [
    'mentions do not',
    'hey <!channel> <@U0123ABC> <!subteam^S1>',
    'hey &lt;!channel&gt; &lt;@U0123ABC&gt; &lt;!subteam^S1&gt;'
  ],
  ['other schemes do not', '<javascript:alert(1)|x>', '&lt;javascript:alert(1)|x&gt;'],
  [
    'a link label cannot hold a mention',
    '<https://x.example|<!here>>',
    '&lt;https://x.example|&lt;!here&gt;&gt;'
  ]
])('sanitizeMrkdwn: %s', (_, text, expected) => {
  expect(sanitizeMrkdwn(text)).toBe(expected)
})

test('link() cannot be ended early by its URL or label', () => {
  expect(link('https://x.example/a|b>c', 'A <b>')).toBe('<https://x.example/a%7Cb%3Ec|A &lt;b&gt;>')
  expect(inlineCode('feat/`x`<y>')).toBe("`feat/'x'&lt;y&gt;`")
})

test.each([
  ['@here', '<!here>'],
  ['here', '<!here>'],
  ['@channel', '<!channel>'],
  ['@everyone', '<!everyone>'],
  ['U0123ABCD', '<@U0123ABCD>'],
  ['@W0123ABCD', '<@W0123ABCD>'],
  ['<@U0123ABCD>', '<@U0123ABCD>'],
  ['S0123ABCD', '<!subteam^S0123ABCD>'],
  ['subteam^S0123ABCD', '<!subteam^S0123ABCD>'],
  ['<!subteam^S0123ABCD|@oncall>', '<!subteam^S0123ABCD|@oncall>'],
  ['@alice', undefined],
  ['<!channel> <@U1>', undefined],
  ['<https://x|y>', undefined]
])('normalizeMention(%j)', (text, expected) => {
  expect(normalizeMention(text)).toBe(expected)
})

test.each([
  ['success', 'succeeded'],
  ['failure', 'failed'],
  ['cancelled', 'cancelled'],
  ['Canceled', 'cancelled'],
  ['approval-needed', 'approval-needed'],
  ['done', undefined]
])('parseStatus(%j)', (text, expected) => {
  expect(parseStatus(text)).toBe(expected)
})

test.each([
  ['1795791845', 1_795_791_845_000],
  ['1795791845123', 1_795_791_845_123],
  ['2026-11-22T15:04:05Z', Date.UTC(2026, 10, 22, 15, 4, 5)],
  ['2026-11-22T16:04:05+01:00', Date.UTC(2026, 10, 22, 15, 4, 5)],
  ['yesterday', undefined],
  ['12', undefined]
])('parseStartTime(%j)', (text, expected) => {
  expect(parseStartTime(text)).toBe(expected)
})

test('durationText: seconds are formatted, text is kept', () => {
  expect(durationText('192')).toBe('3m 12s')
  expect(durationText('about 4 minutes')).toBe('about 4 minutes')
})

describe('renderText shows a message as a reader sees it', () => {
  test('blocks, fields, buttons, attachments; entities, mentions and links decoded', () => {
    const text = renderText({
      text: 'ignored when there are blocks',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: ':x: shop: build failed' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '<!subteam^S01|@oncall> <!here> fix &lt;this&gt;' }
        }
      ],
      attachments: [
        {
          color: '#E01E5A',
          blocks: [
            { type: 'section', fields: [{ type: 'mrkdwn', text: '*Branch*\n`main`' }] },
            {
              type: 'actions',
              elements: [
                {
                  type: 'button',
                  text: { type: 'plain_text', text: 'View' },
                  url: 'https://x.example'
                }
              ]
            },
            {
              type: 'context',
              elements: [{ type: 'mrkdwn', text: '<https://x.example|run #4> by <@U01>' }]
            }
          ]
        }
      ]
    })
    expect(text).toBe(
      [
        ':x: shop: build failed',
        '@oncall @here fix <this>',
        'Branch: `main`',
        '[View] https://x.example',
        'run #4 (https://x.example) by @U01'
      ].join('\n')
    )
  })

  test('a text-only message', () => {
    expect(renderText({ text: 'a &amp; b' })).toBe('a & b')
  })
})
