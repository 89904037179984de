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

  // What Teams does when the call ends: the session is marked ended, and the bot sends the recap once.
  document.getElementById('end-meeting').addEventListener('click', async () => {
    status.textContent = 'Ending the meeting…';
    try {
      const token = await devToken('avery');
      const auth = { authorization: 'Bearer ' + token };
      const me = await (await fetch('/api/me', { headers: auth })).json();
      const pair = me.pairs.find((p) => p.other.id === 'blake');
      const session = pair && pair.nextSession;
      if (!session) throw new Error('no session to end');
      const response = await fetch('/api/pairs/' + pair.id + '/sessions/' + session.id + '/end', {
        method: 'POST',
        headers: auth,
      });
      if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
      status.textContent = 'Meeting ended: the recap is on its way to the chat.';
    } catch (error) {
      status.textContent = 'Could not end the meeting: ' + error.message;
    }
  });

  // The Playground serves its own page on its own port (blank here until `npm run playground` runs).
  document.getElementById('chat').src = playground;
})();
