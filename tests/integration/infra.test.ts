import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';

/**
 * The deployment files agree with each other: every parameter passed is declared, every declared parameter
 * without a default is passed, every output the env files expect exists, and every ${{VAR}} the Toolkit has
 * to fill in comes from an env file or from an earlier step.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface BicepFile {
  params: Map<string, { hasDefault: boolean }>;
  outputs: Set<string>;
  modules: Array<{ file: string; passed: Set<string> }>;
}

function parseBicep(file: string): BicepFile {
  const text = read(file);
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)) params.set(m[1]!, { hasDefault: Boolean(m[2]) });
  const outputs = new Set([...text.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!));
  const modules: BicepFile['modules'] = [];
  for (const m of text.matchAll(/^module\s+\w+\s+'([^']+)'\s*=\s*\{/gm)) {
    // The module's `params: { … }` block, by brace matching from the module's opening brace.
    let depth = 0;
    let end = m.index! + m[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      if (text[end] === '}' && --depth === 0) break;
    }
    const body = text.slice(m.index!, end);
    const paramsBlock = /params:\s*\{([\s\S]*)\}/.exec(body)?.[1] ?? '';
    const passed = new Set([...paramsBlock.matchAll(/(?:^|[\s{,])(\w+)\s*:/g)].map((p) => p[1]!));
    modules.push({ file: path.join(path.dirname(file), m[1]!), passed });
  }
  return { params, outputs, modules };
}

function envKeys(file: string): Set<string> {
  return new Set([...read(file).matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!));
}

function writtenByYml(doc: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'writeToEnvironmentFile' && value && typeof value === 'object') {
          for (const v of Object.values(value)) names.add(String(v));
        } else visit(value);
      }
    }
  };
  visit(doc);
  return names;
}

describe('infrastructure and lifecycle files', () => {
  const main = parseBicep('infra/azure.bicep');

  it('declares every parameter the parameters file passes, and gets every required one', () => {
    const passed = Object.keys(
      (JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }).parameters,
    );
    expect(passed.filter((p) => !main.params.has(p))).toEqual([]);
    const required = [...main.params].filter(([, p]) => !p.hasDefault).map(([name]) => name);
    expect(required.filter((p) => !passed.includes(p))).toEqual([]);
  });

  it('passes each module exactly the parameters it declares', () => {
    expect(main.modules.length).toBeGreaterThanOrEqual(5);
    for (const module of main.modules) {
      const declared = parseBicep(module.file).params;
      expect({ module: module.file, unknown: [...module.passed].filter((p) => !declared.has(p)) }).toEqual({
        module: module.file,
        unknown: [],
      });
      const missing = [...declared].filter(([name, p]) => !p.hasDefault && !module.passed.has(name)).map(([n]) => n);
      expect({ module: module.file, missing }).toEqual({ module: module.file, missing: [] });
    }
  });

  it('has an output for every infrastructure value the env files expect', () => {
    for (const env of ['env/.env.dev', 'env/.env.local']) {
      const expected = read(env).split('# Outputs of infra/azure.bicep')[1] ?? '';
      const names = [...expected.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!);
      expect(names.length).toBeGreaterThan(3);
      expect(names.filter((n) => !main.outputs.has(n))).toEqual([]);
    }
    // And every output lands in a key the env files have.
    expect([...main.outputs].filter((o) => !envKeys('env/.env.dev').has(o))).toEqual([]);
  });

  it.each(['m365agents.yml', 'm365agents.local.yml'])(
    '%s: every placeholder is set by an env file or an earlier step',
    (file) => {
      const doc = load(read(file)) as { version: string; provision: unknown[] };
      expect(doc.version).toMatch(/^v1\.\d+$/);
      const env = file.includes('local') ? 'env/.env.local' : 'env/.env.dev';
      const known = new Set([...envKeys(env), ...writtenByYml(doc), 'TEAMSFX_ENV']);
      // The script step sets the scope id with ::set-teamsfx-env.
      known.add('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
      const used = new Set([
        ...placeholders(read(file)),
        ...placeholders(read('infra/azure.parameters.json')),
        ...placeholders(read('infra/aad.manifest.json')),
        ...placeholders(read('appPackage/manifest.json')),
      ]);
      expect([...used].filter((v) => !known.has(v)).sort()).toEqual([]);
    },
  );

  it.each(['m365agents.yml', 'm365agents.local.yml'])('%s: every file it points at exists', (file) => {
    const paths = [...read(file).matchAll(/(?:path|parameters|manifestPath):\s*(\.\/[^\s]+)/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(1);
    for (const p of paths) expect({ p, exists: fs.existsSync(path.join(ROOT, p)) }).toEqual({ p, exists: true });
  });

  it('registers only redirect URIs something answers: the nested app authentication broker, no web page', () => {
    // Teams SSO (getAuthToken) and Office SSO need no redirect; NAA needs the brk-multihub SPA redirect.
    const aad = JSON.parse(read('infra/aad.manifest.json')) as { replyUrlsWithType: Array<{ url: string }> };
    expect(aad.replyUrlsWithType.map((r) => r.url)).toEqual(['brk-multihub://${{TAB_DOMAIN}}']);
  });

  it('keeps secrets out of committed env files', () => {
    for (const env of fs.readdirSync(path.join(ROOT, 'env')).filter((f) => !f.endsWith('.user'))) {
      for (const [, key, value] of read(`env/${env}`).matchAll(/^([A-Z0-9_]+)=(.*)$/gm)) {
        if (/SECRET|PASSWORD/.test(key!)) expect({ key, value }).toEqual({ key, value: '' });
      }
    }
  });
});
