import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorCodes } from '../../../shared/errors';
import errorsAr from '../../../shared/i18n/errors.ar.json' with { type: 'json' };
import errorsEn from '../../../shared/i18n/errors.en.json' with { type: 'json' };
import { fieldCodes, fieldErrors, messageFor } from './errors';

describe('error messages', () => {
  it('has its own Arabic and English message for every error code, and no stray ones', () => {
    expect(Object.keys(errorsAr).sort()).toEqual([...errorCodes].sort());
    expect(Object.keys(errorsEn).sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      expect(messageFor(code, 'ar'), code).toMatch(/[\u0600-\u06FF]/);
      expect(messageFor(code, 'en'), code).toMatch(/^[A-Z]/);
    }
  });

  it('localises per-field validation messages with their dotted paths', () => {
    const schema = z.object({ admin: z.object({ email: z.email(), age: z.number().min(18) }) });
    const result = schema.safeParse({ admin: { email: 'nope', age: 3 } });
    expect(result.success).toBe(false);
    const ar = fieldErrors(result.error!.issues, 'ar');
    const en = fieldErrors(result.error!.issues, 'en');
    expect(Object.keys(ar)).toEqual(['admin.email', 'admin.age']);
    expect(ar['admin.age']).toMatch(/[\u0600-\u06FF]/);
    expect(en['admin.age']).toMatch(/18/);
  });

  it('sends a stable code per field beside the message: ours when the schema names one', () => {
    const schema = z.object({
      nationalId: z.string().refine((v) => v.length === 10, { message: 'INVALID_NATIONAL_ID' }),
      name: z.string().min(2),
      age: z.number(),
      when: z.iso.date(),
    });
    const result = schema.safeParse({ nationalId: '12', name: 'x', age: 'old', when: 'soon' });
    expect(fieldCodes(result.error!.issues)).toEqual({
      nationalId: 'INVALID_NATIONAL_ID',
      name: 'TOO_SMALL',
      age: 'INVALID_TYPE',
      when: 'INVALID_FORMAT',
    });
  });
});
