/** The browser-mode wire format, shared by the host and its tests. The renderer's HTTP bridge mirrors it. */
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-leadbooth-token';
export const TOKEN_QUERY = 'token';
/** Room for the largest card photo the contract accepts (30 MB as base64) and its JSON wrapping. */
export const MAX_BODY_BYTES = 42 * 1024 * 1024;
