import type { FastifyInstance } from 'fastify';
import { generateNationalId } from '../../src/shared/saudi/national-id';

let serial = 0;

/** A valid, unique national ID (or Iqama with prefix 2). */
export function nextNationalId(prefix: 1 | 2 = 1): string {
  serial += 1;
  const body = String((Date.now() % 1e6) * 100 + (serial % 100))
    .padStart(8, '0')
    .slice(-8);
  return generateNationalId(prefix, body);
}

let phoneSerial = 0;
export function nextPhone(): string {
  phoneSerial += 1;
  return `05${String((Date.now() + phoneSerial * 7919) % 1e8).padStart(8, '0')}`;
}

const firstNames = [
  'نواف',
  'هيفاء',
  'سلطان',
  'أروى',
  'مشعل',
  'لمى',
  'زياد',
  'رهف',
  'عمر',
  'جود',
  'ياسر',
  'شهد',
];
const fatherNames = ['ثامر', 'بدر', 'حمود', 'عايض', 'مساعد', 'فواز', 'غازي'];
const familyNames = ['القرشي', 'البلوي', 'الرويلي', 'السهلي', 'الجابري', 'المحمادي', 'العمري', 'الخثعمي'];
let personSerial = 0;

/** The fields of a quick registration at the counter (DESIGN.md), overridable; every call a different person. */
// Fixed once per process: with the clock read per call, two calls could land on the same n (same name
// and birth date → POSSIBLE_DUPLICATES) when the clock's remainder wrapped between them.
const personOffset = Date.now() % 997;

export function beneficiaryInput(overrides: Record<string, unknown> = {}) {
  personSerial += 1;
  const n = personSerial + personOffset;
  const name = `${firstNames[n % firstNames.length]} ${fatherNames[n % fatherNames.length]} سعيد ${familyNames[(n * 7) % familyNames.length]}`;
  const birth = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000 * 13).toISOString().slice(0, 10);
  return {
    nationalId: nextNationalId(),
    fullNameAr: name,
    birthDate: birth,
    gender: 'male',
    phone: nextPhone(),
    nationality: 'SA',
    city: 'مكة المكرمة',
    channel: 'in_person',
    ...overrides,
  };
}

export async function registerBeneficiary(
  app: FastifyInstance,
  cookie: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/beneficiaries',
    headers: { cookie },
    payload: beneficiaryInput(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    fileNumber: string;
    nationalId: string;
    phone: string;
    fullNameAr: string;
  };
}
