/** The browser-mode wire format, shared by the host and its tests. The renderer's HTTP bridge mirrors it. */
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-leadbooth-token';
export const TOKEN_QUERY = 'token';
/** A lead with a long note is a few kB; a scanned card photo goes through another route. */
export const MAX_BODY_BYTES = 1024 * 1024;
