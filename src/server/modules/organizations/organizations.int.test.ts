import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const { emails } = await createOrganization(services, [
  { fullName: 'مدير', email: 'admin', roles: ['admin'] },
]);
const admin = await signIn(app, emails.admin!);
const patch = (payload: object, lang = 'ar') =>
  app.inject({
    method: 'PATCH',
    url: '/api/v1/organizations/current',
    headers: { cookie: admin, 'accept-language': lang },
    payload,
  });

describe('organization settings', () => {
  it('starts with the seed channels, a Sunday–Thursday week and a two-week decision period', async () => {
    const org = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: admin } })
    ).json();
    expect(org.settings.workingDays).toEqual([0, 1, 2, 3, 4]);
    expect(org.settings.defaultDecisionDays).toBe(14);
    expect(org.settings.channels.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining([
        'in_person',
        'phone',
        'social_media',
        'letters',
        'website',
        'office_representatives',
      ]),
    );
  });

  it('saves names, channels, decision body, holidays and decision period', async () => {
    const current = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: admin } })
    ).json();
    const settings = {
      ...current.settings,
      decisionBody: { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' },
      holidays: [{ date: '2027-02-22', nameAr: 'يوم التأسيس', nameEn: 'Founding Day' }],
      defaultDecisionDays: 21,
    };
    const res = await patch({ nameAr: 'جمعية البر بمكة', settings });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nameAr: 'جمعية البر بمكة',
      settings: { defaultDecisionDays: 21, decisionBody: { kind: 'committee' } },
    });
  });

  it('refuses a decision period under two weeks, naming the field, and keeps the old value', async () => {
    const current = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: admin } })
    ).json();
    const res = await patch({ settings: { ...current.settings, defaultDecisionDays: 10 } }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields['settings.defaultDecisionDays']).toMatch(/14/);
    const after = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: admin } })
    ).json();
    expect(after.settings.defaultDecisionDays).toBe(current.settings.defaultDecisionDays);
  });

  it('accepts a PNG logo and refuses other content', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    expect((await patch({ logo: png })).json().logo).toBe(png);
    const svg = await patch({ logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' });
    expect(svg.statusCode).toBe(400);
    expect(Object.keys(svg.json().error.details.fields)).toEqual(['logo']);
  });

  it('refuses duplicate category codes and a choice question without options', async () => {
    const current = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: admin } })
    ).json();
    const dup = await patch(
      {
        settings: {
          ...current.settings,
          beneficiaryCategories: [
            current.settings.beneficiaryCategories[0],
            current.settings.beneficiaryCategories[0],
          ],
        },
      },
      'en',
    );
    expect(dup.statusCode).toBe(400);
    expect(Object.keys(dup.json().error.details.fields)).toContain('settings.beneficiaryCategories');
    const choice = { id: 'need', labelAr: 'الحاجة', labelEn: 'Need', type: 'choice', options: ['عالية'] };
    const bad = await patch({ settings: { ...current.settings, interviewQuestions: [choice] } }, 'en');
    expect(Object.keys(bad.json().error.details.fields)).toContain('settings.interviewQuestions.0.options');
    const ok = await patch({
      settings: { ...current.settings, interviewQuestions: [{ ...choice, options: ['عالية', 'منخفضة'] }] },
    });
    expect(ok.json().settings.interviewQuestions).toHaveLength(1);
  });
});
