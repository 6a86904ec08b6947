import type OBSWebSocket from 'obs-websocket-js/json';

export type ObsClient = OBSWebSocket;

/** obs-websocket RequestStatus for a request type this server does not know (older OBS). */
export const REQUEST_STATUS_UNKNOWN_TYPE = 204;

export function obsErrorCode(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isUnknownRequest(error: unknown): boolean {
  return obsErrorCode(error) === REQUEST_STATUS_UNKNOWN_TYPE;
}
