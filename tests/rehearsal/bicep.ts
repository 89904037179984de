import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Just enough Bicep to deploy infra/ on paper: params, vars, resources, modules and outputs, with the
 * expressions our templates use. What only Azure knows at deploy time (host names, identities, the Insights
 * connection string) comes from `AzureSimulation`; everything else is read from the files, so the rehearsal
 * runs the service with the settings the templates really give it.
 */
export interface AzureSimulation {
  /** Runtime properties Azure assigns to a resource of this type and name. */
  properties(type: string, name: string): Record<string, unknown>;
}

export interface Deployment {
  readonly outputs: Record<string, unknown>;
  /** Every resource deployed, this file's and its modules', by type (e.g. 'Microsoft.Web/sites'). */
  readonly resources: readonly DeployedResource[];
}

export interface DeployedResource {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly parentName?: string;
}

type Value = unknown;
type Scope = Map<string, () => Value>;

export function deployBicep(file: string, params: Record<string, Value>, azure: AzureSimulation): Deployment {
  const source = stripComments(fs.readFileSync(file, 'utf8'));
  const scope: Scope = new Map();
  const resources: DeployedResource[] = [];
  const lazy = (compute: () => Value) => {
    let done = false;
    let value: Value;
    return () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    };
  };
  const eval_ = (text: string) => new Parser(text).expression()(scope);
  const statements = splitStatements(source);
  for (const s of statements) {
    let m: RegExpMatchArray | null;
    if ((m = /^param\s+(\w+)\s+\w+(?:\s*=\s*([\s\S]+))?$/.exec(s))) {
      const [, name, fallback] = m;
      scope.set(
        name!,
        lazy(() => {
          if (name! in params) return params[name!];
          if (fallback === undefined) throw new Error(`${path.basename(file)}: parameter ${name} not given`);
          return eval_(fallback);
        }),
      );
    } else if ((m = /^var\s+(\w+)\s*=\s*([\s\S]+)$/.exec(s))) {
      const expr = m[2]!;
      scope.set(
        m[1]!,
        lazy(() => eval_(expr)),
      );
    } else if ((m = /^resource\s+(\w+)\s+'([^'@]+)@[^']+'\s*(existing\s*)?=\s*([\s\S]+)$/.exec(s))) {
      const [, symbol, type, existing, body] = m;
      scope.set(
        symbol!,
        lazy(() => {
          const evaluated = eval_(body!) as Record<string, unknown>;
          const parent = evaluated.parent as { name?: string } | undefined;
          const name = String(evaluated.name);
          if (!existing)
            resources.push({ type: type!, name, body: evaluated, ...(parent?.name && { parentName: parent.name }) });
          const full = parent?.name ? `${parent.name}/${name}` : name;
          if (existing) return { name, id: `/providers/${type}/${full}`, properties: azure.properties(type!, full) };
          return {
            ...evaluated,
            name,
            id: `/providers/${type}/${full}`,
            properties: { ...(evaluated.properties as object), ...azure.properties(type!, full) },
            ...(evaluated.identity !== undefined && { identity: { principalId: `principal-of-${name}` } }),
          };
        }),
      );
    } else if ((m = /^module\s+(\w+)\s+'([^']+)'\s*=\s*([\s\S]+)$/.exec(s))) {
      const [, symbol, relative, body] = m;
      scope.set(
        symbol!,
        lazy(() => {
          const spec = eval_(body!) as { params?: Record<string, Value> };
          const inner = deployBicep(path.join(path.dirname(file), relative!), spec.params ?? {}, azure);
          resources.push(...inner.resources);
          return { outputs: inner.outputs };
        }),
      );
    } else if (/^(targetScope|metadata)\b/.test(s)) {
      continue;
    } else if (!/^output\s/.test(s)) {
      throw new Error(`${path.basename(file)}: cannot read "${s.slice(0, 60)}"`);
    }
  }
  // Deploy every resource (even those no output names), then the outputs.
  for (const s of statements) {
    const m = /^(resource|module)\s+(\w+)/.exec(s);
    if (m) scope.get(m[2]!)!();
  }
  const outputs: Record<string, unknown> = {};
  for (const s of statements) {
    const m = /^output\s+(\w+)\s+\w+\s*=\s*([\s\S]+)$/.exec(s);
    if (m) outputs[m[1]!] = eval_(m[2]!);
  }
  return { outputs, resources };
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i += 1) {
        if (line[i] === "'") inString = !inString;
        if (!inString && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** Top-level statements: a line starting with a keyword, continued until its brackets balance. */
function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' && depth === 0) continue;
    if (trimmed.startsWith('@') && depth === 0) continue; // decorators
    current += (current ? '\n' : '') + line;
    let inString = false;
    for (const ch of line) {
      if (ch === "'") inString = !inString;
      if (inString) continue;
      if ('{[('.includes(ch)) depth += 1;
      if ('}])'.includes(ch)) depth -= 1;
    }
    if (depth === 0) {
      out.push(current.trim());
      current = '';
    }
  }
  return out;
}

type Expr = (scope: Scope) => Value;

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  resourceGroup: () => ({ location: 'rehearsal', id: '/resourceGroups/rehearsal' }),
  environment: () => ({ suffixes: { storage: 'core.windows.net' } }),
  take: (s, n) => String(s).slice(0, Number(n)),
  toLower: (s) => String(s).toLowerCase(),
  replace: (s, a, b) => String(s).split(String(a)).join(String(b)),
  guid: (...parts) => `guid(${parts.join(',')})`,
  subscriptionResourceId: (...parts) => `/subscriptions/rehearsal/${parts.join('/')}`,
};

/** Expressions: literals, interpolated strings, objects, arrays, member access, calls, == != && ||. */
class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  expression(): Expr {
    const e = this.or();
    this.space();
    return e;
  }

  private or(): Expr {
    let left = this.and();
    while (this.eat('||')) {
      const l = left;
      const r = this.and();
      left = (s) => Boolean(l(s)) || Boolean(r(s));
    }
    return left;
  }

  private and(): Expr {
    let left = this.equality();
    while (this.eat('&&')) {
      const l = left;
      const r = this.equality();
      left = (s) => Boolean(l(s)) && Boolean(r(s));
    }
    return left;
  }

  private equality(): Expr {
    let left = this.postfix();
    for (;;) {
      if (this.eat('!=')) {
        const l = left;
        const r = this.postfix();
        left = (s) => l(s) !== r(s);
      } else if (this.eat('==')) {
        const l = left;
        const r = this.postfix();
        left = (s) => l(s) === r(s);
      } else return left;
    }
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.peek('.')) {
        this.i += 1;
        const name = this.identifier();
        const target = e;
        e = (s) => {
          const obj = target(s) as Record<string, unknown> | undefined;
          if (obj === undefined || obj === null || !(name in obj)) throw new Error(`no member ${name}`);
          return obj[name];
        };
      } else return e;
    }
  }

  private primary(): Expr {
    this.space();
    const c = this.text[this.i];
    if (c === "'") return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '(') {
      this.i += 1;
      const e = this.or();
      this.expect(')');
      return e;
    }
    if (/\d/.test(c ?? '')) {
      const m = /^\d+/.exec(this.text.slice(this.i))!;
      this.i += m[0].length;
      const n = Number(m[0]);
      return () => n;
    }
    const name = this.identifier();
    if (name === 'true' || name === 'false') return () => name === 'true';
    if (name === 'null') return () => null;
    if (this.peek('(')) {
      this.i += 1;
      const args: Expr[] = [];
      while (!this.eat(')')) {
        args.push(this.or());
        this.eat(',');
      }
      const fn = FUNCTIONS[name];
      if (!fn) throw new Error(`unknown function ${name}()`);
      return (s) => fn(...args.map((a) => a(s)));
    }
    return (s) => {
      const get = s.get(name);
      if (!get) throw new Error(`unknown name ${name}`);
      return get();
    };
  }

  private string(): Expr {
    this.i += 1;
    const parts: (string | Expr)[] = [];
    let literal = '';
    while (this.text[this.i] !== "'") {
      if (this.i >= this.text.length) throw new Error('unterminated string');
      if (this.text.startsWith('${', this.i)) {
        this.i += 2;
        parts.push(literal);
        literal = '';
        parts.push(this.or());
        this.expect('}');
      } else {
        literal += this.text[this.i];
        this.i += 1;
      }
    }
    this.i += 1;
    parts.push(literal);
    return (s) => parts.map((p) => (typeof p === 'string' ? p : String(p(s)))).join('');
  }

  private object(): Expr {
    this.i += 1;
    const entries: [string, Expr][] = [];
    for (;;) {
      this.space(true);
      if (this.eat('}')) break;
      const key = this.peek("'") ? String(this.string()(new Map())) : this.identifier();
      this.expect(':');
      entries.push([key, this.or()]);
      this.eat(',');
    }
    return (s) => Object.fromEntries(entries.map(([k, v]) => [k, v(s)]));
  }

  private array(): Expr {
    this.i += 1;
    const items: Expr[] = [];
    for (;;) {
      this.space(true);
      if (this.eat(']')) break;
      items.push(this.or());
      this.eat(',');
    }
    return (s) => items.map((item) => item(s));
  }

  private identifier(): string {
    this.space();
    const m = /^[A-Za-z_]\w*/.exec(this.text.slice(this.i));
    if (!m) throw new Error(`expected a name at "${this.text.slice(this.i, this.i + 30)}"`);
    this.i += m[0].length;
    return m[0];
  }

  private space(newlines = true): void {
    while (this.i < this.text.length && (newlines ? /\s/ : /[ \t]/).test(this.text[this.i]!)) this.i += 1;
  }

  private peek(token: string): boolean {
    this.space();
    return this.text.startsWith(token, this.i);
  }

  private eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.i += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new Error(`expected ${token} at "${this.text.slice(this.i, this.i + 30)}"`);
  }
}
