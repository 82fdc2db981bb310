import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanCommand } from '../../../electron/cli/commands/scan';
import { main } from '../../../electron/cli/main';
import { CARD_FIELDS, emptyParsedCard } from '../../../shared/parsing/card-fields';

import { TEST_CARD, testCard } from '../../support/test-cards';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-cli-scan-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), dataDir: path.join(tmp, 'data') } };
}

describe('leadbooth scan', () => {
  it('prints one JSON line per file in input order, errors included, exit 0', async () => {
    const empty = path.join(tmp, 'empty.jpg');
    await fs.writeFile(empty, '');
    const photo = await testCard(TEST_CARD.lightOnDarkPhoto);
    const clean = await testCard(TEST_CARD.clean);
    const files = [photo.file, empty, path.join(tmp, 'nope.png'), clean.file];
    const { out, err, io } = capture();
    const code = await runScanCommand({ files, concurrency: 2, thorough: false, fast: false, save: false }, {
      ...io,
      // a stand-in parser: the email is whatever OCR line holds an @
      parse: (page) => {
        const card = emptyParsedCard();
        const line = page.lines.find((l) => l.text.includes('@'));
        if (line) card.email = { value: line.text, confidence: line.confidence, box: line.box };
        return card;
      },
    });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(4);
    const recs = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs.map((r) => r.file)).toEqual(files);
    const first = recs[0] as { fields: Record<string, string>; confidence: Record<string, number>; ms: number };
    expect(Object.keys(first.fields)).toEqual([...CARD_FIELDS]);
    expect(Object.keys(first.confidence)).toEqual([...CARD_FIELDS]);
    expect((first.fields.email ?? '').replace(/\s+/g, '').toLowerCase()).toContain(photo.fields.email.toLowerCase());
    expect(first.confidence.email).toBeGreaterThan(0);
    expect(first.confidence.email).toBeLessThanOrEqual(1);
    expect(first.fields.phone).toBe('');
    expect(Number.isInteger(first.ms)).toBe(true);
    expect(recs[1]).toEqual({ file: empty, error: expect.stringMatching(/empty\.jpg is empty \(0 bytes\)/) });
    expect(recs[2]).toEqual({ file: files[2], error: expect.stringMatching(/does not exist/) });
    expect(((recs[3] as { fields: Record<string, string> }).fields.email ?? '').replace(/\s+/g, '')).toContain(clean.fields.email);
  });

  it.each([[[]], [['a.jpg', '--concurrency', '0']], [['a.jpg', '--concurrency', '17']], [['a.jpg', '--concurrency']], [['a.jpg', '--concurrency', 'x']], [['--quick', 'a.jpg']]])(
    'usage error for %j: exit 2 and one line that points at the usage',
    async (args) => {
      const { out, err, io } = capture();
      expect(await main(['--db', path.join(tmp, 'unused.db'), 'scan', ...args], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^leadbooth: .*; see "leadbooth scan --help"$/);
    },
  );

  it('--fast reads without the learned recognizer (a missing file still gets its error line, exit 0)', async () => {
    const { out, err, io } = capture();
    const missing = path.join(tmp, 'nope.jpg');
    expect(await main(['--db', path.join(tmp, 'unused.db'), 'scan', '--fast', missing], io)).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out[0]!)).toEqual({ file: missing, error: expect.stringMatching(/does not exist/) });
  });
});
