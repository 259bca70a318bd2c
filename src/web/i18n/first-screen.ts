// The namespaces of ar.json and en.json that the screens before signing in use: the sign-in and setup
// frames, the language switch, field labels and validation messages, the error and not-found pages,
// the loading skeleton and Mantine's labels (app/theme.ts). vite.config.ts serves `<lang>.json?first-screen`
// as these namespaces alone; the rest of a language comes with the signed-in app (decision 026).
export const firstScreenNamespaces = [
  'app',
  'language',
  'signIn',
  'setup',
  'fields',
  'validation',
  'common',
  'notFound',
] as const;
