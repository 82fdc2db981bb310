/**
 * shared/ is type-checked with neither the DOM's nor Node's types (shared/tsconfig.json), so it
 * can only use what both runtimes have. TextEncoder and TextDecoder are in both (every browser,
 * Node ≥ 11 as globals): the part shared/ uses is declared once, here.
 */
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
/** Throws a RangeError for a label it does not know. */
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };
