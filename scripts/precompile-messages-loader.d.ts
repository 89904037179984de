/** The webpack loader's transform (precompile-messages-loader.js), for its tests. */
export function precompileMessages(source: string, parse: (message: string) => unknown, fileName: string): string;
