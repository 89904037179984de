import type * as restify from 'restify';

/**
 * The privacy statement and terms of use the app manifest points at (`developer.privacyUrl`,
 * `termsOfUseUrl`), served in every mode. Short and true to how Tandem stores data (docs/decisions.md);
 * change them with the storage.
 */
const PRIVACY = `
<h1>Tandem: privacy</h1>
<p>Tandem is a one-on-one meeting companion run by your organization. It keeps the data of your 1:1s in your
organization's Microsoft 365 tenant and sends it to no one else.</p>
<h2>What Tandem stores, and where</h2>
<ul>
  <li><strong>Shared 1:1 data</strong> — the agenda, topics, shared notes, check-ins, action items, goals,
  feedback and your own ratings of a session — in one SharePoint document library your administrator chose.
  Only the two people of a 1:1 see it through Tandem.</li>
  <li><strong>Private notes</strong> in your own OneDrive, in Tandem's app folder. Only you can read them:
  Tandem reaches that folder only while serving your own requests.</li>
  <li><strong>The meeting series</strong> on the manager's Outlook calendar, as an ordinary Teams meeting.</li>
  <li><strong>People</strong>: names, managers and direct reports are read from Microsoft Entra ID when needed,
  not copied elsewhere.</li>
  <li><strong>To make the bot work</strong>: which Teams chats Tandem was installed in (ids, no messages) and
  its queue of reminders (ids and times, no text), in the Azure Storage account of this deployment.</li>
  <li><strong>Only if your administrator turned it on</strong>: your own action items are copied to your
  Microsoft To Do.</li>
</ul>
<h2>What Tandem does not do</h2>
<ul>
  <li>It does not show a manager a report's individual ratings: managers see ratings pooled over at least three
  people, or nothing.</li>
  <li>It writes no note text, topic text or sign-in token to its logs or its telemetry. Telemetry (Application
  Insights in this deployment's Azure subscription) records requests, calls to Microsoft Graph and errors, with
  addresses stripped of their query strings.</li>
  <li>It sells nothing and shows no advertising.</li>
</ul>
<p>Questions about your data, or a request to see or delete it, go to your organization's Microsoft 365
administrator, who controls where it is stored.</p>
<p>Embedded mode (a local trial with demo people) keeps everything in a data folder on the computer running it.</p>
`;

const TERMS = `
<h1>Tandem: terms of use</h1>
<p>Tandem is provided to you by your organization, which runs it in its own Microsoft 365 tenant and Azure
subscription. Your organization's policies for Microsoft 365 apply to what you write in it.</p>
<ul>
  <li>Use Tandem for your one-on-one meetings. What you write in a shared agenda or shared notes is seen by the
  other person of that 1:1; private notes are yours alone.</li>
  <li>Tandem is provided as is, without warranty. Keep anything you must not lose in your organization's
  systems of record too.</li>
  <li>Your administrator can remove Tandem; the data stays in your tenant (the SharePoint library, your OneDrive
  app folder and your calendar) until they delete it.</li>
</ul>
<p>See also <a href="/privacy">what Tandem stores and where</a>.</p>
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body><main>${body}</main></body>
</html>
`;
}

export function mountLegalPages(server: restify.Server): void {
  for (const [path, title, body] of [
    ['/privacy', 'Tandem: privacy', PRIVACY],
    ['/terms', 'Tandem: terms of use', TERMS],
  ] as const) {
    const html = page(title, body);
    server.get(path, (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(html);
      next();
    });
  }
}
