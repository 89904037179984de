import { makeDataDir, removeDataDir } from '../support/data-dir';
import { ServerProcess } from '../support/server-process';

/**
 * Built servers as child processes sharing one data folder for the enclosing describe block, all
 * killed and the folder removed afterwards. For tests that restart or kill the service.
 */
export function useServerProcesses(label: string): { dataDir: () => string; start: () => Promise<ServerProcess> } {
  let dataDir = '';
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    dataDir = await makeDataDir(label);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await removeDataDir(dataDir);
  });
  return {
    dataDir: () => dataDir,
    start: async () => {
      const server = await ServerProcess.start({ dataDir });
      servers.push(server);
      return server;
    },
  };
}
