import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * The hub's own TLS certificate: an ECDSA P-256 key and a self-signed X.509 v3 certificate for
 * it, written in DER by the few encoders below. Node reads and checks certificates
 * (X509Certificate) but has no generator, and the packages that have one bring a dozen
 * dependencies and a global polyfill for what is one fixed structure (RFC 5280 §4.1). Laptops
 * do not trust it through a CA: they pin its SHA-256 fingerprint, shown with the pairing code.
 */
export interface HubCertificate {
  /** PKCS#8 PEM. */
  keyPem: string;
  certPem: string;
}

/** Ten years: the fingerprint laptops pinned must not change under them. */
const VALIDITY_MS = 10 * 365 * 24 * 60 * 60 * 1000;
const OID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COMMON_NAME = '2.5.4.3';
const OID_SUBJECT_ALT_NAME = '2.5.29.17';

export function makeHubCertificate(commonName = 'LeadBooth team hub', now = new Date()): HubCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // Positive and at most 20 octets (RFC 5280 §4.1.2.2): 16 random bytes, the first in 0x40–0x7f
  // (top bit clear: not negative; not 0: a leading zero octet is not DER, and one certificate in
  // 256 was refused with "illegal padding" when the first byte came out 0).
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const signatureAlgorithm = sequence(objectId(OID_ECDSA_WITH_SHA256));
  const name = sequence(set(sequence(objectId(OID_COMMON_NAME), utf8String(commonName))));
  const altNames = sequence(tagged(0x82, Buffer.from('localhost', 'ascii')), tagged(0x87, Buffer.from([127, 0, 0, 1])));
  const tbs = sequence(
    tagged(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    signatureAlgorithm,
    name,
    sequence(time(now), time(new Date(now.getTime() + VALIDITY_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    tagged(0xa3, sequence(sequence(objectId(OID_SUBJECT_ALT_NAME), octetString(altNames)))),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, signatureAlgorithm, bitString(signature));
  const certPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certPem };
}

/** The fingerprint a laptop pins: SHA-256 of the certificate, as "AB:CD:…". */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Refuses a stored key and certificate that do not belong together (a hand-edited setting). */
export function checkHubCertificate(certificate: HubCertificate): void {
  const cert = new X509Certificate(certificate.certPem);
  if (!cert.checkPrivateKey(createPrivateKey(certificate.keyPem))) {
    throw new Error("The hub's stored TLS key does not match its certificate: delete the setting tls_identity in hub_settings to make a new pair (laptops then pin the new fingerprint).");
  }
}

// DER, the subset a certificate needs (X.690 §8): tag, length, content.
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}
const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const tagged = (tag: number, content: Buffer): Buffer => tlv(tag, content);
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
/**
 * An unsigned big-endian integer in DER's one encoding: leading zero octets dropped, then one
 * put back where the top bit is set (it would read as negative).
 */
function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = bytes.subarray(start);
  return tlv(0x02, (minimal[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}
const bitString = (bytes: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) base128.unshift((value & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii')) : tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}
