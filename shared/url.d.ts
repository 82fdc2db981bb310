/**
 * URL is in both runtimes (every browser, Node ≥ 10 as a global) but in neither's types that
 * shared/ sees (shared/tsconfig.json, as text-codecs.d.ts explains): the part shared/ uses.
 */
interface URLSearchParams {
  [Symbol.iterator](): IterableIterator<[string, string]>;
  get(name: string): string | null;
}
interface URL {
  readonly hostname: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
/** Throws a TypeError for text that is not a URL. */
declare var URL: { prototype: URL; new (url: string, base?: string): URL };
