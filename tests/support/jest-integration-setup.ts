// Integration tests start services and child processes: on a busy machine that takes seconds. They wait for
// conditions; this only bounds how long a test may take before it counts as hung.
jest.setTimeout(60_000);
