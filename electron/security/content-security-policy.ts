/**
 * The one Content-Security-Policy the renderer runs under, sent as a header on every
 * response of the app:// protocol (Electron) and of the loopback host (browser mode).
 *
 * Everything comes from our own origin: no inline script or style, no eval (only the
 * compiling of our own WebAssembly, the badge reader), no remote
 * fetch (the app must work with the cable pulled, and nothing may phone home), no
 * plugins, no <base> rewriting, no form posts, and nobody may frame us. `data:` and
 * `blob:` images are allowed because card photos are shown from memory before and after
 * they are saved.
 *
 * Lives here, not in shared/, because the renderer build does not need it: the policy
 * travels as a response header, never as a <meta> tag (a header also covers
 * frame-ancestors, which a <meta> tag cannot).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly (the badge reader, zxing-wasm, whose
  // .wasm is one of our own files); it allows no eval() and no script from anywhere else.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
