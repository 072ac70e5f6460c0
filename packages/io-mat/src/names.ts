/**
 * Names in MAT files as SciPy decodes them: variable names byte for byte as Latin-1 (`name.decode
 * ('latin1')` in `_mio5.py` and `_mio4.py`), struct field names as UTF-8. MATLAB itself writes
 * ASCII names only (letters, digits, underscores), so a name that is not ASCII — or field-name bytes
 * that are not UTF-8 — comes from another writer or a damaged file: it is read, and said through
 * the load's warning hook.
 */

/** Bytes from `at` up to the first NUL (or `length`). */
function unpadded(bytes: Uint8Array, at: number, length: number): Uint8Array {
  let end = at;
  while (end < at + length && bytes[end] !== 0) end++;
  return bytes.subarray(at, end);
}

/** Shows bytes as the text they hold, non-ASCII bytes as `\xNN`: what a warning prints. */
function shown(raw: Uint8Array): string {
  let s = '';
  for (const c of raw) s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  return s;
}

const isAscii = (raw: Uint8Array): boolean => raw.every((c) => c < 0x80);

/** A variable name: Latin-1, NUL padding dropped; a non-ASCII name is read and `warn`ed about. */
export function variableName(
  bytes: Uint8Array,
  at: number,
  length: number,
  origin: string,
  warn: (message: string) => void,
): string {
  const raw = unpadded(bytes, at, length);
  if (!isAscii(raw))
    warn(
      `${origin}: variable name '${shown(raw)}' is not ASCII (MATLAB writes ASCII names); read as Latin-1, as SciPy does`,
    );
  let s = '';
  for (const c of raw) s += String.fromCharCode(c);
  return s;
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A struct field name: UTF-8 (as SciPy); bytes that are not UTF-8 become U+FFFD, with a warning. */
export function fieldName(
  bytes: Uint8Array,
  at: number,
  length: number,
  origin: string,
  warn: (message: string) => void,
): string {
  const raw = unpadded(bytes, at, length);
  if (isAscii(raw)) {
    let s = '';
    for (const c of raw) s += String.fromCharCode(c);
    return s;
  }
  try {
    return strictUtf8.decode(raw);
  } catch {
    warn(
      `${origin}: field name '${shown(raw)}' is not valid UTF-8; read with U+FFFD for the bad bytes (SciPy refuses the file)`,
    );
    return utf8.decode(raw);
  }
}
