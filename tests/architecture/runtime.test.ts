import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Tandem runs on Node 24 everywhere, though these machines ship an older Node: the `node` dev dependency
 * puts its own binary first on the PATH of every npm script (see docs/decisions.md, Runtime). These checks
 * prove it on every run, in CI included, and keep the places that name the runtime in agreement.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const REQUIRED_MAJOR = 24;
const major = (version: string) => Number(/(\d+)/.exec(version)?.[1]);
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('the runtime', () => {
  it('runs the tests on Node 24 or later', () => {
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(REQUIRED_MAJOR);
  });

  it('gives Node 24 to what a test or script starts as `node` from the PATH (tools with a node shebang)', () => {
    const version = execFileSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    expect(major(version)).toBeGreaterThanOrEqual(REQUIRED_MAJOR);
  });

  it('names one Node major in engines, the node dev dependency, @types/node and the App Service stack', () => {
    const bicep = fs.readFileSync(path.join(ROOT, 'infra', 'modules', 'web-app.bicep'), 'utf8');
    const stack = /linuxFxVersion:\s*'NODE\|(\d+)-lts'/.exec(bicep)?.[1];
    expect({
      engines: packageJson.engines.node,
      node: major(packageJson.devDependencies.node ?? ''),
      typesNode: major(packageJson.devDependencies['@types/node'] ?? ''),
      appService: Number(stack),
    }).toEqual({
      engines: `>=${REQUIRED_MAJOR}`,
      node: REQUIRED_MAJOR,
      typesNode: REQUIRED_MAJOR,
      appService: REQUIRED_MAJOR,
    });
  });
});
