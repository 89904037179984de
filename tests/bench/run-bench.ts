import { allFigures, formatTable, formatValue, heading, machineInfo, type SectionOutcome } from './bench-report';
import { graphRequestsBench } from './graph-requests-bench';
import { botScheduleBench } from './bot-schedule-bench';
import { serviceLoadBench } from './service-load-bench';
import { storageBench } from './storage-bench';
import { tabBench } from './tab-bench';

/**
 * `npm run bench`: each section measures one thing and says whether it passed. Later sections (Graph request
 * counts, bundle size, bot scheduling) go in this list.
 */
const SECTIONS: readonly {
  /** What `npm run bench -- <name>` selects. */
  readonly name: string;
  readonly title: string;
  readonly run: () => Promise<SectionOutcome>;
}[] = [
  { name: 'service', title: 'Service load (embedded mode)', run: () => serviceLoadBench() },
  {
    name: 'graph',
    title: 'Graph requests per user action (Microsoft 365 mode, Graph emulator)',
    run: () => graphRequestsBench(),
  },
  {
    name: 'storage',
    title: 'Documents that do not grow with history (file store, in process)',
    run: () => storageBench(),
  },
  { name: 'bot', title: 'Bot scheduling (simulated clock)', run: () => botScheduleBench() },
  { name: 'pages', title: 'Pages: weight and speed (Chromium)', run: () => tabBench() },
];

/** The sections named on the command line (`npm run bench -- graph tab`), or all of them. */
function chosenSections(names: readonly string[]): typeof SECTIONS {
  if (names.length === 0) return SECTIONS;
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0)
    throw new Error(
      `unknown bench section(s): ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
  return SECTIONS.filter((s) => names.includes(s.name));
}

async function main(): Promise<number> {
  const sections = chosenSections(process.argv.slice(2));
  const machine = machineInfo();
  console.log(
    `Tandem benchmarks: node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.platform}`,
  );
  console.log(`memory ${machine.totalMemoryGiB} GiB; the load generator runs on the same machine as the server`);
  const failed: string[] = [];
  for (const section of sections) {
    console.log(heading(section.title));
    const outcome = await section.run().catch((error: unknown): SectionOutcome => ({
      ok: false,
      problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
    }));
    if (outcome.artifact) console.log(`results: ${outcome.artifact}`);
    for (const problem of outcome.problems) console.log(`FAIL: ${problem}`);
    if (!outcome.ok) failed.push(section.title);
  }
  console.log(heading('Summary'));
  const figures = allFigures();
  if (figures.length > 0)
    console.log(
      formatTable(
        ['figure', 'value', 'goal', ''],
        figures.map((f) => [f.name, formatValue(f), f.goal ?? '', f.ok ? 'ok' : 'FAIL']),
      ),
    );
  console.log(failed.length === 0 ? `all ${sections.length} section(s) passed` : `failed: ${failed.join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
