/**
 * An association with a bit of everything, made through the API as staff would: a committee that
 * decides, a service with rules, beneficiaries with documents, household, consent, an interaction,
 * a correction request and a suspected duplicate, and requests at several states — one decided in a
 * committee session (votes, minutes, decision letter), verified with a field-visit photo and a
 * submitted research report, registered and delivered; one in verification with a referral.
 * Every id and every identifier of a person is collected, for tests that look for them.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Services } from '../../src/server/app';
import type { StaffRole } from '../../src/shared/roles';
import { beneficiaryInput, nextNationalId } from './beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from './request-factory';
import { createOrganization, signIn } from './test-app';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const staffKeys = [
  'admin',
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'member2',
  'service_officer',
  'quality_officer',
  'auditor',
] as const;
export type StaffKey = (typeof staffKeys)[number];
const roleOf = (key: StaffKey): StaffRole => (key === 'member2' ? 'committee_member' : key);

export type IdKind =
  | 'beneficiary'
  | 'document'
  | 'member'
  | 'request'
  | 'task'
  | 'photo'
  | 'session'
  | 'service'
  | 'user'
  | 'referral'
  | 'correction'
  | 'duplicate';

export interface RichAssociation {
  organizationId: string;
  cookies: Record<StaffKey, string>;
  emails: Record<StaffKey, string>;
  userIds: Record<StaffKey, string>;
  ids: Record<IdKind, string[]>;
  /** The case that went all the way: decided in session, registered, delivered. */
  decided: {
    beneficiaryId: string;
    beneficiaryName: string;
    fileNumber: string;
    requestId: string;
    requestNumber: string;
    documentId: string;
    memberId: string;
    taskId: string;
    photoId: string;
    sessionId: string;
    correctionId: string;
    decisionReason: string;
    reportBody: string;
  };
  serviceId: string;
  /** What identifies a person of this association, staff included (ids apart). */
  people: {
    nationalIds: string[];
    phones: string[];
    fileNumbers: string[];
    names: string[];
    numbers: string[];
  };
}

function expectStatus(res: LightMyRequestResponse, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/** `family` ends every person's name, so that names of two associations never meet. */
export async function buildRichAssociation(
  app: FastifyInstance,
  services: Services,
  family: string,
): Promise<RichAssociation> {
  const titles: Record<StaffKey, string> = {
    admin: 'ريان',
    manager: 'حصة',
    relations_officer: 'غدير',
    supervisor: 'معاذ',
    researcher: 'بشاير',
    committee_member: 'نايف',
    member2: 'وجدان',
    service_officer: 'راكان',
    quality_officer: 'العنود',
    auditor: 'مشاري',
  };
  const org = await createOrganization(
    services,
    staffKeys.map((key) => ({ fullName: `${titles[key]} ${family}`, email: key, roles: [roleOf(key)] })),
  );
  const emails = org.emails as Record<StaffKey, string>;
  const cookies = {} as Record<StaffKey, string>;
  const userIds = {} as Record<StaffKey, string>;
  for (const key of staffKeys) {
    cookies[key] = await signIn(app, emails[key]);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookies[key] } });
    userIds[key] = me.json().user.id;
  }
  const send = (method: 'POST' | 'PUT' | 'PATCH' | 'GET', key: StaffKey, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: cookies[key] },
      payload: method === 'GET' ? undefined : payload,
    });
  const post = async (key: StaffKey, url: string, payload: object, status = 200) =>
    expectStatus(await send('POST', key, url, payload), status, `POST ${url}`);
  const get = async (key: StaffKey, url: string) =>
    expectStatus(await send('GET', key, url), 200, `GET ${url}`);

  const current = await get('admin', '/api/v1/organizations/current');
  const decisionBody = { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' };
  expectStatus(
    await send('PATCH', 'admin', '/api/v1/organizations/current', {
      settings: { ...current.settings, decisionBody },
    }),
    200,
    'committee decides',
  );
  const service = await createService(app, cookies.admin, {
    verification: ['interview', 'field_visit'],
    registrationChecklist: [],
  });
  expectStatus(
    await send('PUT', 'admin', `/api/v1/services/${service.id}/rules`, {
      threshold: 0,
      criteria: [{ id: 'id_doc', kind: 'document_valid', documentType: 'national_id', mode: 'required' }],
    }),
    200,
    'rules',
  );

  const ids: Record<IdKind, string[]> = {
    beneficiary: [],
    document: [],
    member: [],
    request: [],
    task: [],
    photo: [],
    session: [],
    service: [service.id],
    user: Object.values(userIds),
    referral: [],
    correction: [],
    duplicate: [],
  };
  const people: RichAssociation['people'] = {
    nationalIds: [],
    phones: [],
    fileNumbers: [],
    names: staffKeys.map((key) => `${titles[key]} ${family}`), // staff are people too
    numbers: [],
  };

  const firstNames = ['سلمى', 'عبدالإله', 'ميعاد', 'فراس', 'تهاني'];
  async function person(i: number, overrides: Record<string, unknown> = {}) {
    const input = beneficiaryInput({
      fullNameAr: `${firstNames[i]} حامد ${family}`,
      birthDate: `19${60 + i * 5}-0${1 + i}-1${i}`,
      ...overrides,
    });
    const b = await post('relations_officer', '/api/v1/beneficiaries', input, 201);
    ids.beneficiary.push(b.id);
    people.nationalIds.push(b.nationalId);
    people.phones.push(b.phone);
    people.fileNumbers.push(b.fileNumber);
    people.names.push(b.fullNameAr);
    return b as { id: string; fileNumber: string; fullNameAr: string; phone: string };
  }
  /** A file complete for the service; `enrich` adds to it before the declaration is signed. */
  async function ready(i: number, enrich?: (id: string) => Promise<void>) {
    const b = await person(i);
    await enrich?.(b.id);
    const doc = await uploadDocument(app, cookies.relations_officer, b.id, 'national_id', '2031-01-01');
    ids.document.push(doc.id);
    await signDeclaration(app, cookies.relations_officer, b.id);
    return { ...b, documentId: doc.id as string };
  }
  async function request(beneficiaryId: string, moves: string[]) {
    const r = await post(
      'relations_officer',
      '/api/v1/requests',
      { beneficiaryId, serviceId: service.id, channel: 'in_person' },
      201,
    );
    ids.request.push(r.id);
    people.numbers.push(r.number);
    for (const action of moves) {
      const extra = action === 'request_info' ? { missingItems: ['صورة صك الإعالة'] } : {};
      await post('relations_officer', `/api/v1/requests/${r.id}/transitions`, { action, ...extra });
    }
    return r as { id: string; number: string };
  }

  // The case that goes all the way.
  let memberId = '';
  let correctionId = '';
  const b1 = await ready(0, async (id) => {
    const memberNationalId = nextNationalId();
    const member = await post(
      'relations_officer',
      `/api/v1/beneficiaries/${id}/household`,
      {
        relation: 'son',
        fullName: `يزن ${family}`,
        nationalId: memberNationalId,
        birthDate: '2010-05-05',
        gender: 'male',
      },
      201,
    );
    ids.member.push(member.id);
    memberId = member.id;
    people.nationalIds.push(memberNationalId);
    people.names.push(`يزن ${family}`);
    await post(
      'relations_officer',
      `/api/v1/beneficiaries/${id}/consents`,
      { purpose: 'contact', granted: true, channel: 'in_person' },
      201,
    );
    await post(
      'relations_officer',
      `/api/v1/beneficiaries/${id}/interactions`,
      { channel: 'phone', kind: 'call', summary: 'استفسار عن موعد الزيارة' },
      201,
    );
    const correction = await post(
      'relations_officer',
      `/api/v1/beneficiaries/${id}/correction-requests`,
      { field: 'city', requestedValue: 'جدة', reason: 'انتقلت الأسرة إلى جدة', channel: 'in_person' },
      201,
    );
    ids.correction.push(correction.id);
    correctionId = correction.id;
  });

  const r1 = await request(b1.id, ['start_review', 'start_verification']);
  const tasks = (await get('researcher', `/api/v1/requests/${r1.id}/verifications`)).items as {
    id: string;
    mechanism: string;
  }[];
  const visit = tasks.find((t) => t.mechanism === 'field_visit')!;
  const photo = await uploadPhoto(app, cookies.researcher, visit.id);
  ids.photo.push(photo.id);
  for (const task of tasks) {
    ids.task.push(task.id);
    await post('researcher', `/api/v1/verifications/${task.id}/complete`, {
      findings: task.mechanism === 'field_visit' ? 'المسكن مستأجر ومتواضع' : 'أجريت المقابلة مع رب الأسرة',
      recommendation: 'eligible',
      answers: { housing: 'rented' },
    });
  }
  const reportBody =
    'زارت الباحثة الأسرة في منزلها، والمسكن مستأجر، ودخل الأسرة لا يكفي احتياجاتها الأساسية.';
  expectStatus(
    await send('PUT', 'researcher', `/api/v1/requests/${r1.id}/research-report`, {
      bodyAr: reportBody,
      recommendation: 'eligible',
      submit: true,
    }),
    200,
    'research report',
  );
  await post('researcher', `/api/v1/requests/${r1.id}/transitions`, { action: 'send_to_committee' });
  const session = await post(
    'committee_member',
    '/api/v1/committee-sessions',
    {
      title: 'الجلسة الأولى',
      scheduledFor: '2026-11-23T10:00:00+03:00',
      chairId: userIds.committee_member,
      memberIds: [userIds.member2],
    },
    201,
  );
  ids.session.push(session.id);
  const item = `/api/v1/committee-sessions/${session.id}/items/${r1.id}`;
  await post('committee_member', `/api/v1/committee-sessions/${session.id}/agenda`, { requestId: r1.id });
  const decisionReason = 'الأسرة بلا دخل ثابت والشروط منطبقة';
  await post('committee_member', `${item}/votes`, { vote: 'approve', reason: decisionReason });
  await post('member2', `${item}/votes`, { vote: 'approve', reason: 'المسكن مستأجر' });
  await post('committee_member', `${item}/decide`, {});
  await post('committee_member', `/api/v1/committee-sessions/${session.id}/close`, {});
  await post('service_officer', `/api/v1/requests/${r1.id}/transitions`, {
    action: 'complete_registration',
    checklist: [],
  });
  await post('service_officer', `/api/v1/requests/${r1.id}/transitions`, {
    action: 'deliver',
    delivery: { deliveredOn: '2026-12-01', description: 'سلة غذائية', quantity: 1 },
  });

  // Requests at other states, a referral, and a suspected duplicate sharing b1's phone.
  const b2 = await ready(1);
  const r2 = await request(b2.id, ['start_review', 'start_verification']);
  for (const t of (await get('researcher', `/api/v1/requests/${r2.id}/verifications`)).items)
    ids.task.push(t.id);
  const referral = await post(
    'relations_officer',
    `/api/v1/requests/${r2.id}/referrals`,
    { reason: 'الإجراءات غير واضحة للمستفيدة', assigneeId: userIds.supervisor },
    201,
  );
  ids.referral.push(referral.id);
  const b3 = await ready(2);
  await request(b3.id, []);
  const b4 = await ready(3);
  await request(b4.id, ['start_review', 'request_info']);
  const twin = await person(4, { phone: b1.phone, acknowledgedDuplicateIds: [b1.id] });
  const pairs = (await get('supervisor', '/api/v1/beneficiaries/duplicates')).items as {
    id: string;
    a: { id: string };
  }[];
  ids.duplicate.push(...pairs.map((p) => p.id));
  if (!pairs.some((p) => p.a.id === twin.id)) throw new Error('no duplicate pair recorded');

  return {
    organizationId: org.organization.id,
    cookies,
    emails,
    userIds,
    ids,
    serviceId: service.id,
    people: { ...people, phones: [...new Set(people.phones)] },
    decided: {
      beneficiaryId: b1.id,
      beneficiaryName: b1.fullNameAr,
      fileNumber: b1.fileNumber,
      requestId: r1.id,
      requestNumber: r1.number,
      documentId: b1.documentId,
      memberId,
      taskId: visit.id,
      photoId: photo.id,
      sessionId: session.id,
      correctionId,
      decisionReason,
      reportBody,
    },
  };
}

/** A field-visit photo, as the researcher's phone uploads it. */
export async function uploadPhoto(app: FastifyInstance, cookie: string, taskId: string) {
  const boundary = '----wasl-photo';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="visit.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${taskId}/photos`,
    headers: {
      cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-requested-with': 'wasl',
    },
    payload,
  });
  return expectStatus(res, 201, 'photo') as { id: string };
}
