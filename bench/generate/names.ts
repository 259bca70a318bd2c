/**
 * Arabic four-part names (الاسم الرباعي) with a realistic frequency skew, the spellings people store,
 * and the spellings staff type when they search. Pure: everything comes from the Rng passed in.
 *
 * Weights are relative frequencies, not census figures: they reproduce the shape that matters for
 * search (a few names such as محمد, عبدالله, فاطمة, نورة and a few tribes such as القحطاني, العتيبي,
 * الحربي cover a large share of people, so many people share three of their four names).
 */
import { type Rng, weightedSampler } from './prng';

type Weighted = readonly (readonly [string, number])[];

export const maleNames: Weighted = [
  ['محمد', 120],
  ['عبدالله', 70],
  ['أحمد', 35],
  ['عبدالعزيز', 35],
  ['عبدالرحمن', 40],
  ['خالد', 30],
  ['فهد', 30],
  ['علي', 25],
  ['سعد', 25],
  ['فيصل', 20],
  ['سلطان', 20],
  ['ناصر', 20],
  ['عمر', 20],
  ['سعود', 18],
  ['إبراهيم', 18],
  ['صالح', 18],
  ['تركي', 15],
  ['يوسف', 15],
  ['سليمان', 15],
  ['بندر', 12],
  ['ماجد', 12],
  ['نايف', 12],
  ['حمد', 12],
  ['مشعل', 10],
  ['بدر', 10],
  ['منصور', 10],
  ['ياسر', 10],
  ['وليد', 10],
  ['نواف', 10],
  ['حسن', 10],
  ['راشد', 8],
  ['عادل', 8],
  ['طلال', 8],
  ['زياد', 8],
  ['عبدالإله', 8],
  ['عبدالمحسن', 8],
  ['عبدالكريم', 8],
  ['عبدالملك', 8],
  ['حسين', 8],
  ['سعيد', 8],
  ['عبداللطيف', 6],
  ['مشاري', 6],
  ['هاني', 6],
  ['مازن', 6],
  ['موسى', 6],
  ['أسامة', 6],
  ['عيسى', 5],
  ['مصطفى', 5],
  ['أنس', 5],
  ['متعب', 5],
  ['عبدالمجيد', 5],
  ['إسماعيل', 4],
  ['حامد', 4],
  ['غازي', 4],
  ['مرزوق', 3],
  ['ضيف الله', 3],
  ['عوض', 3],
  ['هزاع', 2],
  ['نور الدين', 2],
  ['عبد الإله', 1],
];

export const femaleNames: Weighted = [
  ['فاطمة', 60],
  ['نورة', 50],
  ['سارة', 40],
  ['مريم', 35],
  ['عائشة', 30],
  ['خديجة', 20],
  ['هيا', 20],
  ['ريم', 20],
  ['منيرة', 18],
  ['نوف', 18],
  ['لطيفة', 15],
  ['حصة', 15],
  ['أمل', 15],
  ['هند', 15],
  ['أسماء', 15],
  ['الجوهرة', 12],
  ['زينب', 12],
  ['ليلى', 10],
  ['رهف', 10],
  ['شهد', 10],
  ['منى', 10],
  ['إيمان', 10],
  ['لمى', 8],
  ['غادة', 8],
  ['عبير', 8],
  ['جواهر', 8],
  ['دانة', 8],
  ['العنود', 8],
  ['أروى', 6],
  ['لولوة', 6],
  ['موضي', 6],
  ['شيخة', 6],
  ['ملاك', 6],
  ['رنا', 6],
  ['دلال', 6],
  ['وعد', 6],
  ['سلمى', 6],
  ['آمنة', 6],
  ['بدرية', 5],
  ['حنان', 5],
  ['صيتة', 3],
  ['مضاوي', 2],
];

export const saudiFamilyNames: Weighted = [
  ['القحطاني', 40],
  ['العتيبي', 38],
  ['الحربي', 32],
  ['الغامدي', 30],
  ['الزهراني', 30],
  ['المطيري', 30],
  ['الشهري', 28],
  ['الدوسري', 28],
  ['الشمري', 28],
  ['العنزي', 28],
  ['الشهراني', 15],
  ['العمري', 15],
  ['المالكي', 15],
  ['السبيعي', 12],
  ['الجهني', 12],
  ['الرشيدي', 12],
  ['العسيري', 12],
  ['الأحمدي', 10],
  ['الخالدي', 10],
  ['الهاجري', 10],
  ['الحارثي', 10],
  ['العجمي', 10],
  ['التميمي', 10],
  ['السلمي', 10],
  ['البلوي', 8],
  ['السهلي', 8],
  ['المري', 8],
  ['اليامي', 8],
  ['الشريف', 8],
  ['الرويلي', 8],
  ['الظفيري', 8],
  ['الثبيتي', 6],
  ['القرشي', 6],
  ['الحازمي', 6],
  ['المحمدي', 6],
  ['الصاعدي', 6],
  ['الفيفي', 5],
  ['البقمي', 5],
  ['العصيمي', 5],
  ['الجابري', 5],
  ['آل الشيخ', 4],
  ['الصالح', 4],
  ['المحمد', 4],
  ['العبدالله', 4],
  ['النفيعي', 4],
  ['الخثعمي', 4],
  ['الراجحي', 3],
  ['السديري', 3],
  ['الجاسر', 3],
  ['العثيمين', 3],
  ['الفهد', 3],
  ['آل مفرح', 2],
  ['آل عمر', 2],
  ['أبو حيمد', 2],
  ['أبا الخيل', 2],
  ['باعشن', 2],
  ['بامحرز', 1],
  ['الكبيسي', 2],
];

/** Residents (Iqama holders) in this synthetic registry are mostly from Arab countries. */
export const residentFamilyNames: Weighted = [
  ['حسن', 10],
  ['عبدالرحمن', 8],
  ['إبراهيم', 8],
  ['عثمان', 8],
  ['مصطفى', 6],
  ['حسين', 6],
  ['المصري', 4],
  ['اليمني', 4],
  ['السوداني', 4],
  ['الحسيني', 3],
  ['خان', 5],
  ['الشامي', 3],
  ['النجار', 3],
  ['الحداد', 3],
];

export const residentNationalities: Weighted = [
  ['YE', 30],
  ['EG', 25],
  ['SD', 20],
  ['SY', 10],
  ['PK', 8],
  ['JO', 4],
  ['PS', 3],
];

const drawMale = weightedSampler(maleNames);
const drawFemale = weightedSampler(femaleNames);
const drawSaudiFamily = weightedSampler(saudiFamilyNames);
const drawResidentFamily = weightedSampler(residentFamilyNames);
export const drawResidentNationality = weightedSampler(residentNationalities);

export interface NameParts {
  first: string;
  father: string;
  grandfather: string;
  family: string;
  gender: 'male' | 'female';
}

/** The four parts of a person's name; a father's name repeats in his children (passed as `father`). */
export function drawNameParts(
  rng: Rng,
  gender: 'male' | 'female',
  resident: boolean,
  lineage?: { father: string; grandfather: string; family: string },
): NameParts {
  const first = gender === 'male' ? drawMale(rng) : drawFemale(rng);
  if (lineage) return { first, gender, ...lineage };
  let father = drawMale(rng);
  // A son is rarely named after his own father; redraw once to keep the skew without the oddity.
  if (father === first) father = drawMale(rng);
  return {
    first,
    father,
    grandfather: drawMale(rng),
    family: resident ? drawResidentFamily(rng) : drawSaudiFamily(rng),
    gender,
  };
}

// Spellings a registry really contains for the same name: hamza written or not, ة or ه, ى or ي,
// compound names written joined or apart.
const storedSwaps: readonly (readonly [RegExp, string])[] = [
  [/^أ/, 'ا'],
  [/^إ/, 'ا'],
  [/ة$/, 'ه'],
  [/ى$/, 'ي'],
  [/^عبدال/, 'عبد ال'],
  [/^ضيف الله$/, 'ضيفالله'],
  [/^نور الدين$/, 'نورالدين'],
  [/^آل /, 'ال '],
];

function respell(rng: Rng, word: string, p: number): string {
  let out = word;
  for (const [pattern, replacement] of storedSwaps) {
    if (pattern.test(out) && rng.chance(p)) out = out.replace(pattern, replacement);
  }
  return out;
}

/**
 * The name as stored: usually "first father grandfather family", sometimes with بن/بنت between the
 * given names, and about one record in five with another common spelling of a part.
 */
export function formatStoredName(rng: Rng, parts: NameParts): string {
  const variant = rng.chance(0.2);
  const w = (word: string) => (variant ? respell(rng, word, 0.6) : word);
  const link = rng.chance(0.08) ? ` ${parts.gender === 'male' ? 'بن' : 'بنت'} ` : ' ';
  const link2 = link === ' ' ? ' ' : ' بن ';
  return `${w(parts.first)}${link}${w(parts.father)}${link2}${w(parts.grandfather)} ${w(parts.family)}`;
}

const diacritics = ['\u064e', '\u064f', '\u0650', '\u0652', '\u0651'];
const hamzaForms: Record<string, string[]> = { ا: ['أ', 'إ', 'آ'], أ: ['ا', 'إ'], إ: ['ا', 'أ'], آ: ['ا'] };

/**
 * How staff type a name they hear or read: hamza forms changed, ة/ه and ى/ي swapped, a diacritic or
 * a tatweel here and there, عبدالله typed as عبد الله or the reverse, بن dropped or added. All of these
 * are spelling variants the normaliser must absorb; none is a typo.
 */
export function typedVariant(rng: Rng, stored: string): string {
  const words = stored.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    if ((word === 'بن' || word === 'بنت') && rng.chance(0.7)) continue;
    const first = word[0]!;
    if (hamzaForms[first] && rng.chance(0.5)) word = rng.pick(hamzaForms[first]!) + word.slice(1);
    if (word.endsWith('ة') && rng.chance(0.5)) word = `${word.slice(0, -1)}ه`;
    else if (word.endsWith('ه') && word.length > 3 && rng.chance(0.3)) word = `${word.slice(0, -1)}ة`;
    if (word.endsWith('ى') && rng.chance(0.5)) word = `${word.slice(0, -1)}ي`;
    if (word.startsWith('عبدال') && rng.chance(0.4)) word = `عبد ${word.slice(3)}`;
    else if (word === 'عبد' && i + 1 < words.length && rng.chance(0.5)) {
      word = `عبد${words[++i]}`;
    }
    if (word.length > 3 && rng.chance(0.15)) {
      const at = rng.int(1, word.length - 1);
      word = word.slice(0, at) + rng.pick(diacritics) + word.slice(at);
    }
    if (word.length > 4 && rng.chance(0.05)) {
      const at = rng.int(2, word.length - 2);
      word = `${word.slice(0, at)}\u0640${word.slice(at)}`;
    }
    out.push(word);
  }
  return out.join(' ');
}

/** A real typo: one letter of the longest word dropped (the normaliser cannot absorb this). */
export function typoVariant(rng: Rng, stored: string): string {
  const words = stored.split(' ');
  let longest = 0;
  for (let i = 1; i < words.length; i++) if (words[i]!.length > words[longest]!.length) longest = i;
  const w = words[longest]!;
  const at = rng.int(1, w.length - 1);
  words[longest] = w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}

/** First, father and family names only: how people often give their name at the counter. */
export function threePartQuery(stored: string): string {
  const words = stored.split(' ').filter((w) => w !== 'بن' && w !== 'بنت');
  // Compound parts (عبد الله, آل الشيخ) span two words; keep them by rejoining on known prefixes.
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (['عبد', 'آل', 'ال', 'أبو', 'ابو', 'أبا', 'ابا'].includes(w) && i + 1 < words.length) {
      parts.push(`${w} ${words[++i]}`);
    } else if ((w === 'الله' || w === 'الدين') && parts.length > 0) {
      parts[parts.length - 1] += ` ${w}`;
    } else parts.push(w);
  }
  if (parts.length < 4) return parts.join(' ');
  return [parts[0], parts[1], parts[parts.length - 1]].join(' ');
}
