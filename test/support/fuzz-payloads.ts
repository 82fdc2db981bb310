/**
 * Malformed inputs for the contract's channels, from a seeded generator so a failure can
 * be replayed. Every payload is wrong by construction (a channel that receives one must
 * refuse it): a top level that is not an object, a key the channel does not know
 * (prototype keys included), or a known key holding a value no field of the contract
 * accepts (arrays, nested objects, deep nesting, huge strings with characters base64 lacks).
 * undefined is never sent: the dispatcher reads it as "no input", which is valid.
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import type { OcrLine, OcrPage } from '../../shared/parsing/ocr-types';

export interface FuzzCall {
  channel: unknown;
  payload: unknown;
  kind: string;
}

/** mulberry32: small, fast, good enough to pick cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

function deepNesting(depth: number, asArray: boolean): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value };
  return value;
}

/** Keys a channel's schema knows (none for the no-input channels). */
function knownKeys(channel: (typeof CHANNEL_NAMES)[number]): string[] {
  const schema = contract[channel].input as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

export function fuzzCalls(count: number, seed = 20261128): FuzzCall[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hugeString = () => 'x{'.repeat(Math.floor(random() * 2_000_000) + 300);
  const randomText = (length: number) => Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join('');
  const wrongValue = (): unknown =>
    pick<() => unknown>([
      () => [],
      () => [randomText(5)],
      () => ({ nested: 1 }),
      () => deepNesting(200 + Math.floor(random() * 1500), false),
      () => deepNesting(200 + Math.floor(random() * 1500), true),
      hugeString,
      () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
    ])();

  const calls: FuzzCall[] = [];
  for (let index = 0; index < count; index++) {
    const channel = pick(CHANNEL_NAMES);
    const keys = knownKeys(channel);
    const kind = pick(['not_an_object', 'unknown_key', 'prototype_key', 'wrong_value', 'unknown_channel'] as const);
    switch (kind) {
      case 'not_an_object':
        calls.push({ channel, kind, payload: pick<() => unknown>([() => random() * 1e9, () => randomText(30), hugeString, () => true, () => null, () => [1, 2], () => deepNesting(2000, true)])() });
        break;
      case 'unknown_key':
        calls.push({ channel, kind, payload: { [`extra${Math.floor(random() * 1000)}`]: randomText(10) } });
        break;
      case 'prototype_key':
        // Through JSON.parse, as it arrives over HTTP: the key is the object's own, not its prototype.
        calls.push({ channel, kind, payload: JSON.parse(`{"${pick(PROTOTYPE_KEYS)}": {"polluted": "yes", "isAdmin": true}}`) as unknown });
        break;
      case 'wrong_value': {
        if (keys.length === 0) {
          calls.push({ channel, kind, payload: { anything: wrongValue() } });
          break;
        }
        calls.push({ channel, kind, payload: { [pick(keys)]: wrongValue() } });
        break;
      }
      case 'unknown_channel':
        calls.push({
          kind,
          channel: pick<() => unknown>([
            () => `${channel}x`,
            () => channel.toUpperCase(),
            () => ` ${channel}`,
            () => pick(PROTOTYPE_KEYS),
            () => randomText(20),
            () => 'x'.repeat(100_000),
            () => 42,
            () => ({ channel }),
          ])(),
          payload: {},
        });
        break;
    }
  }
  return calls;
}

const PIECES = ['@', '.com', '+49', '(0)', 'GmbH', 'Inc.', 'Dr.', 'PhD', 'www.', 'https://', 'Tel:', 'Fax', 'Str.', '12345', 'CEO', '|', '—', 'ß', 'é', '\u0000', '\u202e', '👍', ' ', '  ', '\t', 'a'.repeat(300), '1'.repeat(40), '..', '--'];

/** OCR output as bad as it gets: random words, labels, digits, control and bidi characters, odd boxes. */
export function fuzzedPage(random: () => number): OcrPage {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lineCount = Math.floor(random() * 40);
  const lines: OcrLine[] = Array.from({ length: lineCount }, () => {
    const parts = Array.from({ length: Math.floor(random() * 12) }, () =>
      random() < 0.5 ? pick(PIECES) : String.fromCodePoint(...Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 0x2ffff))),
    );
    // Up to 300 characters a line: twice the longest line a card holds (a whole page of text is not a card;
    // see the closing notes of issue 9 for how the parser fares on those).
    const text = parts.join(random() < 0.7 ? ' ' : '').slice(0, 300);
    const x0 = random() * 2000 - 500;
    const y0 = random() * 1500 - 200;
    const box = { x0, y0, x1: x0 + random() * 1500 - 100, y1: y0 + random() * 200 - 20 };
    const confidence = pick([0, 1, random(), -1, 2, Number.NaN]);
    const words = text.split(/\s+/).filter(Boolean).map((word) => ({ text: word, confidence, box }));
    return { text, confidence, box, words };
  });
  return { width: pick([0, 1, 1050, 4000]), height: pick([0, 1, 600, 3000]), lines, text: lines.map((line) => line.text).join('\n') };
}

