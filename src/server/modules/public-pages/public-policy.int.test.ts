/**
 * The published policy in public (issue 14 item 5): /p/<slug>/policy written on the server and
 * /api/v1/public/<slug>/policy, without a cookie — the published versions of kind `policy` with their
 * title, version and the board's decision (number and date), never a draft or a version under review,
 * never another association's, and linked from the public pages' navigation.
 */
import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const first = await createOrganization(services, [
  { fullName: 'مديرة الجمعية', email: 'manager', roles: ['manager'] },
]);
const second = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'manager', roles: ['manager'] },
]);
const a = await signInEach(app, first.emails);
const b = await signInEach(app, second.emails);
const slugA = first.organization.slug;
const slugB = second.organization.slug;

const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie, 'x-requested-with': 'wasl' }, payload });
const get = (url: string) => app.inject({ method: 'GET', url });

/** A policy document taken to `until` (its first version). */
async function policy(cookie: string, titleAr: string, body: string, until: 'review' | 'published') {
  const created = await send(cookie, 'POST', '/api/v1/policies', {
    kind: 'policy',
    titleAr,
    titleEn: 'Policy',
    body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id, versions } = created.json() as { id: string; versions: { id: string }[] };
  const base = `/api/v1/policies/${id}/versions/${versions[0]!.id}`;
  expect((await send(cookie, 'POST', `${base}/submit`)).statusCode).toBe(200);
  if (until === 'published') {
    const approval = { decisionNumber: 'م.إ/12/2026', decisionDate: '2026-02-15' };
    expect((await send(cookie, 'POST', `${base}/approve`, approval)).statusCode).toBe(200);
    expect((await send(cookie, 'POST', `${base}/publish`)).statusCode).toBe(200);
  }
  return { id, base };
}

describe('the published policy in public', () => {
  it('is empty before anything is published, and linked from the navigation', async () => {
    expect((await get(`/api/v1/public/${slugA}/policy`)).json()).toEqual({ items: [] });
    const page = await get(`/p/${slugA}/policy`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('لم تنشر الجمعية سياستها بعد.');
    expect(page.body).toContain(`href="/p/${slugA}/policy" aria-current="page"`);
    expect((await get(`/p/${slugA}/services`)).body).toContain(`href="/p/${slugA}/policy"`);
  });

  it('shows only the published text with its version and the board decision, and only its own', async () => {
    const published = await policy(
      a.manager!,
      'سياسة تنظيم العلاقة مع المستفيدين',
      'تمهيد\nتلتزم الجمعية بالرد خلال عشرة أيام عمل <b>.',
      'published',
    );
    // A newer version in the works stays private.
    expect((await send(a.manager!, 'POST', `/api/v1/policies/${published.id}/versions`, {})).statusCode).toBe(
      201,
    );
    await policy(a.manager!, 'سياسة قيد المراجعة', 'نص لم يعتمد بعد', 'review');
    await policy(b.manager!, 'سياسة جمعية أخرى', 'نص الجمعية الأخرى', 'published');

    const res = await get(`/api/v1/public/${slugA}/policy`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        documentId: published.id,
        versionNumber: 1,
        titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
        bodyAr: 'تمهيد\nتلتزم الجمعية بالرد خلال عشرة أيام عمل <b>.',
        decisionNumber: 'م.إ/12/2026',
        decisionDate: '2026-02-15',
      }),
    ]);

    const page = await get(`/p/${slugA}/policy`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('سياسة تنظيم العلاقة مع المستفيدين');
    expect(page.body).toContain('<p>تلتزم الجمعية بالرد خلال عشرة أيام عمل &lt;b&gt;.</p>');
    expect(page.body).toContain('م.إ/12/2026');
    expect(page.body).toMatch(/(2026-02-15|٢٠٢٦-٠٢-١٥)/);
    expect(page.body).not.toContain('سياسة قيد المراجعة');
    expect(page.body).not.toContain('نص الجمعية الأخرى');

    const theirs = await get(`/p/${slugB}/policy`);
    expect(theirs.body).toContain('سياسة جمعية أخرى');
    expect(theirs.body).not.toContain('سياسة تنظيم العلاقة مع المستفيدين');
  });

  it('answers an unknown association with 404', async () => {
    expect((await get('/api/v1/public/no-such-association/policy')).statusCode).toBe(404);
    expect((await get('/p/no-such-association/policy')).statusCode).toBe(404);
  });
});
