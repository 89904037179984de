/** The webpack loader's transform (precompute-theme-loader.js), for its tests. */
export function precomputedThemes(exports: Record<string, unknown>, fileName: string): string;
