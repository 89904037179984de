import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runTrace } from './run-trace';
import type { Trace } from './trace';
import { embeddedWorld, graphWorld, type World } from './worlds';

/** Every trace in traces/, each run in both modes: a new scenario is one new file there. */
const traces: Trace[] = readdirSync(path.join(__dirname, 'traces'))
  .filter((file) => file.endsWith('.trace.ts'))
  .sort()
  .map((file) => jest.requireActual<{ default: Trace }>(path.join(__dirname, 'traces', file)).default);

const modes: ReadonlyArray<readonly [string, 'embedded' | 'graph', (start: Date) => Promise<World>]> = [
  ['embedded mode (local calendar)', 'embedded', embeddedWorld],
  ['Microsoft 365 mode (Graph emulator)', 'graph', graphWorld],
];

describe.each(modes)('calendar scenarios, %s', (_mode, mode, makeWorld) => {
  const here = traces.filter((t) => !t.modes || t.modes.includes(mode));
  it.each(here.map((t) => [t.name, t] as const))('%s', async (_name, trace) => {
    const world = await makeWorld(new Date(trace.start));
    try {
      await runTrace(trace, world);
    } finally {
      await world.close();
    }
  });
});
