/** HTTP API paths. Every path under API_PREFIX needs the engine token (Bearer header or `token` query). */
export const API_PREFIX = '/api/v1';
export const API_PATHS = {
  state: `${API_PREFIX}/state`,
  commands: `${API_PREFIX}/commands`,
} as const;
/** Name of the <meta> tag through which the engine hands its token to pages it serves to loopback clients. */
export const TOKEN_META_NAME = 'cuedeck-token';
