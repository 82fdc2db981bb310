import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateFingerprint, checkHubCertificate, makeHubCertificate } from '../../../electron/hub/self-signed-certificate';

describe("the hub's self-signed certificate", () => {
  it('is an X.509 v3 certificate Node parses, signed by its own key, for localhost and 127.0.0.1', () => {
    const made = makeHubCertificate('LeadBooth team hub', new Date('2026-12-07T09:00:00Z'));
    const certificate = new X509Certificate(made.certPem);
    expect(certificate.subject).toBe('CN=LeadBooth team hub');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true);
    expect(new Date(certificate.validFrom).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    // Ten years of validity, written as GeneralizedTime from 2050 on.
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2036);
    expect(new Date(new X509Certificate(makeHubCertificate('x', new Date('2049-06-01T00:00:00Z')).certPem).validTo).getUTCFullYear()).toBe(2059);
  });

  it('differs at every making, and its fingerprint is the SHA-256 laptops pin', () => {
    const one = makeHubCertificate();
    const two = makeHubCertificate();
    expect(certificateFingerprint(one.certPem)).not.toBe(certificateFingerprint(two.certPem));
    expect(certificateFingerprint(one.certPem)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('is valid DER at every making: 600 certificates all parse, each with a positive 16-octet serial', () => {
    // A serial whose first random byte came out 0 used to be refused ("illegal padding"): about one in 256.
    for (let making = 0; making < 600; making++) {
      const certificate = new X509Certificate(makeHubCertificate().certPem);
      expect(certificate.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    }
  });

  it("refuses a key that is not the certificate's", () => {
    const one = makeHubCertificate();
    const two = makeHubCertificate();
    expect(() => checkHubCertificate({ keyPem: two.keyPem, certPem: one.certPem })).toThrow(/does not match its certificate/);
  });
});
