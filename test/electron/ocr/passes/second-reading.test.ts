import type { Page } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { readContactsAgain } from '../../../../electron/ocr/passes/second-reading';
import { parseCard } from '../../../../shared/parsing/card-parser';
import { checkMarks, withCheckMarks } from '../../../../shared/parsing/check-marks';
import type { OcrPage } from '../../../../shared/parsing/ocr-types';
import { page, type L } from '../../../shared/parsing/helpers';

/** What the fake engine reads in the enlarged crop: one line of words at the given confidence (0..1). */
const reading = (text: string, confidence: number): Page => {
  const bbox = { x0: 20, y0: 20, x1: 400, y1: 60 };
  const words = text.split(' ').map((t) => ({ text: t, confidence: confidence * 100, bbox })); // tesseract: 0..100
  return { blocks: [{ paragraphs: [{ lines: [{ bbox, words }] }] }] } as unknown as Page;
};

const blank = (p: OcrPage): { image: Buffer; width: number; height: number } => ({
  image: Buffer.concat([Buffer.from(`P5\n${p.width} ${p.height}\n255\n`, 'ascii'), Buffer.alloc(p.width * p.height, 255)]),
  width: p.width,
  height: p.height,
});

/** A clean card whose e-mail line the OCR read with one unsure word (0.7: under the contact floor 0.85). */
const LINES: L[] = [
  ['Michael Berg', 60, 60, 40],
  ['Head of Sales', 60, 110, 24],
  ['Meridel Systems GmbH', 60, 170, 28],
  ['michael.berg@meridel.example.com', 60, 300, 20, 0.7],
  ['+49 30 901820', 60, 360, 20],
  ['10117 Berlin', 60, 450, 20],
];

describe('the Check marks’ second reading of weakly read contact lines', () => {
  it('clears the mark when the enlarged line reads the same, and only then', async () => {
    const p = page(LINES);
    const card = parseCard(p);
    expect(checkMarks(card, p).email).toBe('unsure');
    const crops: string[] = [];
    const same = { recognize: (_: Buffer, psm: string): Promise<Page> => (crops.push(psm), Promise.resolve(reading('michael.berg@meridel example com', 0.8))) };
    const agreed = await readContactsAgain(same, blank(p), p, card);
    expect(crops).toHaveLength(1);
    expect([...agreed]).toEqual(['email']);
    expect(withCheckMarks(card, p, agreed).email.check).toBeNull();

    const other = { recognize: (): Promise<Page> => Promise.resolve(reading('michael.berg@meridal.example.com', 0.9)) };
    const disagreed = await readContactsAgain(other, blank(p), p, card);
    expect(disagreed.size).toBe(0);
    expect(withCheckMarks(card, p, disagreed).email.check).toBe('unsure');
  });

  it('reads nothing again on a card whose contacts are sure or doubted for another reason', async () => {
    const engine = { recognize: (): Promise<Page> => Promise.reject(new Error('must not be called')) };
    const sure = page(LINES.map((l): L => (l[0].includes('@') ? [l[0], l[1], l[2], l[3]] : l)));
    expect((await readContactsAgain(engine, blank(sure), sure, parseCard(sure))).size).toBe(0);
    // a domain one letter off the company: a second reading of the same slip proves nothing
    const slip = page(LINES.map((l): L => (l[0].includes('@') ? ['michael.berg@mendel.example.com', 60, 300, 20, 0.7] : l)));
    expect((await readContactsAgain(engine, blank(slip), slip, parseCard(slip))).size).toBe(0);
  });

  it('does not let a second reading clear a doubt', () => {
    const p = page(LINES.map((l): L => (l[0].includes('@') ? ['michael.berg@mendel.example.com', 60, 300, 20, 0.7] : l)));
    const card = parseCard(p);
    expect(withCheckMarks(card, p, new Set(['email'])).email.check).toBe('unsure');
  });
});
