import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';
import { buildApp } from '../../app';

// The public pages of issue 14 (item 5): the service guide and the association's card, as JSON and as
// HTML that already holds the content, for anyone without a cookie — and only the association's own.
const { app, services, testDb } = await createTestApp();
const first = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المشرفة', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const second = await createOrganization(services, undefined, 'جمعية البر الأخرى');
const a = await signInEach(app, first.emails);
const b = await signInEach(app, second.emails);
const slugA = first.organization.slug;
const slugB = second.organization.slug;

const basket = await createService(app, a.admin!, {
  nameAr: 'سلة رمضان الغذائية',
  nameEn: 'Ramadan food basket',
  descriptionAr: 'سلة شهرية للأسر المحتاجة.\nتُسلَّم في مقر الجمعية.',
  targetCategories: ['orphan', 'widow'],
  requiredDocuments: ['national_id', 'income_proof'],
  verification: ['documents', 'interview'],
  decisionDays: 21,
  recurrence: 'monthly',
});
const hostile = await createService(app, a.admin!, {
  nameAr: '<script>alert(1)</script> كفالة $& "يتيم"',
  nameEn: 'Hostile <b>name</b>',
});
await createService(app, a.admin!, { nameAr: 'خدمة موقوفة مؤقتًا', nameEn: 'Paused service', active: false });
await createService(app, b.admin!, { nameAr: 'كفالة أيتام البر', nameEn: 'Orphan sponsorship' });

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the public service guide (JSON)', () => {
  it("lists an association's active services with their labels, without a cookie", async () => {
    const res = await get(`/api/v1/public/${slugA}/services`);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: Array<Record<string, unknown>> };
    expect(items.map((s) => s.nameAr).sort()).toEqual(
      ['<script>alert(1)</script> كفالة $& "يتيم"', 'سلة رمضان الغذائية'].sort(),
    );
    const guide = items.find((s) => s.id === basket.id)!;
    expect(guide).toEqual({
      id: basket.id,
      nameAr: 'سلة رمضان الغذائية',
      nameEn: 'Ramadan food basket',
      descriptionAr: 'سلة شهرية للأسر المحتاجة.\nتُسلَّم في مقر الجمعية.',
      descriptionEn: null,
      targetCategories: [
        { code: 'orphan', labelAr: 'يتيم', labelEn: 'Orphan' },
        { code: 'widow', labelAr: 'أرملة', labelEn: 'Widow' },
      ],
      requiredDocuments: [
        { code: 'national_id', labelAr: 'الهوية الوطنية / الإقامة', labelEn: 'National ID / Iqama' },
        { code: 'income_proof', labelAr: 'إثبات الدخل', labelEn: 'Proof of income' },
      ],
      verification: ['documents', 'interview'],
      decisionDays: 21,
      recurrence: 'monthly',
    });
  });

  it('shows each association only its own services, and answers 404 for an unknown address', async () => {
    const res = await get(`/api/v1/public/${slugB}/services`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: Array<{ nameAr: string }> }).items.map((s) => s.nameAr)).toEqual([
      'كفالة أيتام البر',
    ]);
    expect((await get('/api/v1/public/no-such-association/services')).statusCode).toBe(404);
    expect((await get('/api/v1/public/no-such-association/about')).statusCode).toBe(404);
  });

  it("gives the association's card: names, enabled channels, working week and counter hours", async () => {
    const res = await get(`/api/v1/public/${slugA.toUpperCase()}/about`);
    expect(res.statusCode).toBe(200);
    const about = res.json() as Record<string, unknown> & { channels: Array<{ code: string }> };
    expect(about).toMatchObject({
      slug: slugA,
      nameAr: first.organization.nameAr,
      workingDays: [0, 1, 2, 3, 4],
      counter: { opensAt: '08:00', closesAt: '14:00' },
    });
    const codes = about.channels.map((c) => c.code);
    expect(codes).toContain('whatsapp');
    expect(codes).not.toContain('volunteering'); // disabled by default
  });
});

describe('the public pages (HTML without a built web app)', () => {
  it('writes the guide in Arabic into the page, with its title, description and canonical link', async () => {
    const res = await get(`/p/${slugA}/services`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    // The security policy stays: no inline script may run on the page.
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    const html = res.body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<title>دليل الخدمات — ${first.organization.nameAr}</title>`);
    expect(html).toMatch(/<meta name="description" content="[^"]*سلة رمضان الغذائية/);
    expect(html).toContain(`<link rel="canonical" href="/p/${slugA}/services">`);
    expect(html).toContain('سلة رمضان الغذائية');
    expect(html).toContain('<p>سلة شهرية للأسر المحتاجة.</p><p>تُسلَّم في مقر الجمعية.</p>');
    expect(html).toContain('يتيم، أرملة');
    expect(html).toContain('<li>إثبات الدخل</li>');
    expect(html).toContain('خلال ٢١ يوم عمل من إرسال الطلب'); // the association's Arabic-Indic digits
    expect(html).toContain('المقابلة الشخصية');
    expect(html).toContain(`href="/p/${slugA}/services/${basket.id}"`); // apply: sign in, then the service
    expect(html).not.toContain('خدمة موقوفة مؤقتًا');
    expect(html).not.toContain('كفالة أيتام البر');
  });

  it('shows each association only its own services', async () => {
    const html = (await get(`/p/${slugB}/services`)).body;
    expect(html).toContain('كفالة أيتام البر');
    expect(html).not.toContain('سلة رمضان الغذائية');
  });

  it('writes a service name with markup as text', async () => {
    const html = (await get(`/p/${slugA}/services`)).body;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; كفالة $&amp; &quot;يتيم&quot;');
    expect(html).toContain(`id="service-${hostile.id}"`);
  });

  it('answers an unknown association with a not-found page, not an error', async () => {
    for (const url of ['/p/no-such-association/services', '/p/no-such-association', '/p/bad%3Cslug%3E/faq']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('الصفحة غير موجودة');
      expect(res.body, url).not.toMatch(/Error|stack|<script/);
    }
  });

  it("shows the association's card with its channels and counter hours", async () => {
    const res = await get(`/p/${slugA}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(first.organization.nameAr);
    expect(res.body).toContain('واتساب');
    expect(res.body).not.toContain('خدمة التطوع');
    expect(res.body).toContain('الأحد، الاثنين، الثلاثاء، الأربعاء، الخميس، من ٠٨:٠٠ إلى ١٤:٠٠');
    expect(res.body).toContain(`href="/p/${slugA}/services"`);
  });

  it('shows the approved answers of the knowledge base (approved by another), not the drafts', async () => {
    const create = (questionAr: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/knowledge',
        headers: { cookie: a.officer! },
        payload: { questionAr, answerAr: 'تقدّم عبر البوابة <b>أو</b> في المقر.' },
      });
    const approved = (await create('كيف أقدّم على سلة رمضان؟')).json() as { id: string };
    await create('سؤال ما زال مسودة؟');
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/knowledge/${approved.id}/approve`,
      headers: { cookie: a.supervisor! },
      payload: {},
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const html = (await get(`/p/${slugA}/faq`)).body;
    expect(html).toContain('كيف أقدّم على سلة رمضان؟');
    expect(html).toContain('تقدّم عبر البوابة &lt;b&gt;أو&lt;/b&gt; في المقر.');
    expect(html).not.toContain('سؤال ما زال مسودة؟');
    expect((await get(`/p/${slugB}/faq`)).body).not.toContain('كيف أقدّم على سلة رمضان؟');
  });
});

// The same pages inside a built portal.html (a stand-in with a hashed script, as vite writes it).
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-web-'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><body>staff</body></html>');
fs.writeFileSync(
  path.join(webRoot, 'portal.html'),
  fs
    .readFileSync(path.resolve('src/web/portal.html'), 'utf8')
    .replace(/<script[^>]*><\/script>/, '')
    .replace('</head>', '<script type="module" crossorigin src="/assets/portal-x1.js"></script></head>'),
);
const withWeb = await buildApp({ database: testDb.database, services, logLevel: 'silent', webRoot });
await withWeb.ready();
afterAll(async () => {
  await withWeb.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('the public pages inside the built portal page', () => {
  it("fills the portal's root with the guide and keeps its script, with one title and description", async () => {
    const res = await withWeb.inject({ method: 'GET', url: `/p/${slugA}/services` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<script type="module" crossorigin src="/assets/portal-x1.js"></script>');
    expect(html).toMatch(/<div id="root"><header class="top-bar">.*سلة رمضان الغذائية.*<\/div>\s*<\/body>/s);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html).toContain(`<title>دليل الخدمات — ${first.organization.nameAr}</title>`);
    // A `$&` in a name stays text (no replacement pattern), and markup stays escaped.
    expect(html).toContain('كفالة $&amp; &quot;يتيم&quot;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('كفالة أيتام البر');
  });

  it('leaves the other portal addresses to the portal page as before', async () => {
    const start = await withWeb.inject({ method: 'GET', url: '/p/' });
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<div id="root"></div>');
    const request = await withWeb.inject({ method: 'GET', url: `/p/${slugA}/requests` });
    expect(request.body).toContain('<div id="root"></div>');
    const missing = await withWeb.inject({ method: 'GET', url: '/p/no-such-association/services' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('/assets/portal-x1.js'); // the portal then says "unknown association"
  });
});
