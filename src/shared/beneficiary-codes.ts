// Code lists of the beneficiary registry, without zod, so the portal's small bundle can use them
// (decision 017); contracts/beneficiaries.ts builds its schemas from them.

export const householdRelations = [
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'grandchild',
  'other',
] as const;

// طلب تصحيح — the beneficiary asks to correct data held about them (PDPL); answered within 30 days.
export const correctableFields = [
  'fullNameAr',
  'fullNameEn',
  'birthDate',
  'gender',
  'nationality',
  'maritalStatus',
  'phone',
  'altPhone',
  'city',
  'district',
  'address',
  'household',
  'documents',
  'other',
] as const;
