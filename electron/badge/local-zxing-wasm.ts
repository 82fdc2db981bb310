/**
 * The barcode reader's WebAssembly, read from this install's own node_modules: zxing-wasm
 * would otherwise fetch it from a CDN, and the booth is offline. Used by the main process and
 * the CLI (the source tree through tsx, and the esbuild bundle, whose import.meta.url is
 * rewritten to the source file's, so the same node_modules is found).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useLocalZxingWasm } from '../../shared/parsing/barcode-decode';

const require = createRequire(import.meta.url);

/** The path of zxing-wasm's reader .wasm in node_modules; throws when the install is broken. */
export function zxingReaderWasmPath(): string {
  let wasmPath: string;
  try {
    wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  } catch {
    throw new Error('The barcode reader (zxing-wasm) is not installed. Reinstall LeadBooth (npm install).');
  }
  if (!fs.existsSync(wasmPath)) throw new Error(`The barcode reader's file is missing: ${wasmPath}. Reinstall LeadBooth.`);
  return wasmPath;
}

let loaded = false;

/** Gives the reader its local .wasm bytes, once per process. */
export function loadLocalZxingWasm(): void {
  if (loaded) return;
  const bytes = fs.readFileSync(zxingReaderWasmPath());
  useLocalZxingWasm({ wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  loaded = true;
}
