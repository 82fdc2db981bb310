import { describe, expect, it } from 'vitest';
import { isCameraCheck, isCameraOnlyRequest } from '../../../../electron/security/window/camera-permission';

describe('camera-only media', () => {
  it('grants a request for video alone', () => {
    expect(isCameraOnlyRequest({ mediaTypes: ['video'] })).toBe(true);
    expect(isCameraOnlyRequest({ mediaTypes: ['video', 'video'] })).toBe(true);
  });

  it('denies the microphone, and a request that does not say what it wants', () => {
    expect(isCameraOnlyRequest({ mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isCameraOnlyRequest({ mediaTypes: ['audio'] })).toBe(false);
    expect(isCameraOnlyRequest({ mediaTypes: [] })).toBe(false);
    expect(isCameraOnlyRequest({})).toBe(false);
  });

  it('answers checks for the camera only', () => {
    expect(isCameraCheck({ mediaType: 'video' })).toBe(true);
    expect(isCameraCheck({ mediaType: 'audio' })).toBe(false);
    expect(isCameraCheck({ mediaType: 'unknown' })).toBe(false);
    expect(isCameraCheck({})).toBe(false);
  });
});
