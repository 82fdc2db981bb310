// Types for chromium-location.mjs (plain JavaScript so ensure-chromium.mjs runs under node before any build).
export interface FoundChromium {
  path: string;
  source: string;
}
export function playwrightOwnChromium(): string | null;
export function findChromium(platform?: NodeJS.Platform): FoundChromium | null;
