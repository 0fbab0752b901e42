import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A short random id such as `flow-k3x9q0a1b2c3d4e5` (lower case: ids also name DuckDB schemas). */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${id}`;
}

export const newRequestId = () => randomUUID().toUpperCase();
