import { createRoot } from 'react-dom/client';
import { App } from './app';
import { EmbeddedRoot } from './views/demo-user-picker';
import { connectTeams } from './host/teams-host';

/** Inside Teams (or a page that answers like it) the host says who and where; otherwise a demo-user picker. */
async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const search = new URLSearchParams(window.location.search);
  const teams = await connectTeams();
  root.render(teams ? <App host={teams} search={search} /> : <EmbeddedRoot search={search} />);
}

void main();
