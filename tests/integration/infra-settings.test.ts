import * as fs from 'node:fs';
import * as path from 'node:path';

/** The app settings the infrastructure gives the web app are settings the service actually reads. */
describe('web app settings', () => {
  const root = path.resolve(__dirname, '..', '..');
  const bicep = fs.readFileSync(path.join(root, 'infra', 'modules', 'web-app.bicep'), 'utf8');
  const config = fs.readFileSync(path.join(root, 'server', 'config.ts'), 'utf8');

  it('sets only TANDEM_ variables that server/config.ts parses, and every required Microsoft 365 one', () => {
    const set = [...bicep.matchAll(/name: '(TANDEM_[A-Z_]+)'/g)].map((m) => m[1]!);
    const parsed = new Set([...config.matchAll(/^\s+(TANDEM_[A-Z_]+):/gm)].map((m) => m[1]!));
    expect(set.filter((name) => !parsed.has(name))).toEqual([]);
    for (const required of [
      'TANDEM_MODE',
      'TANDEM_TENANT_ID',
      'TANDEM_CLIENT_ID',
      'TANDEM_SITE_DRIVE_ID',
      'TANDEM_BOT_ID',
    ]) {
      expect(set).toContain(required);
    }
  });
});
