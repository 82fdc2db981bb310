/**
 * What may be handed to shell.openExternal: the operating system opens whatever it is
 * given with the program registered for it, so a URL from a lead (a website typed at the
 * booth, an email address read off a card) could otherwise launch programs (file:, smb:,
 * ms-msdt:, custom app schemes) or make the mail client attach local files.
 *
 * Only two kinds pass:
 * - https: with a host name and no credentials (user:pass@ is a phishing trick);
 * - mailto: with one or more plausible addresses and only the subject, body, cc and bcc
 *   fields (some mail clients honour attach= and would attach a local file).
 * Both at most 2,048 characters, with no control characters or spaces anywhere. Pure (no
 * `electron` import) so the follow-up email feature and the navigation guards share it.
 */
const MAX_EXTERNAL_URL_LENGTH = 2048;
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc']);
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkExternalUrl(url: string): ExternalUrlCheck {
  if (url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return refuse('empty or longer than 2,048 characters');
  // The pattern names control characters on purpose: they are what is refused.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return refuse('control characters or spaces');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not a URL');
  }
  if (parsed.protocol === 'https:') {
    if (parsed.hostname === '') return refuse('no host');
    if (parsed.username !== '' || parsed.password !== '') return refuse('credentials in the link');
    return { ok: true, url: parsed.href };
  }
  if (parsed.protocol === 'mailto:') {
    const pathname = decodedOrNull(parsed.pathname);
    if (pathname === null) return refuse('broken percent-escapes in the address');
    const addresses = pathname.split(',').filter(Boolean);
    if (addresses.length === 0 || !addresses.every((address) => ADDRESS.test(address.trim()))) return refuse('not an email address');
    for (const [field, value] of parsed.searchParams) {
      if (!MAILTO_FIELDS.has(field.toLowerCase())) return refuse(`mail field "${field}" is not allowed`);
      if ((field === 'cc' || field === 'bcc') && !value.split(',').every((address) => ADDRESS.test(address.trim()))) return refuse(`${field} is not an email address`);
    }
    return { ok: true, url };
  }
  return refuse(`the ${parsed.protocol} scheme is not opened`);
}

export function isSafeExternalUrl(url: string): boolean {
  return checkExternalUrl(url).ok;
}

/**
 * Opens a checked URL with the system browser or mail client; refuses anything else.
 * `openExternal` is Electron's shell.openExternal, passed in so this runs without Electron.
 */
export async function openExternalSafely(openExternal: (url: string) => Promise<void>, url: string): Promise<ExternalUrlCheck> {
  const check = checkExternalUrl(url);
  if (check.ok) await openExternal(check.url);
  return check;
}

/** The text a percent-encoded part stands for; null when an escape is cut off or not UTF-8 (decodeURIComponent throws). */
function decodedOrNull(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function refuse(reason: string): ExternalUrlCheck {
  return { ok: false, reason };
}
