/** What to do about Slack's error codes, in the words of this action's inputs. */
const HINTS: Readonly<Record<string, string>> = {
  not_authed: "no token reached Slack: check input 'token'",
  invalid_auth: "Slack does not accept the token: check input 'token' (a bot token, xoxb-…)",
  account_inactive: "the token's app or user was deactivated: check input 'token'",
  token_revoked: "the token was revoked: check input 'token'",
  missing_scope: 'the app lacks the `chat:write` scope: add it and reinstall the app',
  channel_not_found:
    "check input 'channel'; for a private channel, invite the app first; `update-ts` needs the channel ID (the `channel` output of the step that posted)",
  not_in_channel: 'invite the app to the channel (`/invite @app`) or give it `chat:write.public`',
  is_archived: "the channel is archived: check input 'channel'",
  message_not_found:
    "no message with that ts in that channel: check 'update-ts' and 'channel' (the `ts` and `channel` outputs of the step that posted)",
  cant_update_message: 'only messages posted by this app (with this token) can be updated',
  edit_window_closed: 'the message is too old to be updated',
  invalid_blocks: 'Slack refused the blocks: check the payload against the Block Kit reference',
  invalid_attachments: 'Slack refused the attachments: check the payload',
  no_text: 'the payload has nothing to show: give `text`, `blocks` or `attachments`',
  msg_too_long: 'the message text is too long',
  msg_blocks_too_long: 'the blocks hold too much text in all: shorten the payload',
  invalid_payload: 'Slack could not read the payload',
  invalid_token: "the webhook was revoked or its URL is wrong: check input 'webhook-url'",
  no_service: "the webhook was removed or its URL is wrong: check input 'webhook-url'",
  action_prohibited: 'a workspace admin restricted posting to this channel'
}

export function hintFor(slackError: string | undefined): string | undefined {
  return slackError === undefined ? undefined : HINTS[slackError]
}
