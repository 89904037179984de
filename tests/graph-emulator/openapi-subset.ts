import * as fs from 'node:fs';
import * as path from 'node:path';

interface Operation {
  readonly requestBody?: { readonly required?: boolean };
}

/**
 * The Graph operations Tandem may use (../shared/graph-ref/graph-v1-subset.openapi.json). Every request
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

  constructor(file = defaultSubsetFile()) {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    this.templates = Object.entries(doc.paths).map(([template, ops]) => ({
      template,
      ops,
      regex: new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[$.*+?()[\]\\^|]/g, '\\$&')))
          .join('')}$`,
      ),
    }));
  }

  /** Undefined when the request is allowed, else why not. */
  check(method: string, pathname: string, hasBody: boolean): string | undefined {
    const candidates = [pathname, collapseColonPaths(pathname)];
    for (const candidate of candidates) {
      const match = this.templates.find((t) => t.regex.test(candidate));
      if (!match) continue;
      const op = match.ops[method.toLowerCase()];
      if (!op) return `${method} is not an operation of ${match.template} in the subset`;
      if (op.requestBody?.required && !hasBody) return `${method} ${match.template} requires a body`;
      return undefined;
    }
    return `${method} ${pathname}: path not in the Graph subset`;
  }
}

export function collapseColonPaths(pathname: string): string {
  return pathname.replace(/\/([^/:]+):\/[^:]*:(?=\/|$)/g, '/$1');
}

export function defaultSubsetFile(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared', 'graph-ref', 'graph-v1-subset.openapi.json');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('graph-v1-subset.openapi.json not found in ../shared/graph-ref');
}
