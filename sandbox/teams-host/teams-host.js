'use strict';
// A same-origin page that plays Teams for the tab (teams-js has no mock host). It answers the messages
// teams-js posts to its parent — initialize, getContext, meeting details, SSO tokens — the way Teams does,
// and can push a theme change. Query string: tab (URL, default /tab/), user (demo user, default blake),
// chatId (default: the user's first 1:1's meeting chat), frameContext (default sidePanel), theme, width,
// meetingStart (ISO), initializeDelayMs (answer initialize that much later: a slow Teams). Embedded mode only: SSO tokens are the service's dev tokens.
(async function teamsHost() {
  const query = new URLSearchParams(location.search);
  const user = query.get('user') || 'blake';
  const frameContext = query.get('frameContext') || 'sidePanel';
  let theme = query.get('theme') || 'default';
  const frame = document.getElementById('frame');
  frame.style.width = query.get('width') || (frameContext === 'sidePanel' ? '320px' : '100%');
  document.body.classList.toggle('dark', theme !== 'default');

  async function devToken() {
    const response = await fetch('/api/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (!response.ok) throw new Error('no dev token for ' + user);
    return (await response.json()).token;
  }

  const token = await devToken();
  let chatId = query.get('chatId');
  if (!chatId) {
    const me = await (await fetch('/api/me', { headers: { authorization: 'Bearer ' + token } })).json();
    chatId = (me.pairs.find((p) => p.chatId) || {}).chatId || '';
  }
  const meetingId = 'MCMx' + btoa(chatId).replace(/=+$/, '');
  const requests = [];
  window.teamsHost = {
    requests,
    user,
    chatId,
    setTheme(next) {
      theme = next;
      document.body.classList.toggle('dark', theme !== 'default');
      frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
    },
  };

  function legacyContext() {
    return {
      locale: 'en-us',
      theme,
      frameContext,
      hostName: 'Teams',
      hostClientType: 'web',
      tid: 'tandem-demo-tenant',
      userObjectId: user,
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
    getContext: () => [legacyContext()],
    'meeting.getMeetingDetails': () => [
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
        organizer: { id: 'avery', tenantId: 'tandem-demo-tenant' },
      },
    ],
    'authentication.getAuthToken': async () => [true, await devToken()],
  };

  window.addEventListener('message', async (event) => {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    requests.push(message.func);
    const answer = answers[message.func];
    if (!answer) return; // fire-and-forget calls (registerHandler, appInitialization.success, …)
    const args = await answer(message.args);
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
  });

  frame.src = query.get('tab') || '/tab/';
})();
