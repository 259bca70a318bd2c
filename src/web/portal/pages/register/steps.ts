/** The screens of registering from home, in the order register.tsx shows them. */
export type StepName =
  | 'identity'
  | 'code'
  | 'profile'
  | 'update'
  | 'household'
  | 'documents'
  | 'declaration'
  | 'submit'
  | 'done';
