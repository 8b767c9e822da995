/**
 * One request's answer is at most this many messages on any platform: a
 * longer answer ends with a pointer to the rest (and its source) instead of
 * filling a group chat. The bundled answers all fit in one.
 */
export const MAX_MESSAGES_PER_REPLY = 3;
