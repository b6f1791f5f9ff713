// The three web pages of the Slack install: the "Add to Slack" link, success (what to type first and
// what happens to the workspace's data), and a refusal that says what went wrong in words.
import type { IncomingMessage, ServerResponse } from 'node:http';
import slackOAuth, { type CallbackOptions, type Installation } from '@slack/oauth';

// A CommonJS package whose exports Node's ESM loader cannot name one by one.
const { ErrorCode } = slackOAuth;

export const FIRST_COMMAND = '/jss 7 1 8';

// Only what the code does: /mydata delete removes one member's data (privacy.ts), /templates remove a
// template, and an uninstall (oauth.ts) the tokens and everything the workspace stored.
export const RETENTION_RULE =
  'gigdesk keeps what members store (contract logs, follow-ups) until they delete it with /mydata delete. ' +
  'Workspace templates belong to the workspace: admins remove them with /templates remove. ' +
  'Removing gigdesk from the workspace deletes its tokens and all of its stored data at once: every ' +
  "member's data, pending reminders, the workspace templates and settings.";

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  ].join('');
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

export function installPage(authorizeUrl: string): string {
  return page(
    'Add gigdesk to Slack',
    paragraph('JSS math, fee comparisons and client-message templates for your freelancer community.') +
      `<p><a href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>` +
      paragraph(RETENTION_RULE),
  );
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function successPage(installation: Installation): string {
  const where = installation.isEnterpriseInstall
    ? (installation.enterprise?.name ?? 'your organisation')
    : (installation.team?.name ?? 'your workspace');
  return page(
    'gigdesk is installed',
    paragraph(`gigdesk is now in ${where}.`) +
      paragraph(`Type ${FIRST_COMMAND} in any channel to try it: only you see the answer. /help lists every command.`) +
      paragraph(RETENTION_RULE),
  );
}

/** Slack's error codes from @slack/oauth, in words a person installing the app can act on. */
function refusal(code: string): { status: number; text: string } {
  switch (code) {
    case ErrorCode.InvalidStateError:
    case ErrorCode.MissingStateError:
      return {
        status: 400,
        text: 'This install link has expired, was already used, or was opened in another browser. Nothing was installed.',
      };
    case ErrorCode.MissingCodeError:
      return { status: 400, text: 'Slack did not send an authorization code. Nothing was installed.' };
    case ErrorCode.AuthorizationError:
      return { status: 400, text: 'The install was cancelled in Slack. Nothing was installed.' };
    default:
      return { status: 502, text: 'Slack did not complete the install. Nothing was installed; try again in a minute.' };
  }
}

export const callbackPages: CallbackOptions = {
  success: (installation: Installation, _options, _req: IncomingMessage, res: ServerResponse) =>
    send(res, 200, successPage(installation)),
  failure: (error, _options, _req: IncomingMessage, res: ServerResponse) => {
    const { status, text } = refusal(error.code);
    send(
      res,
      status,
      page('gigdesk was not installed', `${paragraph(text)}<p><a href="/slack/install">Start again</a></p>`),
    );
  },
};
