'use strict';
// The three surfaces side by side (embedded mode only). The Teams pane is the fake Teams host framing the
// real tab; the chat pane is the Agents Playground when `npm run playground` runs beside the service.
(function sandbox() {
  const query = new URLSearchParams(location.search);
  const playground = query.get('playground') || 'http://localhost:56150';
  const teams = document.getElementById('teams');
  const user = document.getElementById('teams-user');
  const status = document.getElementById('end-status');

  function showTeams() {
    const host = new URLSearchParams({ user: user.value, width: '100%' });
    teams.src = '/sandbox/teams-host/index.html?' + host.toString();
  }
  user.addEventListener('change', showTeams);
  showTeams();

  async function devToken(name) {
    const response = await fetch('/api/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: name }),
    });
    return (await response.json()).token;
  }

  // What Teams does when the call ends: the meeting taking place now is ended, and the bot sends the recap
  // once. The sandbox has no real call, so the first click holds the next meeting now (Teams' meetingStart,
  // then meetingEnd); a second click finds that meeting already ended and never touches the one after it.
  const DAY = 86400000;
  document.getElementById('end-meeting').addEventListener('click', async () => {
    status.textContent = 'Ending the meeting…';
    try {
      const token = await devToken('avery');
      const auth = { authorization: 'Bearer ' + token };
      const me = await (await fetch('/api/me', { headers: auth })).json();
      const pair = me.pairs.find((p) => p.other.id === 'blake');
      if (!pair) throw new Error('Avery has no 1:1 with Blake');
      const now = Date.now();
      const window = new URLSearchParams({
        from: new Date(now - 2 * DAY).toISOString(),
        to: new Date(now + 40 * DAY).toISOString(),
      });
      const list = await (await fetch('/api/pairs/' + pair.id + '/sessions?' + window, { headers: auth })).json();
      const sessions = list.sessions || [];
      const base = '/api/pairs/' + pair.id + '/sessions/';
      const post = async (path) => {
        const response = await fetch(base + path, { method: 'POST', headers: auth });
        if (!response.ok) throw new Error((await response.json()).title || response.statusText);
      };
      const inProgress = sessions.find((s) => s.status === 'in-progress');
      const justHeld = sessions.find((s) => s.status === 'held' && s.heldAt && now - Date.parse(s.heldAt) < DAY);
      if (inProgress) {
        await post(inProgress.id + '/end');
      } else if (justHeld) {
        status.textContent = 'This meeting has already ended: the recap went to the chat.';
        return;
      } else {
        const next = pair.nextSession;
        if (!next) throw new Error('there is no meeting to hold');
        await post(next.id + '/start');
        await post(next.id + '/end');
      }
      status.textContent = 'Meeting ended: the recap is on its way to the chat.';
    } catch (error) {
      status.textContent = 'Could not end the meeting: ' + error.message;
    }
  });

  // The Playground serves its own page on its own port (blank here until `npm run playground` runs). Below
  // 930 px it lays its log panel over the chat, and hides it only when its width crosses 930 px after it has
  // loaded: so the frame opens wide (clipped by the pane) and then takes the pane's width, which leaves the
  // chat and its input free. Twice, in case the Playground's page was not listening yet the first time.
  const chat = document.getElementById('chat');
  chat.addEventListener('load', () => {
    const narrow = () => chat.classList.remove('wide-first');
    const cycle = () => {
      chat.classList.add('wide-first');
      requestAnimationFrame(() => requestAnimationFrame(narrow));
    };
    setTimeout(cycle, 300);
    setTimeout(cycle, 1500);
  });
  chat.classList.add('wide-first');
  chat.src = playground;
})();
