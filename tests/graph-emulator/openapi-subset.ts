import * as fs from 'node:fs';
import * as path from 'node:path';

interface Schema {
  readonly $ref?: string;
  readonly required?: readonly string[];
  readonly allOf?: readonly Schema[];
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly 'x-ms-required-parameters'?: readonly string[];
}

interface Operation {
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: Record<string, { readonly schema?: Schema }>;
  };
}

/**
 * The Graph operations Tandem may use (reference/graph-v1-subset.openapi.json). Every request
 * Tandem sends to the emulator is checked here: an unknown path or method is a test failure.
 *
 * Path-based drive addressing (`{item-id}:/{relative/path}:`) stands for an item id anywhere Graph takes one,
 * so it is matched as a single `{driveItem-id}` segment unless the subset spells the colon form out.
 */
export class OpenApiSubset {
  private readonly templates: {
    readonly regex: RegExp;
    readonly template: string;
    readonly ops: Record<string, Operation>;
  }[];

  private readonly schemas: Record<string, Schema>;

  constructor(file = defaultSubsetFile()) {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    this.schemas = doc.components.schemas;
    this.templates = Object.entries(doc.paths).map(([template, ops]) => ({
      template,
      ops,
      regex: templateRegex(template),
    }));
  }

  /** Undefined when the request is allowed (path, method, required body properties), else why not. */
  check(method: string, pathname: string, body: string): string | undefined {
    let refusal: string | undefined;
    for (const candidate of [pathname, collapseColonPaths(pathname)]) {
      for (const match of this.templates.filter((t) => t.regex.test(candidate))) {
        const op = match.ops[method.toLowerCase()];
        if (!op) {
          refusal ??= `${method} is not an operation of ${match.template} in the subset`;
          continue;
        }
        if (op.requestBody?.required && body.length === 0) return `${method} ${match.template} requires a body`;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (schema && body.length > 0) {
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            return `${method} ${match.template}: the body is not JSON`;
          }
          const missing = this.missing(schema, json, 'body');
          if (missing) return `${method} ${match.template}: ${missing} is required`;
        }
        return undefined;
      }
    }
    return refusal ?? `${method} ${pathname}: path not in the Graph subset`;
  }

  /** The first required property the value lacks, as a path; nested objects and arrays included. */
  private missing(schema: Schema, value: unknown, at: string): string | undefined {
    const s = this.resolve(schema);
    if (Array.isArray(value)) {
      if (!s.items) return undefined;
      for (const [i, v] of value.entries()) {
        const m = this.missing(s.items, v, `${at}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const parts = [s, ...(s.allOf ?? []).map((p) => this.resolve(p))];
    for (const part of parts) {
      for (const name of [...(part.required ?? []), ...(part['x-ms-required-parameters'] ?? [])]) {
        if (!(name in record) && !(name.charAt(0).toLowerCase() + name.slice(1) in record)) return `${at}.${name}`;
      }
      for (const [name, child] of Object.entries(part.properties ?? {})) {
        if (name in record) {
          const m = this.missing(child, record[name], `${at}.${name}`);
          if (m) return m;
        }
      }
    }
    return undefined;
  }

  private resolve(schema: Schema): Schema {
    const name = schema.$ref?.replace('#/components/schemas/', '');
    return name ? (this.schemas[name] ?? {}) : schema;
  }
}

/**
 * A path template as a regular expression. A parameter between `:/` and `:` is a path relative to an item
 * (path-based addressing), which may name folders below it: it matches slashes too.
 */
function templateRegex(template: string): RegExp {
  const parts = template.split(/(\{[^}]+\})/);
  const pattern = parts.map((part, i) => {
    if (!part.startsWith('{')) return part.replace(/[$.*+?()[\]\\^|]/g, '\\$&');
    const relative = (parts[i - 1] ?? '').endsWith(':/') && (parts[i + 1] ?? '').startsWith(':');
    return relative ? '[^:]+' : '[^/]+';
  });
  return new RegExp(`^${pattern.join('')}$`);
}

export function collapseColonPaths(pathname: string): string {
  return pathname.replace(/\/([^/:]+):\/[^:]*:(?=\/|$)/g, '/$1');
}

/**
 * The project's own copy of the Graph v1.0 operations Tandem uses, generated from Microsoft's published
 * metadata (docs/graph-facts.md, The OpenAPI subset): what the tests need lives in the project.
 */
export function defaultSubsetFile(): string {
  // From the source folder or from its compiled copy in dist/: find the repository root.
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tests', 'graph-emulator', 'reference', 'graph-v1-subset.openapi.json');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('tests/graph-emulator/reference/graph-v1-subset.openapi.json is missing');
}
