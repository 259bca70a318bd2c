// Error codes of the API (DESIGN.md "API conventions"), listed once; messages live in i18n/errors.*.json.
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_INACTIVE',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_SET_UP',
  'EMAIL_TAKEN',
  'LAST_ADMIN',
  'CANNOT_DEACTIVATE_SELF',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INVALID_NATIONAL_ID',
  'INVALID_PHONE',
  'INVALID_DATE',
  'INVALID_HIJRI_DATE',
  'DUPLICATE_BENEFICIARY',
  'POSSIBLE_DUPLICATES',
  'UNKNOWN_CODE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_REQUIRED',
  'DECLARATION_TEXT_OUTDATED',
  'LEGAL_HOLD',
  'BENEFICIARY_DESTROYED',
  'MERGE_NOT_ALLOWED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  error: { code: ErrorCode | string; message: string; details?: Record<string, unknown> };
}
