/** Bumped whenever a message shape changes incompatibly; client and engine refuse to talk across versions. */
export const PROTOCOL_VERSION = 1;
