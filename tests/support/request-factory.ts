import type { FastifyInstance } from 'fastify';
import { registerBeneficiary } from './beneficiary-factory';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const signaturePng = `data:image/png;base64,${png.toString('base64')}`;

/** Uploads a small PNG as a document of `type` with the given expiry date. */
export async function uploadDocument(
  app: FastifyInstance,
  cookie: string,
  beneficiaryId: string,
  type: string,
  expiryDate?: string,
) {
  const boundary = '----wasl-factory';
  const fields: Record<string, string> = { type, ...(expiryDate ? { expiryDate } : {}) };
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doc.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/beneficiaries/${beneficiaryId}/documents`,
    headers: {
      cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-requested-with': 'wasl',
    },
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function signDeclaration(app: FastifyInstance, cookie: string, beneficiaryId: string) {
  const text = (
    await app.inject({ method: 'GET', url: '/api/v1/declaration-text', headers: { cookie } })
  ).json();
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/beneficiaries/${beneficiaryId}/declarations`,
    headers: { cookie },
    payload: {
      method: 'drawn',
      textVersion: text.version,
      signatureImage: signaturePng,
      agreed: true,
      channel: 'in_person',
    },
  });
  if (res.statusCode !== 201) throw new Error(`signing failed: ${res.statusCode} ${res.body}`);
}

export async function createService(
  app: FastifyInstance,
  adminCookie: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/services',
    headers: { cookie: adminCookie },
    payload: {
      nameAr: 'سلة غذائية',
      nameEn: 'Food basket',
      requiredDocuments: ['national_id'],
      verification: ['documents'],
      decisionDays: 14,
      registrationChecklist: ['توقيع محضر الاستلام'],
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`service failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** A beneficiary whose file is complete for a service needing a national ID: ready to submit. */
export async function readyBeneficiary(
  app: FastifyInstance,
  officerCookie: string,
  validUntil = '2030-01-01',
) {
  const b = await registerBeneficiary(app, officerCookie);
  await uploadDocument(app, officerCookie, b.id, 'national_id', validUntil);
  await signDeclaration(app, officerCookie, b.id);
  return b;
}
