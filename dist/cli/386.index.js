export const id = 386;
export const ids = [386];
export const modules = {

/***/ 26386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  deliverOne: () => (/* binding */ deliverOne),
  messageKey: () => (/* binding */ messageKey),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/message/facts.ts
var message_facts = __webpack_require__(93812);
// EXTERNAL MODULE: ./src/core/message/notification.ts
var message_notification = __webpack_require__(24820);
// EXTERNAL MODULE: ./src/core/message/status.ts
var message_status = __webpack_require__(82041);
// EXTERNAL MODULE: ./src/core/message/time.ts
var time = __webpack_require__(34950);
// EXTERNAL MODULE: ./src/core/message/text.ts
var message_text = __webpack_require__(46540);
;// CONCATENATED MODULE: ./src/core/notify/render.ts


const JSON_TYPE = 'application/json; charset=utf-8';
const basic = (a) => `Basic ${Buffer.from(`${a.user}:${a.password}`, 'utf8').toString('base64')}`;
class Cutter {
    truncated = [];
    cut(what, text, max, how = message_text/* truncate */.xv) {
        if (text.length <= max)
            return text;
        this.truncated.push(`${what}: ${text.length} → ${max} characters`);
        return how(text, max);
    }
    bytes(what, text, max) {
        const size = new TextEncoder().encode(text).length;
        if (size <= max)
            return text;
        this.truncated.push(`${what}: ${size} → ${max} bytes`);
        return (0,message_text/* truncateBytes */.QY)(text, max);
    }
}
/** The message as plain lines: ntfy, bark, JSON webhooks and the job summary. */
function plainLines(n) {
    return [
        ...(n.text ? [n.text] : []),
        ...n.fields.map((f) => `${f.label}: ${(0,message_notification/* plainValue */._y)(f.value)}`),
        ...(n.context ? [n.context] : [])
    ];
}
const plainTitle = (n) => `${n.look.emoji} ${n.title}`;
// ---------------------------------------------------------------------------------------------
// Discord
const DISCORD = {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    total: 6000,
    username: 80
};
/**
 * Discord markdown: every character that could start formatting, a link or a mention is
 * backslash-escaped, and `@everyone`/`@here` get a zero-width space so they cannot ping even where
 * escapes are ignored. `allowed_mentions: { parse: [] }` is the real guard; this is for the eye.
 */
function escapeDiscord(text) {
    return text
        .replace(/[\\*_~`|>#[\]()<:-]/g, (c) => `\\${c}`)
        .replace(/@(everyone|here)/gi, '@\u200b$1');
}
const linkUrl = (url) => url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
function discordSegments(value) {
    return value
        .map((s) => s.url
        ? `[${escapeDiscord(s.text)}](${linkUrl(s.url)})`
        : s.code
            ? `\`${s.text.replace(/`/g, "'")}\``
            : escapeDiscord(s.text))
        .join('');
}
function discordPayload(n, c = new Cutter()) {
    const fields = n.fields.slice(0, DISCORD.fields).map((f) => ({
        name: c.cut(`fields.${f.label}.name`, f.label, DISCORD.fieldName),
        value: c.cut(`fields.${f.label}.value`, discordSegments(f.value), DISCORD.fieldValue, message_text/* truncateMarkdown */.o4) || '\u200b',
        inline: f.label !== 'Commit' && f.label !== 'Pull request'
    }));
    if (n.fields.length > DISCORD.fields)
        c.truncated.push(`fields: ${n.fields.length} → ${DISCORD.fields} items`);
    const links = n.links.map((l) => `[${escapeDiscord(l.label)}](${linkUrl(l.url)})`).join(' · ');
    const description = [n.text ? escapeDiscord(n.text) : '', links].filter(Boolean).join('\n\n');
    const embed = {
        title: c.cut('title', plainTitle(n), DISCORD.title),
        color: Number.parseInt(n.look.color.slice(1), 16),
        fields
    };
    const run = n.links.find((l) => l.primary);
    if (run)
        embed.url = run.url;
    if (description)
        embed.description = c.cut('description', description, DISCORD.description, message_text/* truncateMarkdown */.o4);
    if (n.context)
        embed.footer = { text: c.cut('footer', n.context, DISCORD.footer) };
    // The 6000-character budget counts title, description, field names and values, and footer.
    const size = () => String(embed.title).length +
        String(embed.description ?? '').length +
        fields.reduce((s, f) => s + f.name.length + f.value.length, 0) +
        String(embed.footer?.text ?? '').length;
    if (size() > DISCORD.total && typeof embed.description === 'string') {
        const room = Math.max(1, embed.description.length - (size() - DISCORD.total));
        c.truncated.push(`description: cut to ${room} characters (6000 per message)`);
        embed.description = (0,message_text/* truncateMarkdown */.o4)(embed.description, room);
    }
    while (size() > DISCORD.total && fields.length > 0) {
        fields.pop();
        c.truncated.push('fields: one dropped (6000 characters per message)');
    }
    return {
        // Discord shows `content` in the notification; the embed carries the details.
        content: '',
        embeds: [embed],
        allowed_mentions: { parse: [] }
    };
}
// ---------------------------------------------------------------------------------------------
// Teams (Adaptive Cards through a Workflows webhook)
const TEAMS_MAX_BYTES = 28_000;
const TEAMS_TEXT = 2000;
/**
 * User text goes in RichTextBlock TextRuns, which Adaptive Cards show as plain text (no markdown:
 * no forged link, no formatting); links are TextRuns with an OpenUrl action, so only our URLs link.
 */
function teamsRuns(value) {
    return value.map((s) => ({
        type: 'TextRun',
        text: s.text,
        ...(s.code ? { fontType: 'Monospace' } : {}),
        ...(s.url ? { selectAction: { type: 'Action.OpenUrl', url: s.url } } : {})
    }));
}
function teamsPayload(n, c = new Cutter()) {
    const build = (text, fields) => ({
        type: 'message',
        attachments: [
            {
                contentType: 'application/vnd.microsoft.card.adaptive',
                contentUrl: null,
                content: {
                    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                    type: 'AdaptiveCard',
                    version: '1.4',
                    msteams: { width: 'Full' },
                    body: [
                        {
                            type: 'RichTextBlock',
                            inlines: [
                                {
                                    type: 'TextRun',
                                    text: plainTitle(n),
                                    size: 'Large',
                                    weight: 'Bolder',
                                    color: n.look.cardColor
                                }
                            ]
                        },
                        ...(text ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }] : []),
                        ...fields.map((f) => ({
                            type: 'RichTextBlock',
                            spacing: 'Small',
                            inlines: [
                                { type: 'TextRun', text: `${f.label}: `, weight: 'Bolder' },
                                ...teamsRuns(f.value)
                            ]
                        })),
                        ...(n.context
                            ? [
                                {
                                    type: 'RichTextBlock',
                                    inlines: [{ type: 'TextRun', text: n.context, isSubtle: true, size: 'Small' }]
                                }
                            ]
                            : [])
                    ],
                    actions: n.links.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url }))
                }
            }
        ]
    });
    let text = n.text === undefined ? undefined : c.cut('text', n.text, TEAMS_TEXT);
    const fields = [...n.fields];
    let payload = build(text, fields);
    const bytes = () => new TextEncoder().encode(JSON.stringify(payload)).length;
    while (bytes() > TEAMS_MAX_BYTES && text && text.length > 100) {
        text = (0,message_text/* truncate */.xv)(text, Math.floor(text.length / 2));
        c.truncated.push(`text: cut to ${text.length} characters (28 KB per message)`);
        payload = build(text, fields);
    }
    while (bytes() > TEAMS_MAX_BYTES && fields.length > 0) {
        fields.pop();
        c.truncated.push('fields: one dropped (28 KB per message)');
        payload = build(text, fields);
    }
    return payload;
}
// ---------------------------------------------------------------------------------------------
// ntfy
const NTFY = { message: 4096, title: 250 };
const NTFY_PRIORITY = { low: 2, normal: 3, high: 4 };
/** ntfy shows a tag that is an emoji short code as that emoji. */
const ntfyTag = (n) => n.look.slackEmoji.replace(/:/g, '');
function ntfyPayload(n, topic, t, c = new Cutter()) {
    const run = n.links.find((l) => l.primary);
    return {
        topic,
        title: c.cut('title', n.title, NTFY.title),
        // Markdown stays off (ntfy's default): the text is shown exactly as written.
        message: c.bytes('message', plainLines(n).join('\n') || n.title, NTFY.message),
        priority: t.priority ?? NTFY_PRIORITY[n.look.urgency],
        tags: t.tags ?? [ntfyTag(n), n.status],
        ...(run ? { click: run.url } : {}),
        // ntfy takes at most three action buttons.
        actions: n.links
            .slice(0, 3)
            .map((l) => ({ action: 'view', label: l.label, url: l.url, clear: false }))
    };
}
// ---------------------------------------------------------------------------------------------
// bark
const BARK = { title: 120, body: 3000 };
const BARK_LEVEL = { low: 'passive', normal: 'active', high: 'timeSensitive' };
function barkPayload(n, deviceKey, t, c = new Cutter()) {
    const run = n.links.find((l) => l.primary) ?? n.links[0];
    return {
        device_key: deviceKey,
        title: c.cut('title', plainTitle(n), BARK.title),
        // APNs limits the whole payload to 4 KB: the body gets what the title and keys leave.
        body: c.bytes('body', plainLines(n).join('\n') || n.title, BARK.body),
        level: t.level ?? BARK_LEVEL[n.look.urgency],
        group: t.group ?? n.facts.project ?? 'gantry',
        ...(run ? { url: run.url } : {}),
        ...(t.sound ? { sound: t.sound } : {})
    };
}
// ---------------------------------------------------------------------------------------------
// JSON webhooks
/** apprise's notification types, so receivers written for apprise's json:// understand ours. */
const APPRISE_TYPE = { low: 'info', normal: 'success', high: 'failure' };
function jsonPayload(n) {
    const f = n.facts;
    return {
        version: '1.0',
        title: plainTitle(n),
        message: plainLines(n).join('\n'),
        type: n.status === 'approval-needed' || n.status === 'rolled-back'
            ? 'warning'
            : APPRISE_TYPE[n.look.urgency],
        status: n.status,
        facts: {
            provider: f.provider,
            repository: f.repository,
            branch: f.branch,
            tag: f.tag,
            sha: f.sha,
            commitMessage: f.commitMessage,
            author: f.author,
            actor: f.actor,
            version: f.version,
            environment: f.environment,
            url: f.url,
            duration: f.duration,
            runUrl: f.runUrl,
            buildNumber: f.buildNumber,
            pullRequest: f.pullRequest?.number
        },
        fields: n.fields.map((x) => ({ label: x.label, value: (0,message_notification/* plainValue */._y)(x.value) })),
        links: n.links.map((l) => ({ label: l.label, url: l.url }))
    };
}
/** The requests that deliver `n` to one target (Slack is sent by src/io/slack.ts instead). */
function renderFor(target, n, options = {}) {
    const c = new Cutter();
    const json = (url, body, extra = {}, method = 'POST', label) => ({
        method,
        url,
        headers: { 'Content-Type': JSON_TYPE, ...extra },
        body: JSON.stringify(body),
        ...(label ? { label } : {})
    });
    switch (target.service) {
        case 'discord': {
            const base = `${target.apiBase}/webhooks/${target.webhookId}/${target.webhookToken}`;
            const payload = discordPayload(n, c);
            if (target.username)
                payload.username = (0,message_text/* truncate */.xv)(target.username, DISCORD.username);
            if (target.avatarUrl)
                payload.avatar_url = target.avatarUrl;
            const thread = target.threadId ? `thread_id=${encodeURIComponent(target.threadId)}` : '';
            const request = options.editMessageId
                ? json(`${base}/messages/${options.editMessageId}${thread ? `?${thread}` : ''}`, payload, {}, 'PATCH')
                : json(`${base}?wait=true${thread ? `&${thread}` : ''}`, payload);
            return { requests: [request], truncated: c.truncated };
        }
        case 'teams':
            return { requests: [json(target.url, teamsPayload(n, c))], truncated: c.truncated };
        case 'ntfy': {
            const auth = target.auth
                ? 'token' in target.auth
                    ? { Authorization: `Bearer ${target.auth.token}` }
                    : { Authorization: basic(target.auth) }
                : {};
            const requests = target.topics.map((topic, i) => json(target.endpoint, ntfyPayload(n, topic, target, c), auth, 'POST', target.topics.length > 1 ? `topic ${i + 1} of ${target.topics.length}` : undefined));
            return { requests, truncated: [...new Set(c.truncated)] };
        }
        case 'bark': {
            const auth = target.auth ? { Authorization: basic(target.auth) } : {};
            const requests = target.deviceKeys.map((key, i) => json(target.endpoint, barkPayload(n, key, target, c), auth, 'POST', target.deviceKeys.length > 1
                ? `device ${i + 1} of ${target.deviceKeys.length}`
                : undefined));
            return { requests, truncated: [...new Set(c.truncated)] };
        }
        case 'json': {
            const auth = target.auth ? { Authorization: basic(target.auth) } : {};
            return {
                requests: [json(target.url, jsonPayload(n), { ...auth, ...target.headers }, target.method)],
                truncated: []
            };
        }
        case 'slack':
            throw new Error('Slack targets are sent by src/io/slack.ts');
    }
}

// EXTERNAL MODULE: ./src/core/notify/targets.ts
var notify_targets = __webpack_require__(64555);
// EXTERNAL MODULE: ./src/core/signature.ts
var signature = __webpack_require__(18373);
// EXTERNAL MODULE: ./src/core/slack/limits.ts
var limits = __webpack_require__(454);
// EXTERNAL MODULE: ./src/core/slack/templates.ts + 1 modules
var templates = __webpack_require__(64625);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(33839);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(61737);
;// CONCATENATED MODULE: ./src/io/notify.ts


class HttpAttemptError extends Error {
    failure;
    constructor(failure) {
        super(failure.detail);
        this.failure = failure;
    }
}
class HttpDeliveryError extends Error {
    failure;
    attempts;
    constructor(failure, attempts) {
        super(failure.detail);
        this.failure = failure;
        this.attempts = attempts;
    }
}
const DEFAULTS = {
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    timeoutMs: 10_000,
    budgetMs: 60_000
};
/** Discord answers a 429 with `{ "retry_after": 1.5 }` (seconds) besides the header. */
function retryAfterOf(headers, body) {
    const header = (0,retry/* parseRetryAfter */.mu)(headers.get('retry-after'));
    if (header !== undefined)
        return header;
    try {
        const value = JSON.parse(body).retry_after;
        return typeof value === 'number' && value >= 0 ? Math.ceil(value * 1000) : undefined;
    }
    catch {
        return undefined;
    }
}
/** The first words of an error answer, for the warning: services often say what is wrong. */
function answerExcerpt(body) {
    const text = body.replace(/\s+/g, ' ').trim();
    return text ? `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}` : '';
}
function describeError(error) {
    if (!(error instanceof Error))
        return String(error);
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
        return 'timed out';
    const cause = error.cause;
    const why = typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.message === 'string'
            ? cause.message
            : undefined;
    return why && !error.message.includes(why) ? `${error.message} (${why})` : error.message;
}
async function sendHttp(plan, options) {
    const f = options.fetch ?? fetch;
    const now = options.now ?? Date.now;
    const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
    const maxDelay = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
    const budget = options.budgetMs ?? DEFAULTS.budgetMs;
    const timeout = options.timeoutMs ?? DEFAULTS.timeoutMs;
    const started = now();
    const failureOf = (error) => {
        const failure = error instanceof HttpAttemptError
            ? error.failure
            : { kind: 'network', detail: `could not reach it: ${describeError(error)}` };
        return { ...failure, detail: (0,redact/* redact */.E$)(failure.detail, options.secrets) };
    };
    let attempts = 0;
    try {
        return await (0,retry/* retry */.L5)(async () => {
            attempts++;
            const remaining = budget - (now() - started);
            const response = await f(plan.url, {
                method: plan.method,
                headers: plan.headers,
                body: plan.body,
                redirect: 'error',
                signal: AbortSignal.timeout(Math.max(1000, Math.min(timeout, remaining)))
            });
            const body = await response.text();
            if (response.ok)
                return { status: response.status, body, attempts };
            if (response.status === 429) {
                const retryAfterMs = retryAfterOf(response.headers, body);
                const wait = retryAfterMs === undefined
                    ? ''
                    : ` (retry after ${Math.round(retryAfterMs / 100) / 10} s)`;
                throw new HttpAttemptError({
                    kind: 'rate-limited',
                    status: 429,
                    retryAfterMs,
                    detail: `rate-limited: HTTP 429${wait}`
                });
            }
            throw new HttpAttemptError({
                kind: 'http',
                status: response.status,
                detail: `HTTP ${response.status}${answerExcerpt(body)}`
            });
        }, {
            attempts: options.retries + 1,
            baseDelayMs: base,
            maxDelayMs: maxDelay,
            retryable: (error) => {
                const failure = failureOf(error);
                const backoff = Math.min(maxDelay, base * 2 ** (attempts - 1));
                let delay;
                if (failure.kind === 'rate-limited')
                    delay = failure.retryAfterMs ?? backoff;
                else if (failure.kind === 'network')
                    delay = backoff;
                else if (failure.status !== undefined &&
                    (failure.status >= 500 || failure.status === 408))
                    delay = backoff;
                if (delay === undefined || delay > maxDelay)
                    return false;
                // Waiting past the budget would only delay the pipeline: give up now instead.
                if (now() - started + delay + 1000 > budget)
                    return false;
                return { afterMs: delay };
            },
            onRetry: (error, n, delayMs) => options.onRetry?.(failureOf(error), n, delayMs),
            sleep: options.sleep
        });
    }
    catch (error) {
        throw new HttpDeliveryError(failureOf(error), attempts);
    }
}

// EXTERNAL MODULE: ./src/io/slack.ts
var slack = __webpack_require__(81152);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
// EXTERNAL MODULE: ./src/actions/slack-notify/context.ts
var context = __webpack_require__(13249);
;// CONCATENATED MODULE: ./src/actions/notify/main.ts
/**
 * Action `notify`: one status message to every target given as an apprise-style URL (bark, ntfy,
 * Discord, Teams, JSON webhooks, Slack). Targets are parsed first (a bad line fails the step
 * before anything is sent); each is then rendered in its own format and delivered with retries.
 * An undeliverable target warns and the step stays green unless `fail-on-error: true`.
 */




















const INPUTS = {
    urls: 'urls',
    status: 'status',
    title: 'title',
    text: 'text',
    fields: 'fields',
    version: 'version',
    environment: 'environment',
    url: 'url',
    duration: 'duration',
    startedAt: 'started-at',
    messageIds: 'message-ids',
    signingSecret: 'signing-secret',
    failOnError: 'fail-on-error',
    retries: 'retries'
};
/** Lines of the `urls` input: one URL each; blank lines and `#` comments skipped (no comma split: URLs hold commas). */
const urlLines = (text) => text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
async function readSettings(inputs, setSecret) {
    const urlsText = inputs.secret(INPUTS.urls);
    if (urlsText === undefined)
        throw new errors/* InputError */.dz(INPUTS.urls, '', 'at least one target URL (see the README for each service)');
    const targets = (0,notify_targets/* parseTargets */.Sx)(urlLines(urlsText), INPUTS.urls);
    const secrets = targets.flatMap((t) => t.secrets);
    for (const s of secrets)
        setSecret(s);
    const statusText = inputs.required(INPUTS.status, message_status/* STATUS_LIST */.Oy);
    const status = (0,message_status/* parseStatus */.i$)(statusText);
    if (status === undefined)
        throw new errors/* InputError */.dz(INPUTS.status, statusText, message_status/* STATUS_LIST */.Oy);
    const startedText = inputs.optional(INPUTS.startedAt);
    const startedAt = startedText === undefined ? undefined : (0,time/* parseStartTime */.L)(startedText);
    if (startedText !== undefined && startedAt === undefined)
        throw new errors/* InputError */.dz(INPUTS.startedAt, startedText, 'an ISO 8601 time (`2026-11-22T15:04:05Z`) or Unix time in seconds (`date +%s`)');
    const url = inputs.optional(INPUTS.url);
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
        throw new errors/* InputError */.dz(INPUTS.url, url, 'an http(s) URL');
    const fieldsText = inputs.optional(INPUTS.fields);
    const signingSecret = inputs.secret(INPUTS.signingSecret);
    if (signingSecret !== undefined)
        secrets.push(signingSecret);
    return {
        targets,
        status,
        title: inputs.optional(INPUTS.title),
        text: inputs.optional(INPUTS.text),
        fields: fieldsText === undefined
            ? []
            : await (await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 18514))).parseFields(fieldsText, `input '${INPUTS.fields}'`),
        version: inputs.optional(INPUTS.version),
        environment: inputs.optional(INPUTS.environment),
        url,
        duration: inputs.optional(INPUTS.duration),
        startedAt,
        messageIds: readMessageIds(inputs),
        signingSecret,
        failOnError: inputs.boolean(INPUTS.failOnError, false),
        retries: inputs.integer(INPUTS.retries, { min: 0, max: 10 }) ?? 2,
        secrets
    };
}
function readMessageIds(inputs) {
    const text = inputs.optional(INPUTS.messageIds);
    if (text === undefined)
        return {};
    const expected = 'the `message-ids` output of the step that posted: JSON such as `{"discord:123":"456"}`';
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.dz(INPUTS.messageIds, text, expected);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new errors/* InputError */.dz(INPUTS.messageIds, text, expected);
    const entries = Object.entries(value);
    if (!entries.every(([, v]) => typeof v === 'string' && /^\d+$/.test(v)))
        throw new errors/* InputError */.dz(INPUTS.messageIds, text, expected);
    return Object.fromEntries(entries);
}
/** The key of a target's editable message in `message-ids`. */
const messageKey = (t) => t.service === 'discord'
    ? `discord:${t.webhookId}${t.threadId ? `:${t.threadId}` : ''}`
    : undefined;
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const now = deps.now ?? Date.now;
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = await readSettings(new inputs/* InputReader */.i_(runner.getInput, (v) => runner.setSecret(v)), (v) => runner.setSecret(v));
        for (const t of settings.targets)
            if (t.ignored.length > 0)
                runner.info(`${t.display}: options this action does not use: ${t.ignored.join(', ')}.`);
        const facts = (0,message_facts/* withFactInputs */.cW)(await (0,context/* readBuildFacts */.Cl)(runner.env, {
            readFile: deps.readFile ?? files/* readOptionalFile */.p,
            readCommit: deps.readCommit ?? (0,context/* gitCommit */.om)()
        }), settings, now());
        const notification = (0,message_notification/* buildNotification */.Ur)(facts, {
            status: settings.status,
            title: settings.title,
            text: settings.text,
            fields: settings.fields
        });
        const outcomes = await runner.group(`Notify ${settings.targets.length} target${settings.targets.length === 1 ? '' : 's'}`, () => Promise.all(settings.targets.map((t) => deliverOne(t, notification, settings, deps, (text) => runner.info(text)))));
        const delivered = outcomes.filter((o) => o.delivered);
        const ids = {};
        for (const o of outcomes) {
            const key = messageKey(o.target);
            if (key && o.messageId)
                ids[key] = o.messageId;
        }
        runner.setOutput('ok', String(delivered.length === outcomes.length));
        runner.setOutput('delivered', String(delivered.length));
        runner.setOutput('message-ids', JSON.stringify(ids));
        runner.appendSummary((0,redact/* redact */.E$)(renderSummary(notification, outcomes), settings.secrets));
        const failed = outcomes.filter((o) => !o.delivered);
        if (failed.length === 0)
            return;
        const problem = (0,redact/* redact */.E$)(`Notification not delivered to ${failed.length} of ${outcomes.length} target${outcomes.length === 1 ? '' : 's'}: ${failed.map((o) => `${o.target.display} (${o.detail})`).join('; ')}.`, settings.secrets);
        if (settings.failOnError)
            runner.setFailed(problem);
        else
            runner.warning(`${problem} The step stays green ('${INPUTS.failOnError}' is false).`);
    });
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/**
 * One target: rendered in its format and delivered with retries; never throws for a target
 * that cannot be reached (the outcome says why). `info` gets each line worth logging, redacted.
 * `gantry agent` notifies through this too.
 */
async function deliverOne(target, n, settings, deps, info) {
    const say = (text) => info((0,redact/* redact */.E$)(text, settings.secrets));
    const total = settings.retries + 1;
    if (target.service === 'slack')
        return deliverSlack(target, n, settings, deps, say);
    const key = messageKey(target);
    const editId = key ? settings.messageIds[key] : undefined;
    const rendered = renderFor(target, n, { editMessageId: editId });
    if (rendered.truncated.length > 0)
        say(`${target.display}: cut to the service's limits: ${rendered.truncated.join('; ')}`);
    const options = {
        retries: settings.retries,
        secrets: settings.secrets,
        sleep: deps.sleep,
        now: deps.now,
        fetch: deps.fetch,
        onRetry: (failure, attempt, delayMs) => say(`${target.display}: ${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1} of ${total}).`)
    };
    const sign = (plan) => {
        if (target.service !== 'json' || settings.signingSecret === undefined)
            return plan;
        const headers = (0,signature/* signWebhook */.vR)({
            secret: settings.signingSecret,
            body: plan.body,
            timestamp: Math.floor((deps.now ?? Date.now)() / 1000),
            deliveryId: (deps.newId ?? external_node_crypto_.randomUUID)()
        });
        return { ...plan, headers: { ...plan.headers, ...headers } };
    };
    let attempts = 0;
    let messageId;
    try {
        for (const plan of rendered.requests.map(sign)) {
            let answer;
            try {
                answer = await sendHttp(plan, options);
            }
            catch (error) {
                // The message to edit is gone (deleted, or another webhook's): post a new one instead.
                if (editId && error instanceof HttpDeliveryError && error.failure.status === 404) {
                    say(`${target.display}: message ${editId} cannot be edited (HTTP 404); posting a new one.`);
                    const fresh = renderFor(target, n).requests[0];
                    answer = await sendHttp(fresh, options);
                }
                else
                    throw error;
            }
            attempts += answer.attempts;
            if (target.service === 'discord')
                messageId = discordMessageId(answer.body) ?? messageId;
        }
        const what = target.service === 'discord'
            ? editId && messageId === editId
                ? `updated message ${messageId}`
                : `posted message ${messageId ?? '?'}`
            : 'delivered';
        say(`${target.display}: ${what} (${attempts} attempt${attempts === 1 ? '' : 's'}).`);
        return {
            target,
            delivered: true,
            detail: what,
            messageId,
            attempts,
            truncated: rendered.truncated
        };
    }
    catch (error) {
        if (!(error instanceof HttpDeliveryError))
            throw error;
        const tries = error.attempts > 1 ? ` after ${error.attempts} attempts` : '';
        return {
            target,
            delivered: false,
            detail: `${error.failure.detail}${tries}`,
            attempts: attempts + error.attempts,
            truncated: rendered.truncated
        };
    }
}
function discordMessageId(body) {
    try {
        const id = JSON.parse(body).id;
        return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
    }
    catch {
        return undefined;
    }
}
/** Slack targets go through the Slack action's own code: the same message slack-notify posts. */
async function deliverSlack(target, n, settings, deps, say) {
    // This action's text and fields are plain text: escaped, so they cannot ping or link in Slack.
    const message = (0,limits/* enforceLimits */.z)((0,templates/* buildTemplate */.Z)(n.facts, {
        status: n.status,
        title: settings.title,
        text: settings.text,
        fields: settings.fields,
        plainText: true
    }));
    const transport = target.kind === 'webhook'
        ? { kind: 'webhook', url: target.url }
        : { kind: 'api', token: target.token, apiUrl: 'https://slack.com/api/' };
    try {
        const d = await (deps.send ?? slack/* sendToSlack */.Ig)(transport, { message: message.message, channel: target.channel }, {
            retries: settings.retries,
            secrets: settings.secrets,
            sleep: deps.sleep,
            onRetry: (failure, attempt, delayMs) => say(`${target.display}: ${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1}).`)
        });
        say(`${target.display}: delivered (${d.attempts} attempt${d.attempts === 1 ? '' : 's'}).`);
        return {
            target,
            delivered: true,
            detail: 'delivered',
            attempts: d.attempts,
            truncated: message.truncated
        };
    }
    catch (error) {
        if (!(error instanceof slack/* SlackDeliveryError */.l$))
            throw error;
        return {
            target,
            delivered: false,
            detail: error.failure.detail,
            attempts: error.attempts,
            truncated: message.truncated
        };
    }
}
function renderSummary(n, outcomes) {
    const rows = outcomes.map((o) => [
        { raw: (0,markdown/* code */.aY)(o.target.display) },
        o.target.service,
        o.delivered ? `✅ ${o.detail}` : `⚠️ not delivered: ${o.detail}`
    ]);
    const message = [
        plainTitle(n),
        ...plainLines(n),
        ...n.links.map((l) => `${l.label}: ${l.url}`)
    ].join('\n');
    return (0,markdown/* summary */.z)('Notification', `${(0,markdown/* table */.tp)(['Target', 'Service', 'Result'], rows)}\n\n${(0,markdown/* pre */.AS)(message)}`);
}


/***/ }),

/***/ 64555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sx: () => (/* binding */ parseTargets)
/* harmony export */ });
/* unused harmony exports SCHEMES, EXAMPLES, parseTarget, maskForError */
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/**
 * Notification targets as URLs, one per line, in apprise's forms (https://github.com/caronc/apprise/wiki),
 * so a user who knows apprise writes the same lines: bark:// barks://, ntfy:// ntfys://,
 * discord://, workflow:// workflows:// (Teams through a Workflows webhook), json:// jsons://,
 * slack://, and the services' own https URLs. Parsing is pure; each target says which parts of
 * its URL are secrets (to mask) and how to show it without them.
 */

const SCHEMES = [
    'bark',
    'barks',
    'ntfy',
    'ntfys',
    'discord',
    'workflow',
    'workflows',
    'json',
    'jsons',
    'slack'
];
/** One example per service, for the README and error messages. */
const EXAMPLES = {
    bark: 'barks://api.day.app/DEVICE_KEY',
    ntfy: 'ntfys://ntfy.sh/TOPIC (or ntfys://user:password@ntfy.example.com/TOPIC)',
    discord: 'discord://WEBHOOK_ID/WEBHOOK_TOKEN',
    teams: 'workflows://HOST:443/WORKFLOW_ID/SIGNATURE (or the https URL Teams gives)',
    json: 'jsons://hooks.example.com/deploy',
    slack: 'slack://TOKEN_A/TOKEN_B/TOKEN_C (or https://hooks.slack.com/services/…)'
};
const EXPECTED = `one URL per line: ${SCHEMES.map((s) => `${s}://`).join(', ')}, or a Discord, Teams, Slack or ntfy.sh https URL`;
const MASK = '****';
const decode = (text) => {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
};
const segments = (path) => path.split('/').filter(Boolean).map(decode);
const isTrue = (v) => v !== null && /^(1|y|yes|true|on)$/i.test(v);
/** Parses one target line; `input` names the input for errors. */
function parseTarget(raw, input) {
    const line = raw.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(line)?.[1]?.toLowerCase();
    let url;
    try {
        url = new URL(line);
    }
    catch {
        url = undefined;
    }
    const fail = (why) => {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input '${input}': ${maskForError(line)} ${why}; expected ${EXPECTED}.`);
    };
    if (!scheme || !url)
        return fail('is not a URL');
    const secure = scheme.endsWith('s') && scheme !== 'discord';
    const query = url.searchParams;
    const known = new Set();
    const opt = (name) => {
        known.add(name);
        const v = query.get(name);
        return v === null || v.trim() === '' ? undefined : v.trim();
    };
    const auth = () => url.username ? { user: decode(url.username), password: decode(url.password) } : undefined;
    const hostPort = () => `${url.hostname}${url.port ? `:${url.port}` : ''}`;
    const base = (s) => `${s ? 'https' : 'http'}://${hostPort()}`;
    const common = (secrets, display) => {
        const parts = secrets.filter((s) => Boolean(s && s.length >= 3));
        return {
            raw: line,
            display,
            // The whole line is a secret only when it holds one (else it would mask its own display).
            secrets: parts.length > 0 ? [line, ...parts] : [],
            ignored: [...query.keys()].filter((k) => !known.has(k) && !k.startsWith('+') && !k.startsWith(' '))
        };
    };
    const userPart = (a) => (a ? `${a.user}${a.password ? `:${MASK}` : ''}@` : '');
    switch (scheme) {
        case 'bark':
        case 'barks': {
            const keys = segments(url.pathname);
            if (!url.hostname)
                fail('has no host');
            if (keys.length === 0)
                fail('has no device key (bark://host/DEVICE_KEY)');
            const a = auth();
            const level = opt('level');
            if (level && !['active', 'timeSensitive', 'passive', 'critical'].includes(level))
                fail(`has level=${level}: expected active, timeSensitive, passive or critical`);
            return {
                service: 'bark',
                endpoint: `${base(secure)}/push`,
                deviceKeys: keys,
                auth: a,
                sound: opt('sound'),
                group: opt('group'),
                level,
                ...common([...keys, a?.password], `${scheme}://${userPart(a)}${hostPort()}/${keys.map(() => MASK).join('/')}`)
            };
        }
        case 'ntfy':
        case 'ntfys': {
            const path = segments(url.pathname);
            // `ntfy://topic` is ntfy.sh's topic; `ntfy://host/topic` a server of one's own (as apprise).
            const cloud = path.length === 0 || /^ntfy\.sh$/i.test(url.hostname);
            const topics = cloud && !/^ntfy\.sh$/i.test(url.hostname) ? [decode(url.hostname), ...path] : path;
            if (topics.length === 0)
                fail('has no topic');
            const token = opt('token');
            const a = auth();
            const priority = opt('priority');
            const p = priority === undefined ? undefined : ntfyPriority(priority);
            if (priority !== undefined && p === undefined)
                fail(`has priority=${priority}: expected 1-5 or min, low, default, high, max`);
            const tags = opt('tags');
            // On ntfy.sh anyone who knows a topic can read it: the topic is the secret.
            const shownTopics = cloud ? topics.map(() => MASK) : topics;
            return {
                service: 'ntfy',
                endpoint: cloud ? 'https://ntfy.sh' : base(secure),
                topics,
                auth: token ? { token } : a,
                priority: p,
                tags: tags ? tags.split(/[,\s]+/).filter(Boolean) : undefined,
                ...common([token, a?.password, ...(cloud ? topics : [])], `${scheme}://${userPart(a)}${cloud ? 'ntfy.sh' : hostPort()}/${shownTopics.join('/')}${token ? `?token=${MASK}` : ''}`)
            };
        }
        case 'discord': {
            const [token] = segments(url.pathname);
            const id = decode(url.hostname);
            if (!/^\d+$/.test(id))
                fail('has no webhook ID (discord://WEBHOOK_ID/WEBHOOK_TOKEN)');
            if (!token)
                fail('has no webhook token (discord://WEBHOOK_ID/WEBHOOK_TOKEN)');
            return discordTarget('https://discord.com/api', id, token, url, opt, (s, d) => common(s, d));
        }
        case 'workflow':
        case 'workflows': {
            const [workflow, signature] = segments(url.pathname);
            if (!url.hostname || !workflow || !signature)
                fail('is not workflows://HOST:PORT/WORKFLOW_ID/SIGNATURE');
            const pa = isTrue(query.get('pa') ?? query.get('powerautomate'));
            known.add('pa').add('powerautomate');
            const version = opt('ver') ?? opt('api-version') ?? (pa ? '2022-03-01-preview' : '2016-06-01');
            // Both schemes are https, as in apprise: Teams' endpoints have no plain-HTTP form.
            const invoke = new URL(`https://${hostPort()}${pa ? '/powerautomate/automations/direct' : ''}/workflows/${encodeURIComponent(workflow)}/triggers/manual/paths/invoke`);
            invoke.search = new URLSearchParams({
                'api-version': version,
                sp: '/triggers/manual/run',
                sv: '1.0',
                sig: signature
            }).toString();
            return {
                service: 'teams',
                url: invoke.toString(),
                ...common([signature], `${scheme}://${hostPort()}/${workflow}/${MASK}`)
            };
        }
        case 'json':
        case 'jsons': {
            if (!url.hostname)
                fail('has no host');
            const method = (opt('method') ?? 'POST').toUpperCase();
            if (method !== 'POST' && method !== 'PUT')
                fail(`has method=${method}: expected POST or PUT`);
            // `+Name=value` is a header (apprise's form); URLSearchParams would read the `+` as a space.
            const headers = {};
            const target = new URL(`${base(secure)}${url.pathname}`);
            for (const pair of url.search.slice(1).split('&').filter(Boolean)) {
                const [k = '', v = ''] = pair.split(/=(.*)/s);
                const key = decode(k);
                if (key.startsWith('+') && key.length > 1)
                    headers[key.slice(1)] = decode(v);
                else if (!known.has(key))
                    target.searchParams.append(key, decode(v.replace(/\+/g, ' ')));
            }
            const a = auth();
            const c = common([a?.password, ...Object.values(headers)], '');
            return {
                service: 'json',
                url: target.toString(),
                method: method,
                auth: a,
                headers,
                ...c,
                // Other query keys go on to the endpoint, as apprise sends them.
                ignored: [],
                display: `${scheme}://${userPart(a)}${hostPort()}${url.pathname}${[...target.searchParams.keys(), ...Object.keys(headers).map((h) => `+${h}`)].length
                    ? `?${[...[...target.searchParams.keys()].map((k) => `${k}=${MASK}`), ...Object.keys(headers).map((h) => `+${h}=${MASK}`)].join('&')}`
                    : ''}`
            };
        }
        case 'slack': {
            const parts = [decode(url.hostname), ...segments(url.pathname)];
            const channel = url.hash ? decode(url.hash) : parts.find((p) => /^[#@]/.test(p));
            const tokens = parts.filter((p) => !/^[#@]/.test(p));
            if (/^xox[bp]-/.test(tokens[0] ?? '')) {
                if (!channel)
                    fail('has a bot token but no channel (slack://xoxb-…/#channel)');
                return {
                    service: 'slack',
                    kind: 'api',
                    token: tokens[0],
                    channel: channel,
                    ...common([tokens[0]], `slack://${MASK}/${channel}`)
                };
            }
            if (tokens.length < 3)
                fail('is not slack://TOKEN_A/TOKEN_B/TOKEN_C or slack://xoxb-…/#channel');
            const [a, b, c] = tokens;
            return {
                service: 'slack',
                kind: 'webhook',
                url: `https://hooks.slack.com/services/${a}/${b}/${c}`,
                channel,
                ...common([c, `${a}/${b}/${c}`], `slack://${a}/${MASK}/${MASK}${channel ? `/${channel}` : ''}`)
            };
        }
        case 'http':
        case 'https':
            return nativeTarget(line, url, opt, (s, d) => common(s, d), fail);
        default:
            return fail(`has the scheme ${scheme}://, which is not supported`);
    }
}
function discordTarget(apiBase, id, token, url, opt, common) {
    const botname = url.username ? decode(url.username) : opt('botname');
    const threadId = opt('thread');
    return {
        service: 'discord',
        apiBase,
        webhookId: id,
        webhookToken: token,
        threadId,
        username: botname,
        avatarUrl: opt('avatar_url'),
        ...common([token], `discord://${id}/${MASK}${threadId ? `?thread=${threadId}` : ''}`)
    };
}
/** The services' own URLs, as apprise recognizes them (and compatible servers of the same shape). */
function nativeTarget(line, url, opt, common, fail) {
    const origin = url.origin;
    // Discord and servers speaking its webhook API: /api[/vN]/webhooks/{id}/{token}
    const discord = /^(\/api(?:\/v\d+)?)\/webhooks\/(\d+)\/([\w-]+)\/?$/.exec(url.pathname);
    if (discord)
        return discordTarget(`${origin}${discord[1]}`, discord[2], discord[3], url, opt, common);
    // A Teams Workflows (Power Automate) trigger: …/workflows/{id}/triggers/manual/paths/invoke?…&sig=…
    if (/\/workflows\/[^/]+\/triggers\/[^/]+\/paths\/invoke\/?$/.test(url.pathname)) {
        const sig = url.searchParams.get('sig');
        if (!sig)
            fail('is a Workflows URL without its `sig` parameter');
        const shown = new URL(url.toString());
        shown.searchParams.set('sig', MASK);
        return { service: 'teams', url: line, ...common([sig], decodeURIComponent(shown.toString())) };
    }
    // Slack incoming webhooks (and Slack-compatible servers): /services/T…/B…/secret
    const slack = /^\/services\/([A-Z0-9]+)\/([A-Z0-9]+)\/([\w-]+)\/?$/.exec(url.pathname);
    if (slack)
        return {
            service: 'slack',
            kind: 'webhook',
            url: line,
            ...common([slack[3], `${slack[1]}/${slack[2]}/${slack[3]}`], `${origin}/services/${slack[1]}/****/****`)
        };
    if (/^ntfy\.sh$/i.test(url.hostname)) {
        const topics = segments(url.pathname);
        if (topics.length === 0)
            fail('has no topic');
        return {
            service: 'ntfy',
            endpoint: 'https://ntfy.sh',
            topics,
            ...common(topics, `https://ntfy.sh/${topics.map(() => '****').join('/')}`)
        };
    }
    return fail('is an https URL of no service this action knows: use jsons:// for a JSON webhook');
}
const NTFY_PRIORITIES = {
    min: 1,
    low: 2,
    default: 3,
    normal: 3,
    high: 4,
    max: 5,
    urgent: 5
};
function ntfyPriority(text) {
    if (/^[1-5]$/.test(text))
        return Number(text);
    return NTFY_PRIORITIES[text.toLowerCase()];
}
/** A line as an error may show it: only its scheme and host, never a path or query. */
function maskForError(line) {
    const m = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#@\s]*@)?([^/?#\s]*)/i.exec(line.trim());
    if (!m || !m[1])
        return 'a line';
    // ntfy://TOPIC: the host is the topic, which is the secret on ntfy.sh.
    if (/^ntfys?:/i.test(m[1]))
        return `${m[1]}****`;
    return `${m[1]}${m[2] ? '****@' : ''}${m[3]}/…`;
}
/** Every target of the input; a bad line stops the step before anything is sent. */
function parseTargets(lines, input) {
    return lines.map((line) => parseTarget(line, input));
}


/***/ }),

/***/ 18373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D8: () => (/* binding */ SIGNATURE_HEADER),
/* harmony export */   K4: () => (/* binding */ DEFAULT_TOLERANCE_SECONDS),
/* harmony export */   L1: () => (/* binding */ TIMESTAMP_HEADER),
/* harmony export */   Oc: () => (/* binding */ verifyWebhook),
/* harmony export */   vR: () => (/* binding */ signWebhook)
/* harmony export */ });
/* unused harmony exports DELIVERY_HEADER, SIGNATURE_PREFIX, signedText, ReplayGuard */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Signed webhooks: what `notify` sends to a json:// or jsons:// target when `signing-secret` is
 * set, and what a receiver (the host agent) checks before it acts. One module for both sides, so
 * they cannot drift. Pure: HMAC is computation, not I/O (the one node: import src/core allows).
 *
 *   X-Gantry-Timestamp: 1795791845                    Unix seconds when the delivery was signed
 *   X-Gantry-Delivery:  7c0e8e9a-…                    unique per delivery, the same on retries
 *   X-Gantry-Signature: sha256=<hex>                  HMAC-SHA256(secret, "<timestamp>.<delivery>.<body>")
 *
 * The delivery id is inside the signed text: a replay cannot pass as a new delivery by changing
 * it. A receiver refuses a timestamp outside its tolerance window and a delivery id it has seen
 * within that window, so a captured request is good once, for minutes at most.
 */

const SIGNATURE_HEADER = 'X-Gantry-Signature';
const TIMESTAMP_HEADER = 'X-Gantry-Timestamp';
const DELIVERY_HEADER = 'X-Gantry-Delivery';
const SIGNATURE_PREFIX = 'sha256=';
/** Five minutes either side: enough for clock skew and our retries, short for a replay. */
const DEFAULT_TOLERANCE_SECONDS = 300;
function signedText(timestamp, deliveryId, body) {
    return `${timestamp}.${deliveryId}.${body}`;
}
function hmacHex(secret, text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(text, 'utf8').digest('hex');
}
/** The three headers of one delivery. */
function signWebhook(options) {
    const { secret, body, timestamp, deliveryId } = options;
    if (!/^[\w.:-]{1,128}$/.test(deliveryId))
        throw new Error('a delivery id is 1-128 of [A-Za-z0-9_.:-]');
    return {
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: SIGNATURE_PREFIX + hmacHex(secret, signedText(timestamp, deliveryId, body))
    };
}
/** Remembers delivery ids for the tolerance window, so each is accepted once. */
class ReplayGuard {
    windowSeconds;
    seen = new Map();
    constructor(windowSeconds = DEFAULT_TOLERANCE_SECONDS) {
        this.windowSeconds = windowSeconds;
    }
    /** True the first time an id is offered within the window; false for a replay. */
    accept(deliveryId, nowSeconds) {
        for (const [id, at] of this.seen)
            if (at < nowSeconds - 2 * this.windowSeconds)
                this.seen.delete(id);
        if (this.seen.has(deliveryId))
            return false;
        this.seen.set(deliveryId, nowSeconds);
        return true;
    }
    get size() {
        return this.seen.size;
    }
}
/**
 * Checks one request. `headers` is looked up case-insensitively; `secrets` may hold the current
 * and the previous secret while one is being rotated. The signature is compared in constant time.
 * Only a request whose signature is good reaches the replay guard, so forged ids fill nothing.
 */
function verifyWebhook(options) {
    const header = (name) => {
        const key = Object.keys(options.headers).find((k) => k.toLowerCase() === name.toLowerCase());
        const value = key === undefined ? undefined : options.headers[key];
        return Array.isArray(value) ? value[0] : value;
    };
    const timestampText = header(TIMESTAMP_HEADER);
    const deliveryId = header(DELIVERY_HEADER);
    const signature = header(SIGNATURE_HEADER);
    if (timestampText === undefined || deliveryId === undefined || signature === undefined) {
        const missing = [TIMESTAMP_HEADER, DELIVERY_HEADER, SIGNATURE_HEADER].filter((h) => header(h) === undefined);
        return { ok: false, reason: 'missing-header', detail: `missing ${missing.join(', ')}` };
    }
    if (!/^\d{1,12}$/.test(timestampText))
        return { ok: false, reason: 'bad-timestamp', detail: `${TIMESTAMP_HEADER} is not Unix seconds` };
    const timestamp = Number(timestampText);
    const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    if (Math.abs(options.nowSeconds - timestamp) > tolerance)
        return {
            ok: false,
            reason: 'stale',
            detail: `${TIMESTAMP_HEADER} is ${options.nowSeconds - timestamp} s from now (tolerance ${tolerance} s)`
        };
    const given = signature.startsWith(SIGNATURE_PREFIX)
        ? signature.slice(SIGNATURE_PREFIX.length)
        : '';
    const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32);
    let match = false;
    for (const secret of options.secrets) {
        const expected = Buffer.from(hmacHex(secret, signedText(timestamp, deliveryId, options.body)), 'hex');
        // Every secret is tried (no early exit), so timing says nothing about which one matched.
        if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(expected, givenBytes) && given.length === 64)
            match = true;
    }
    if (!match)
        return { ok: false, reason: 'bad-signature', detail: `${SIGNATURE_HEADER} does not match` };
    if (options.replay && !options.replay.accept(deliveryId, options.nowSeconds))
        return { ok: false, reason: 'replayed', detail: `delivery ${deliveryId} was already accepted` };
    return { ok: true, deliveryId, timestamp };
}


/***/ })

};
