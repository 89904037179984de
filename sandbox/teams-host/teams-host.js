'use strict';
// A same-origin page that plays Teams for the tab (teams-js has no mock host). It answers the messages
// teams-js posts to its parent — initialize, getContext, meeting details, SSO tokens — the way Teams does,
// and can push a theme change. Query string: tab (URL, default /tab/), user (demo user, default blake),
// chatId (default: the user's first 1:1's meeting chat), frameContext (default sidePanel), theme, width,
// locale (Teams' spelling, default en-us), meetingStart (ISO), initializeDelayMs (answer initialize that much later: a slow Teams), sso (`dev`: the
// service's dev tokens, embedded mode; `host`: the page's own server hands out Entra-shaped tokens, for
// Microsoft 365 mode against a local identity provider), tid and oid (the signed-in person's tenant and object
// id in the context, Microsoft 365 mode). The tab may live on another origin than this page (as it does in
// Teams, whose page frames the app's own host): messages go to, and are taken only from, the frame's origin.
(async function teamsHost() {
  const query = new URLSearchParams(location.search);
  const user = query.get('user') || 'blake';
  const frameContext = query.get('frameContext') || 'sidePanel';
  let theme = query.get('theme') || 'default';
  const frame = document.getElementById('frame');
  const tabUrl = new URL(query.get('tab') || '/tab/', location.href);
  frame.style.width = query.get('width') || (frameContext === 'sidePanel' ? '320px' : '100%');
  document.body.classList.toggle('dark', theme !== 'default');

  const sso = query.get('sso') || 'dev';
  const tid = query.get('tid') || 'tandem-demo-tenant';
  const oid = query.get('oid') || user;

  async function fetchToken() {
    const response =
      sso === 'host'
        ? await fetch('/teams-host/sso-token?user=' + encodeURIComponent(user))
        : await fetch('/api/dev/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user }),
          });
    if (!response.ok) throw new Error('no token for ' + user);
    return (await response.json()).token;
  }

  /** Seconds-since-epoch expiry of a JWT, in ms (0 when unreadable: not reused). */
  function expiryOf(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return (JSON.parse(atob(payload)).exp || 0) * 1000;
    } catch {
      return 0;
    }
  }

  // Teams answers getAuthToken from its cache while the token is valid and asks Entra ID only when it has
  // expired (Microsoft's "Add code to enable SSO"): one token, asked for as the page opens, serves the tab.
  let cached;
  function ssoToken() {
    const current = cached;
    if (!current) {
      const fresh = (cached = fetchToken());
      fresh.catch(() => cached === fresh && (cached = undefined));
      return fresh;
    }
    return current.then((token) => {
      if (expiryOf(token) - 60_000 > Date.now()) return token;
      if (cached === current) cached = undefined;
      return ssoToken();
    });
  }

  // Teams knows the meeting it opens the app in before the app's frame exists: the frame starts loading at
  // once, and only the answers that name the chat wait for this page's own look-up of it (the demo user's first
  // 1:1, when the query gives none), never the tab's HTML and scripts.
  const chatIdKnown = query.get('chatId')
    ? Promise.resolve(query.get('chatId'))
    : ssoToken()
        .then((token) => fetch('/api/me', { headers: { authorization: 'Bearer ' + token } }))
        .then((response) => response.json())
        .then((me) => (me.pairs.find((p) => p.chatId) || {}).chatId || '')
        .catch(() => '');
  const requests = [];
  let chatId;
  let meetingId;
  const known = chatIdKnown.then((id) => {
    chatId = id;
    meetingId = 'MCMx' + btoa(chatId).replace(/=+$/, '');
    window.teamsHost.chatId = chatId;
  });
  window.teamsHost = {
    requests,
    user,
    chatId,
    setTheme(next) {
      theme = next;
      document.body.classList.toggle('dark', theme !== 'default');
      frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, tabUrl.origin);
    },
  };

  function legacyContext() {
    return {
      locale: query.get('locale') || 'en-us',
      theme,
      frameContext,
      hostName: 'Teams',
      hostClientType: 'web',
      tid,
      userObjectId: oid,
      loginHint: user + '@tandem.example',
      userPrincipalName: user + '@tandem.example',
      chatId,
      meetingId,
      entityId: 'tandem-agenda',
      appSessionId: 'fake-session',
    };
  }

  function initializeAnswer() {
    return [
      frameContext,
      'web',
      JSON.stringify({
        apiVersion: 4,
        hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
        isLegacyTeams: false,
        supports: {
          appInstallDialog: {},
          authentication: {},
          dialog: { card: {}, url: {} },
          meeting: {},
          pages: { appButton: {}, config: {}, tabs: {}, backStack: {} },
          teams: { fullTrust: {} },
          teamsCore: {},
        },
      }),
      '2.0.0',
    ];
  }

  const initializeDelayMs = Number(query.get('initializeDelayMs')) || 0;
  const answers = {
    initialize: async () => {
      await new Promise((resolve) => setTimeout(resolve, initializeDelayMs));
      return initializeAnswer();
    },
    getContext: async () => {
      await known;
      return [legacyContext()];
    },
    'meeting.getMeetingDetails': async () => {
      await known;
      return meetingDetails();
    },
    'authentication.getAuthToken': async () => [true, await ssoToken()],
  };

  function meetingDetails() {
    return [
      null,
      {
        details: {
          id: meetingId,
          type: 'OneToOneCall',
          title: 'Tandem 1:1',
          joinUrl: 'https://teams.microsoft.com/l/meetup-join/' + encodeURIComponent(chatId) + '/0',
          ...(query.get('meetingStart') && { scheduledStartTime: query.get('meetingStart') }),
        },
        conversation: { id: chatId },
        organizer: { id: query.get('organizer') || 'avery', tenantId: tid },
      },
    ];
  }

  window.addEventListener('message', async (event) => {
    if (event.source !== frame.contentWindow || event.origin !== tabUrl.origin) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    requests.push(message.func);
    const answer = answers[message.func];
    if (!answer) return; // fire-and-forget calls (registerHandler, appInitialization.success, …)
    const args = await answer(message.args);
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, tabUrl.origin);
  });

  frame.src = tabUrl.href;
})();
