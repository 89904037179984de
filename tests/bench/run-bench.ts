import { heading, machineInfo, type SectionOutcome } from './bench-report';
import { graphRequestsBench } from './graph-requests-bench';
import { serviceLoadBench } from './service-load-bench';
import { tabBench } from './tab-bench';

/**
 * `npm run bench`: each section measures one thing and says whether it passed. Later sections (Graph request
 * counts, bundle size, bot scheduling) go in this list.
 */
const SECTIONS: readonly { readonly title: string; readonly run: () => Promise<SectionOutcome> }[] = [
  { title: 'Service load (embedded mode)', run: () => serviceLoadBench() },
  { title: 'Graph requests per user action (Microsoft 365 mode, Graph emulator)', run: () => graphRequestsBench() },
  { title: 'Teams tab (Chromium)', run: () => tabBench() },
];

async function main(): Promise<number> {
  const machine = machineInfo();
  console.log(
    `Tandem benchmarks: node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.platform}`,
  );
  console.log(`memory ${machine.totalMemoryGiB} GiB; the load generator runs on the same machine as the server`);
  const failed: string[] = [];
  for (const section of SECTIONS) {
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
  console.log(failed.length === 0 ? `all ${SECTIONS.length} section(s) passed` : `failed: ${failed.join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
