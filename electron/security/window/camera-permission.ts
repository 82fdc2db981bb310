/**
 * The webcam at the booth: our page may use the camera (card snapshots, badge QR codes),
 * never the microphone. 'media' covers both, so a grant is limited to requests for video
 * alone: a request that asks for audio too, or does not say what it wants, is denied.
 * Pure (no `electron` import) so it is tested without Electron.
 */
export function isCameraOnlyRequest(details: { mediaTypes?: ReadonlyArray<'video' | 'audio'> | undefined }): boolean {
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** Permission checks (enumerateDevices labels, navigator.permissions) for 'media': the camera only. */
export function isCameraCheck(details: { mediaType?: 'video' | 'audio' | 'unknown' | undefined }): boolean {
  return details.mediaType === 'video';
}
