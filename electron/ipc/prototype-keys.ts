/** Keys that change an object's prototype or shadow its methods when a parser copies them over. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a decoded input holds a prototype key anywhere. JSON.parse keeps "__proto__" as an
 * own key; zod's record then drops it silently while copying, so such a payload could pass
 * as an empty one. Refusing it at the boundary keeps "malformed input is refused" true
 * without relying on how each schema copies objects. Walks iteratively: inputs may be deeply nested.
 */
export function hasPrototypeKey(input: unknown): boolean {
  const pending: unknown[] = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return true;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}
