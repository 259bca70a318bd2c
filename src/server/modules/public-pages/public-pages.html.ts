// The public pages as HTML a search engine or a phone without script can read: the content of
// /p/<slug>, /p/<slug>/services and /p/<slug>/faq written on the server, in Arabic, inside the portal's
// page (its script then replaces it), or inside a small page of its own when no built web app is served.
// Pure: every value that comes from the database is escaped here, and nothing here runs in the browser.
import type { PublishedArticle } from '../../../shared/contracts/inquiries';
import type { PublishedText } from '../../../shared/contracts/policies';
import type { PublicAbout, PublicLabel, PublicService } from '../../../shared/contracts/public-pages';
import { applyDigitStyle } from '../../../shared/digits';
import { type MessageKey, message } from '../../platform/i18n/messages';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

/** A finished page: what goes in <head> and the content of <div id="root">. */
export interface PublicPage {
  title: string;
  description: string;
  /** The page's own address, absolute when PUBLIC_URL is set. */
  canonical: string;
  body: string;
}

/** Arabic first: these pages are written in the association's language. */
const t = (key: MessageKey, params: Record<string, string | number> = {}) => message('ar', key, params);

type Section = 'home' | 'services' | 'faq' | 'charter' | 'policy';

function pageHref(slug: string, section: Section): string {
  const base = `/p/${encodeURIComponent(slug)}`;
  return section === 'home' ? base : `${base}/${section}`;
}

function frame(about: PublicAbout, current: Section, content: string): string {
  const links: Array<[string, string, boolean]> = [
    [pageHref(about.slug, 'home'), t('public.nav.home'), current === 'home'],
    [pageHref(about.slug, 'services'), t('public.nav.services'), current === 'services'],
    [pageHref(about.slug, 'faq'), t('public.nav.faq'), current === 'faq'],
    [pageHref(about.slug, 'charter'), t('public.nav.charter'), current === 'charter'],
    [pageHref(about.slug, 'policy'), t('public.nav.policy'), current === 'policy'],
    [`${pageHref(about.slug, 'home')}/complaint`, t('public.nav.complaint'), false],
  ];
  const nav = links
    .map(
      ([href, label, here]) =>
        `<li><a href="${escapeHtml(href)}"${here ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`,
    )
    .join('');
  const logo = about.logo ? `<img src="${escapeHtml(about.logo)}" alt="" width="40" height="40">` : '';
  return (
    `<header class="top-bar"><div class="top-bar-inner"><a class="brand" href="${escapeHtml(pageHref(about.slug, 'home'))}">` +
    `${logo}<span>${escapeHtml(about.nameAr)}</span></a></div></header>` +
    `<main class="main" id="main">${content}` +
    `<nav aria-label="${escapeHtml(t('public.nav.label'))}"><ul class="plain-list">${nav}</ul></nav></main>`
  );
}

function title(heading: string, lead: string): string {
  return `<div class="page-title"><h1>${escapeHtml(heading)}</h1><p class="lead">${escapeHtml(lead)}</p></div>`;
}

function paragraphs(text: string | null): string {
  if (!text?.trim()) return '';
  return text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

const labels = (list: PublicLabel[]) => list.map((item) => item.labelAr);
const fact = (term: string, detail: string) => `<div><dt>${escapeHtml(term)}</dt><dd>${detail}</dd></div>`;

function serviceCard(service: PublicService, about: PublicAbout): string {
  const who = service.targetCategories.length
    ? escapeHtml(labels(service.targetCategories).join(t('list.separator')))
    : escapeHtml(t('public.service.forEveryone'));
  const documents = service.requiredDocuments.length
    ? `<ul>${labels(service.requiredDocuments)
        .map((label) => `<li>${escapeHtml(label)}</li>`)
        .join('')}</ul>`
    : escapeHtml(t('public.service.noDocuments'));
  const days = applyDigitStyle(String(service.decisionDays), about.digitStyle);
  const checks = service.verification.map((m) => t(`mechanism.${m}` as MessageKey)).join(t('list.separator'));
  return (
    `<article class="card" id="service-${escapeHtml(service.id)}">` +
    `<h2 class="card-title">${escapeHtml(service.nameAr)}</h2>${paragraphs(service.descriptionAr)}` +
    '<dl class="facts">' +
    fact(t('public.service.for'), who) +
    fact(t('public.service.documents'), documents) +
    fact(t('public.service.decision'), escapeHtml(t('public.service.decisionDays', { days }))) +
    (checks ? fact(t('public.service.verification'), escapeHtml(checks)) : '') +
    fact(t('public.service.recurrence'), escapeHtml(t(`public.recurrence.${service.recurrence}`))) +
    '</dl>' +
    // The service's own screen in the portal: it asks to sign in first, then offers to apply.
    `<a class="btn btn-primary btn-block" href="${escapeHtml(`${pageHref(about.slug, 'services')}/${encodeURIComponent(service.id)}`)}">${escapeHtml(t('public.service.apply'))}</a>` +
    '</article>'
  );
}

export function guidePage(about: PublicAbout, services: PublicService[], baseUrl: string): PublicPage {
  const lead = t('public.guide.lead', { organization: about.nameAr });
  const cards = services.length
    ? services.map((s) => serviceCard(s, about)).join('')
    : `<p class="empty">${escapeHtml(t('public.guide.empty'))}</p>`;
  return {
    title: `${t('public.guide.title')} — ${about.nameAr}`,
    description: `${lead} ${services.map((s) => s.nameAr).join(t('list.separator'))}`.slice(0, 300),
    canonical: `${baseUrl}${pageHref(about.slug, 'services')}`,
    body: frame(about, 'services', title(t('public.guide.title'), lead) + cards),
  };
}

/** "Sunday – Thursday, from 08:00 to 14:00" in the association's digits. */
function openingHours(about: PublicAbout): string {
  const days = about.workingDays.map((d) => t(`public.day.${d}` as MessageKey)).join(t('list.separator'));
  return applyDigitStyle(
    t('public.about.hoursValue', { days, opens: about.counter.opensAt, closes: about.counter.closesAt }),
    about.digitStyle,
  );
}

export function aboutPage(about: PublicAbout, baseUrl: string): PublicPage {
  const lead = t('public.about.lead', { organization: about.nameAr });
  const channels = about.channels.map((c) => `<li>${escapeHtml(c.labelAr)}</li>`).join('');
  const content =
    title(about.nameAr, lead) +
    `<section class="card"><h2 class="card-title">${escapeHtml(t('public.about.hours'))}</h2>` +
    `<p>${escapeHtml(openingHours(about))}</p></section>` +
    (channels
      ? `<section class="card"><h2 class="card-title">${escapeHtml(t('public.about.channels'))}</h2><ul>${channels}</ul></section>`
      : '') +
    `<p><a class="btn btn-primary btn-block" href="${escapeHtml(pageHref(about.slug, 'services'))}">${escapeHtml(t('public.nav.services'))}</a></p>`;
  return {
    title: `${about.nameAr} — ${t('public.portalName')}`,
    description: lead,
    canonical: `${baseUrl}${pageHref(about.slug, 'home')}`,
    body: frame(about, 'home', content),
  };
}

export function faqPage(about: PublicAbout, articles: PublishedArticle[], baseUrl: string): PublicPage {
  const lead = t('public.faq.lead', { organization: about.nameAr });
  const items = articles.length
    ? articles
        .map(
          (a) =>
            `<details class="card faq-item"><summary class="card-title">${escapeHtml(a.questionAr)}</summary>` +
            `${paragraphs(a.answerAr)}</details>`,
        )
        .join('')
    : `<p class="empty">${escapeHtml(t('public.faq.empty'))}</p>`;
  return {
    title: `${t('public.faq.title')} — ${about.nameAr}`,
    description: lead,
    canonical: `${baseUrl}${pageHref(about.slug, 'faq')}`,
    body: frame(about, 'faq', title(t('public.faq.title'), lead) + items),
  };
}

/** The beneficiary charter in force: rights, duties, consequences of breach, liability, disputes. */
export function charterPage(about: PublicAbout, text: PublishedText | null, baseUrl: string): PublicPage {
  const lead = t('public.charter.lead', { organization: about.nameAr });
  const content = text
    ? `<section class="card"><h2 class="card-title">${escapeHtml(text.titleAr)}</h2>` +
      `<p class="muted">${escapeHtml(t('public.charter.version', { number: text.versionNumber }))}</p>` +
      `${paragraphs(text.bodyAr)}</section>`
    : `<p class="empty">${escapeHtml(t('public.charter.empty'))}</p>`;
  return {
    title: `${t('public.charter.title')} — ${about.nameAr}`,
    description: lead,
    canonical: `${baseUrl}${pageHref(about.slug, 'charter')}`,
    body: frame(about, 'charter', title(t('public.charter.title'), lead) + content),
  };
}

/** The association's policies in force: each one's title, version, the board's decision and the text. */
export function policyPage(about: PublicAbout, texts: PublishedText[], baseUrl: string): PublicPage {
  const lead = t('public.policy.lead', { organization: about.nameAr });
  const digits = (value: string) => escapeHtml(applyDigitStyle(value, about.digitStyle));
  const content = texts.length
    ? texts
        .map((text) => {
          const decision = text.decisionNumber
            ? // The decision number as the board wrote it; the date in the association's digits.
              `<p class="muted">${escapeHtml(t('public.policy.decision', { number: text.decisionNumber, date: applyDigitStyle(text.decisionDate ?? '', about.digitStyle) }))}</p>`
            : '';
          return (
            `<section class="card"><h2 class="card-title">${escapeHtml(text.titleAr)}</h2>` +
            `<p class="muted">${digits(t('public.charter.version', { number: text.versionNumber }))}</p>` +
            `${decision}${paragraphs(text.bodyAr)}</section>`
          );
        })
        .join('')
    : `<p class="empty">${escapeHtml(t('public.policy.empty'))}</p>`;
  return {
    title: `${t('public.policy.title')} — ${about.nameAr}`,
    description: lead,
    canonical: `${baseUrl}${pageHref(about.slug, 'policy')}`,
    body: frame(about, 'policy', title(t('public.policy.title'), lead) + content),
  };
}

export function notFoundPage(path: string, baseUrl: string): PublicPage {
  return {
    title: t('public.notFound.title'),
    description: t('public.notFound.lead'),
    canonical: `${baseUrl}${path}`,
    body: `<main class="main" id="main">${title(t('public.notFound.title'), t('public.notFound.lead'))}</main>`,
  };
}

function headTags(page: PublicPage): string {
  return (
    `<title>${escapeHtml(page.title)}</title>` +
    `<meta name="description" content="${escapeHtml(page.description)}">` +
    `<link rel="canonical" href="${escapeHtml(page.canonical)}">` +
    `<meta property="og:title" content="${escapeHtml(page.title)}">` +
    `<meta property="og:description" content="${escapeHtml(page.description)}">` +
    '<meta property="og:locale" content="ar_SA">'
  );
}

/**
 * The page inside the built portal.html: its own title and description replace the portal's, and the
 * content fills <div id="root"> until the portal's script renders there (createRoot replaces it).
 * Replacements are functions, so a `$&` in a service name is text, not a pattern.
 */
export function inShell(shell: string, page: PublicPage): string {
  const root = `<div id="root">${page.body}</div>`;
  let html = shell
    .replace(/<title>[\s\S]*?<\/title>\s*/i, () => '')
    .replace(/<meta\s+name="description"[^>]*>\s*/i, () => '')
    .replace(/<html[^>]*>/i, () => '<html lang="ar" dir="rtl">')
    .replace(/<\/head>/i, () => `${headTags(page)}</head>`);
  html = /<div id="root"><\/div>/.test(html)
    ? html.replace(/<div id="root"><\/div>/, () => root)
    : html.replace(/<body([^>]*)>/i, (_, attributes: string) => `<body${attributes}>${root}`);
  return html;
}

/** The same page without a built web app (tests, an API-only install): plain and readable. */
export function standalone(page: PublicPage): string {
  return (
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `${headTags(page)}</head><body><div id="root">${page.body}</div></body></html>`
  );
}
