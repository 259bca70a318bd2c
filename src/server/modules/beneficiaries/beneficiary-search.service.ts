// Owns finding beneficiaries: one search box for national ID, mobile, file number or Arabic name.
import type { SearchBeneficiariesQuery } from '../../../shared/contracts/beneficiaries';
import { hijriToGregorian, maxHijriYear, minHijriYear } from '../../../shared/dates-hijri-calendar';
import { normalizeDigits } from '../../../shared/digits';
import { validateNationalId } from '../../../shared/saudi/national-id';
import { normalizeSaudiMobile } from '../../../shared/saudi/phone';
import { recordAudit } from '../../platform/audit/audit';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { presentSummary } from './beneficiaries.presenter';
import {
  listBeneficiaries,
  type NameSearchQuery,
  type SummaryRow,
  searchByIdentifier,
  searchByName,
} from './beneficiaries.repository';

export type BeneficiarySearchService = ReturnType<typeof createBeneficiarySearchService>;

export function createBeneficiarySearchService({ db }: { db: Db }) {
  return {
    /**
     * One search box: a national ID, a mobile number or a file number is matched exactly; anything
     * else is an Arabic name, tolerant of spelling variants. Searching is audited (it reads personal data).
     */
    async searchBeneficiaries(ctx: ActorContext, query: SearchBeneficiariesQuery) {
      const filters = {
        organizationId: ctx.actor.organizationId,
        category: query.category,
        city: query.city,
        status: query.status,
      };
      const offset = decodeOffset(query.cursor);
      const q = normalizeDigits(query.q ?? '').trim();
      let rows: SummaryRow[];
      let total: number;
      let mode: string;
      let hints = 0;
      const compact = q.replace(/[\s-]/g, '');
      if (!q) {
        mode = 'list';
        ({ rows, total } = await listBeneficiaries(db, filters, query.limit, offset));
      } else if (/^[12]\d{9}$/.test(compact) && validateNationalId(compact).ok) {
        mode = 'national_id';
        rows = await searchByIdentifier(db, filters, 'national_id', compact);
        total = rows.length;
      } else if (normalizeSaudiMobile(q)) {
        mode = 'phone';
        rows = await searchByIdentifier(db, filters, 'phone', normalizeSaudiMobile(q)!);
        total = rows.length;
      } else if (/^b-?\d{1,9}$/i.test(compact)) {
        mode = 'file_number';
        const n = compact.replace(/^b-?/i, '');
        rows = await searchByIdentifier(db, filters, 'file_number', `B-${n.padStart(6, '0')}`);
        total = rows.length;
      } else {
        mode = 'name';
        const nameQuery = parseNameQuery(q);
        hints = nameQuery.hints.birthRanges.length + nameQuery.hints.phoneTails.length;
        let fuzzy: boolean;
        ({ rows, total, fuzzy } = await searchByName(db, filters, nameQuery, query.limit, offset));
        if (fuzzy) mode = 'name_similar';
      }
      await recordAudit(db, ctx, {
        action: 'beneficiaries.search',
        entityType: 'beneficiary',
        // Never the query text (personal data): how it was read and how many it found.
        details: hints ? { mode, results: total, hints } : { mode, results: total },
      });
      const more = (mode === 'list' || mode.startsWith('name')) && offset + rows.length < total;
      return {
        items: rows.map(presentSummary),
        total,
        nextCursor: more ? encodeCursor([offset + rows.length]) : null,
      };
    },
  };
}

/**
 * The search box's name query (decision 027): the words of the name, then optionally a birth year
 * (4 digits: Gregorian 1900–2100, or Hijri 1300–1600 read as the Gregorian dates it spans), a city
 * (recognised among the association's cities when the query runs) and/or the last digits of the phone
 * (3 to 7 digits; a year may be those too). Digits are already Latin (`normalizeDigits`).
 */
export function parseNameQuery(q: string): NameSearchQuery {
  const words: string[] = [];
  const hints: NameSearchQuery['hints'] = { birthRanges: [], phoneTails: [] };
  for (const word of q.split(/\s+/)) {
    if (word === '') continue;
    if (!/^\d+$/.test(word)) {
      words.push(word);
      continue;
    }
    const n = Number(word);
    if (word.length === 4 && n >= 1900 && n <= 2100) {
      hints.birthRanges.push({ from: `${word}-01-01`, to: `${n + 1}-01-01` });
    } else if (word.length === 4 && n >= minHijriYear && n < maxHijriYear) {
      const from = hijriToGregorian(`${word}-01-01`);
      const to = hijriToGregorian(`${n + 1}-01-01`);
      if (from && to) hints.birthRanges.push({ from, to });
    }
    if (word.length >= 3 && word.length <= 7) hints.phoneTails.push(word);
  }
  // Only digits: searched as typed, as before hints existed.
  if (words.length === 0) return { words: [q], hints: { birthRanges: [], phoneTails: [] } };
  return { words, hints };
}
