// Owns finding beneficiaries: one search box for national ID, mobile, file number or Arabic name.
import type { SearchBeneficiariesQuery } from '../../../shared/contracts/beneficiaries';
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
        ({ rows, total } = await searchByName(db, filters, q, query.limit, offset));
      }
      await recordAudit(db, ctx, {
        action: 'beneficiaries.search',
        entityType: 'beneficiary',
        details: { mode, results: total },
      });
      const more = (mode === 'list' || mode === 'name') && offset + rows.length < total;
      return {
        items: rows.map(presentSummary),
        total,
        nextCursor: more ? encodeCursor([offset + rows.length]) : null,
      };
    },
  };
}
