// Arabic-Indic (٠-٩) and Eastern Arabic-Indic / Persian (۰-۹) digits are accepted in every input.
const arabicIndicZero = 0x0660;
const easternArabicIndicZero = 0x06f0;

export function normalizeDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= arabicIndicZero && code <= arabicIndicZero + 9) out += String(code - arabicIndicZero);
    else if (code >= easternArabicIndicZero && code <= easternArabicIndicZero + 9)
      out += String(code - easternArabicIndicZero);
    else out += ch;
  }
  return out;
}

export function toArabicIndicDigits(input: string): string {
  return input.replace(/[0-9]/g, (d) => String.fromCodePoint(arabicIndicZero + Number(d)));
}
