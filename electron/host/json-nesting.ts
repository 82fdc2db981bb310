/**
 * How deeply a JSON text nests, measured on its bytes as they arrive. JSON.parse takes time
 * that grows with nesting far more than with size (a 40 MB body of nested arrays blocked the
 * event loop for 23 s), and no channel of the contract nests more than a few levels: a body
 * deeper than MAX_JSON_NESTING is refused while it is read, before anything parses it.
 */
export const MAX_JSON_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

export class JsonNestingGauge {
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Reads the next piece of the body; false once it has nested deeper than the limit. */
  feed(chunk: Uint8Array): boolean {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (++this.depth > MAX_JSON_NESTING) return false;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) this.depth--;
    }
    return true;
  }
}
