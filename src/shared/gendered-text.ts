// Texts addressed to a beneficiary are written in both grammatical genders. A text the association
// writes itself (the declaration) carries both forms inline, `{masculine|feminine}`: «أقر أنا
// {الموقع|الموقعة} أدناه … وأنني {مسؤول|مسؤولة}», or a suffix alone: «مسؤول{|ة}». Our own texts use
// i18next context keys (`_male` / `_female`) instead.

export type Gender = 'male' | 'female';

const alternative = /\{([^{}|\n]*)\|([^{}|\n]*)\}/g;

/** The text as it reads to a man or to a woman. Text without `{…|…}` comes back unchanged. */
export function genderedText(text: string, gender: Gender): string {
  return text.replace(alternative, (_, masculine: string, feminine: string) =>
    gender === 'female' ? feminine : masculine,
  );
}

/** Does the text carry both forms anywhere? */
export function hasGenderedForms(text: string): boolean {
  return new RegExp(alternative.source).test(text);
}
