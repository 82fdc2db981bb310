/**
 * Which addresses LeadBooth hands to the operating system (shell.openExternal): a mail
 * draft (mailto:) or a web page over https. Anything else — file:, javascript:, http:,
 * custom schemes that start other programs — is refused, because openExternal runs
 * whatever program the system registered for the scheme. Used for links the page opens
 * (navigation guards) and for the follow-up email (the app.openExternal channel).
 */
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['mailto:', 'https:']);
/** A web link a person clicks is short; a mailto: carries the follow-up email's text, so it may be longer. */
const MAX_WEB_URL_LENGTH = 2048;
const MAX_MAILTO_LENGTH = 32_000;

export function isExternalLink(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return address.length <= MAX_MAILTO_LENGTH;
  if (address.length > MAX_WEB_URL_LENGTH) return false;
  // A web link must name a host; credentials in a link are a phishing trick ("https://bank.com@evil.example").
  return url.hostname !== '' && url.username === '' && url.password === '';
}
