/**
 * A large JSON text as a query parameter: its UTF-8 bytes, sent in binary format, which for `json` is the same
 * text. Node encodes it natively, where PGlite would measure a string character by character in JavaScript
 * (PGLITE_OPTIONS in src/db/client.ts passes bytes through); node-postgres sends a Buffer as it is.
 */
export function jsonParam(text: string): Buffer {
  return Buffer.from(text);
}
