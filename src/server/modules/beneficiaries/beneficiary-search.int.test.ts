/**
 * Name search with typos and hints (decision 027): a typed token that no record has is looked up in
 * the association's vocabulary of name tokens; a birth year, a city or the phone's last digits typed
 * after the name rank the matching namesake first without hiding the others.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { toArabicIndicDigits } from '../../../shared/digits';
import { parseNameQuery } from './beneficiary-search.service';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'موظف أخرى', email: 'officer', roles: ['relations_officer'] },
]);
const officer = await signIn(app, org.emails.officer!);
const outsider = await signIn(app, other.emails.officer!);

interface Page {
  items: { id: string; fullNameAr: string }[];
  total: number;
  nextCursor: string | null;
}
const search = async (q: string, cookie = officer): Promise<Page> => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/beneficiaries?q=${encodeURIComponent(q)}`,
    headers: { cookie },
  });
  expect(res.statusCode, q).toBe(200);
  return res.json();
};
const ids = (page: Page) => page.items.map((i) => i.id);

const vocabularyOf = (organizationId: string) =>
  inOrganization(services, organizationId, async () => {
    const { rows } = await services.db.execute<{ organization_id: string; kind: string; token: string }>(
      sql`select organization_id, kind, token from beneficiary_name_vocabulary order by token`,
    );
    return rows;
  });

describe('a one-letter typo', () => {
  it('finds the person through the vocabulary of name tokens, ranked first', async () => {
    const person = await registerBeneficiary(app, officer, { fullNameAr: 'مشاري ثامر سعيد القحطاني' });
    await registerBeneficiary(app, officer, { fullNameAr: 'مشاري ثامر سعيد الزهراني' });
    const tokens = (await vocabularyOf(org.organization.id)).map((v) => v.token);
    expect(tokens).toEqual(expect.arrayContaining(['مشاري', 'ثامر', 'سعيد', 'القحطاني']));

    // A letter dropped, a letter swapped for another, a letter added: each finds no record as typed.
    for (const typo of [
      'مشاري ثامر سعيد القحطني',
      'مشاري ثامر سعيد القحطاتي',
      'مشاري ثامر سعيد القحطانيي',
      'مشاري ثامر القحظاني',
    ]) {
      const page = await search(typo);
      expect(page.items[0]?.id, typo).toBe(person.id);
    }
    // The typed family name matches no one, and the page says how many it found instead.
    const page = await search('مشاري القحطني');
    expect(ids(page)).toContain(person.id);
    expect(page.total).toBe(page.items.length);
  });

  it('also when each typed token exists but no record has them all', async () => {
    const person = await registerBeneficiary(app, officer, { fullNameAr: 'رائد منصور حمد الشهراني' });
    await registerBeneficiary(app, officer, { fullNameAr: 'رائد منصور حمد الشهري' });
    // Records with every typed token exist: the exact match wins, no correction is tried.
    expect(ids(await search('رائد منصور الشهري'))).not.toContain(person.id);
    // "حامد" is a token of the association (another person's), typed here for "حمد": every token
    // exists, no record has them all, so each stands for itself or its closest tokens.
    await registerBeneficiary(app, officer, { fullNameAr: 'حامد سالم علي البقمي' });
    const page = await search('رائد حامد الشهراني');
    expect(page.items[0]?.id).toBe(person.id);
  });

  it('forgets a token when the only record that had it is renamed', async () => {
    const person = await registerBeneficiary(app, officer, { fullNameAr: 'غازي فواز سعيد الزعبلاوي' });
    expect((await vocabularyOf(org.organization.id)).map((v) => v.token)).toContain('الزعبلاوي');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/beneficiaries/${person.id}`,
      headers: { cookie: officer },
      payload: { fullNameAr: 'غازي فواز سعيد العتيبي' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const tokens = (await vocabularyOf(org.organization.id)).map((v) => v.token);
    expect(tokens).not.toContain('الزعبلاوي');
    expect(tokens).toContain('العتيبي');
    // "سعيد" is kept: other records have it.
    expect(tokens).toContain('سعيد');
  });
});

describe('namesakes ranked by what the clerk also knows', () => {
  // Five people share first, father and family names; the one looked for is registered last (the
  // highest file number, so with nothing else to go on it is not first).
  const specs = [
    { grandfather: 'فهد', birthDate: '1980-05-01', city: 'الرياض', phone: '0551110001' },
    { grandfather: 'ناصر', birthDate: '1985-02-11', city: 'جدة', phone: '0551110002' },
    { grandfather: 'عبد العزيز', birthDate: '1992-07-20', city: 'الدمام', phone: '0551110003' },
    { grandfather: 'سعد', birthDate: '1975-12-30', city: 'الرياض', phone: '0551110004' },
    { grandfather: 'محمد', birthDate: '1990-03-15', city: 'أبها', phone: '0557654321' },
  ];
  let namesakes: { id: string }[] = [];
  const target = () => namesakes[4]!.id;

  it('ranks the one born in the year typed first (Gregorian or Hijri, any digits)', async () => {
    namesakes = [];
    for (const s of specs) {
      namesakes.push(
        await registerBeneficiary(app, officer, {
          fullNameAr: `سلمان بن خالد بن ${s.grandfather} الدوسري`,
          birthDate: s.birthDate,
          city: s.city,
          phone: s.phone,
        }),
      );
    }
    const plain = await search('سلمان خالد الدوسري');
    expect(plain.total).toBe(5);
    expect(plain.items[0]!.id).not.toBe(target());

    expect((await search('سلمان خالد الدوسري 1990')).items[0]!.id).toBe(target());
    expect((await search(`سلمان خالد الدوسري ${toArabicIndicDigits('1990')}`)).items[0]!.id).toBe(target());
    // 1410 AH runs from 1989-08-03 to 1990-07-22.
    expect((await search('سلمان خالد الدوسري ١٤١٠')).items[0]!.id).toBe(target());
    expect((await search('١٤١٠ سلمان خالد الدوسري')).total).toBe(5);
  });

  it('ranks the one of the city typed, or whose phone ends with the digits typed, first', async () => {
    const abha = await search('سلمان خالد الدوسري ابها');
    expect(abha.items[0]!.id).toBe(target());
    expect(abha.total).toBe(5);
    expect((await search('سلمان خالد الدوسري 4321')).items[0]!.id).toBe(target());
    expect((await search('سلمان خالد الدوسري ٤٣٢١ أبها 1990')).items[0]!.id).toBe(target());
  });

  it('still returns the person when a hint is wrong', async () => {
    for (const q of [
      'سلمان خالد الدوسري 1971',
      'سلمان خالد الدوسري جدة',
      'سلمان خالد الدوسري 9999',
      'سلمان خالد الدوسري الرياض 1985',
    ]) {
      const page = await search(q);
      expect(page.total, q).toBe(5);
      expect(ids(page), q).toContain(target());
    }
    // The wrong city's namesake comes first, the others follow.
    expect((await search('سلمان خالد الدوسري جدة')).items[0]!.id).toBe(namesakes[1]!.id);
  });

  it('reads the query: name words, years, phone digits', () => {
    expect(parseNameQuery('سلمان خالد 1990 4321')).toEqual({
      words: ['سلمان', 'خالد'],
      hints: { birthRanges: [{ from: '1990-01-01', to: '1991-01-01' }], phoneTails: ['1990', '4321'] },
    });
    expect(parseNameQuery('سلمان 1410').hints.birthRanges).toEqual([
      { from: '1989-08-03', to: '1990-07-23' },
    ]);
    expect(parseNameQuery('سلمان 12').hints).toEqual({ birthRanges: [], phoneTails: [] });
  });
});

describe("another association's vocabulary", () => {
  it('never reaches a search or a read of this association', async () => {
    const theirs = await registerBeneficiary(app, outsider, { fullNameAr: 'ظافر مفلح سعيد الشلاحي' });
    // Their own search corrects the typo from their vocabulary.
    expect((await search('ظافر مفلح الشلحي', outsider)).items[0]?.id).toBe(theirs.id);
    // Ours has no such token: the same typo is corrected from our tokens only, never to theirs.
    const ours = await search('ظافر مفلح الشلحي');
    expect(ids(ours)).not.toContain(theirs.id);
    expect(ours.items.map((i) => i.fullNameAr).join(' ')).not.toContain('الشلاحي');
    const mine = await vocabularyOf(org.organization.id);
    expect(mine.every((v) => v.organization_id === org.organization.id)).toBe(true);
    expect(mine.map((v) => v.token)).not.toContain('الشلاحي');
    expect((await vocabularyOf(other.organization.id)).map((v) => v.token)).toContain('الشلاحي');
    // Outside any association's scope, nothing.
    const { rows } = await services.db.execute<{ n: number }>(
      sql`select count(*)::int as n from beneficiary_name_vocabulary`,
    );
    expect(rows[0]!.n).toBe(0);
    // The definer functions behind the search answer for the transaction's association only.
    const matches = sql`select count(*)::int as n from app_beneficiary_name_matches(${sql.param(['ظافر', 'الشلاحي'])}::text[], '{}')`;
    const similar = sql`select count(*)::int as n from app_name_vocabulary_similar(${sql.param(['الشلحي'])}::text[], 4) where token = 'الشلاحي'`;
    const count = async (organizationId: string | null, query: typeof matches) => {
      const run = async () => (await services.db.execute<{ n: number }>(query)).rows[0]!.n;
      return organizationId ? inOrganization(services, organizationId, run) : run();
    };
    expect(await count(other.organization.id, matches)).toBe(1);
    expect(await count(other.organization.id, similar)).toBe(1);
    expect(await count(org.organization.id, matches)).toBe(0);
    expect(await count(org.organization.id, similar)).toBe(0);
    expect(await count(null, matches)).toBe(0);
    expect(await count(null, similar)).toBe(0);
  });
});
