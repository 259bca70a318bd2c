/**
 * What a new password must not be (NIST SP 800-63B §3.1.1.2): a known common or breached password, the
 * account's own e-mail name, or one character repeated / a run of consecutive characters. Length is the
 * shared schema's rule (passwordSchema), so the web checks it too; these checks run on the server only,
 * where the list of common passwords is loaded once, when the first password is set.
 */
import { AppError } from '../http/errors';

export type PasswordRefusal = 'PASSWORD_COMMON' | 'PASSWORD_CONTAINS_EMAIL' | 'PASSWORD_PREDICTABLE';

/** The name before `@`, when it is long enough to be a guess of its own. */
function emailName(email: string): string | null {
  const name = email.slice(0, Math.max(0, email.lastIndexOf('@'))).toLowerCase();
  return [...name].length >= 3 ? name : null;
}

export function containsEmailName(password: string, email: string): boolean {
  const name = emailName(email);
  return name !== null && password.toLowerCase().includes(name);
}

/** The step from one character to the next, with 9→0 and z→a counted as +1 (and the reverse as −1). */
function step(from: number, to: number): number {
  const cyclic = (base: number, size: number) => {
    if (from < base || from >= base + size || to < base || to >= base + size) return null;
    const d = (to - from + size) % size;
    return d === 1 ? 1 : d === size - 1 ? -1 : d === 0 ? 0 : 2;
  };
  return cyclic(48, 10) ?? cyclic(97, 26) ?? to - from; // 0-9, a-z, else Unicode order
}

/**
 * One short unit repeated ('aaaaaaaaaaaa', 'abababababab', '123123123123'), or nothing but runs of at
 * least three consecutive characters each way ('123456789012', 'abcdefghijkl', '1234abcd9876').
 */
export function isPredictable(password: string): boolean {
  const chars = [...password.trim().toLowerCase()];
  for (let unit = 1; unit <= 4 && unit < chars.length; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  const codes = chars.map((c) => c.codePointAt(0)!);
  let runLength = 1;
  let direction = 0;
  for (let i = 1; i <= codes.length; i++) {
    const d = i < codes.length ? step(codes[i - 1]!, codes[i]!) : null;
    if ((d === 1 || d === -1) && (runLength === 1 || d === direction)) {
      direction = d;
      runLength += 1;
      continue;
    }
    if (runLength < 3) return false; // this run ends too short to be a sequence
    runLength = 1;
    direction = 0;
  }
  return true;
}

let commonPasswords: Promise<Set<string>> | null = null;

/**
 * About 49,000 passwords most found in breaches (zxcvbn-ts's common list, MIT), lower-case. Imported on
 * first use, so a process that never sets a password never pays for it (about 60 ms, 2 MB).
 */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return commonPasswords;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.trim().toLowerCase());
}

/** Why the password is refused, or null when it may be used. */
export async function passwordRefusal(password: string, email: string): Promise<PasswordRefusal | null> {
  if (isPredictable(password)) return 'PASSWORD_PREDICTABLE';
  if (containsEmailName(password, email)) return 'PASSWORD_CONTAINS_EMAIL';
  if (await isCommonPassword(password)) return 'PASSWORD_COMMON';
  return null;
}

/** Throws a 400 naming the reason on `field` (a dot path, e.g. `admin.password` in setup). */
export async function assertAcceptablePassword(
  password: string,
  email: string,
  field: string,
): Promise<void> {
  const refusal = await passwordRefusal(password, email);
  if (refusal) throw new AppError(400, refusal, { fields: { [field]: refusal } });
}
