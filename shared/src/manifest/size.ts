/** The manifest size limit, counted in UTF-8 bytes (what the text weighs in a file or a request body). */
import { error, type Problem } from "../validation/problem";

/** Largest manifest accepted, in bytes (the service itself takes a few MB at most). */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

/** The UTF-8 length of `text`, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte character; a lone surrogate is written as U+FFFD (3 bytes).
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** `5 MB`, `64 KB`, `1000 bytes`: a limit as people read it. */
function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

/** What is measured, named in the message (and in `params.what`, `pasted_text`: a word a translation can select on). */
type Measured = "manifest" | "file" | "pasted text";

/** The `too-large` problem of a text or file (`what`) of `bytes` over `limit`. */
export function tooLarge(what: Measured, bytes: number, limit = MAX_MANIFEST_BYTES): Problem {
  return error(
    "too-large",
    `${what} is ${bytes} bytes; the limit is ${formatBytes(limit)}`,
    {},
    { what: what.replace(" ", "_"), bytes, limit, limitText: formatBytes(limit) },
  );
}

/** The `too-large` problem of `text`, or undefined when it fits in `limit` bytes. */
export function checkTextSize(
  text: string,
  limit = MAX_MANIFEST_BYTES,
  what: Measured = "manifest",
): Problem | undefined {
  // Each UTF-16 unit is 1 to 3 bytes: only texts near the limit need counting.
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? tooLarge(what, bytes, limit) : undefined;
}
