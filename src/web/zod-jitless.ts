import { z } from 'zod';
import { zodMessages } from './i18n/zod-messages';

// Every `import … from 'zod'` of the web app's sources comes here (vite.config.ts, `zodConfigured`);
// this module's own import is zod itself. So zod is configured before any schema is built, wherever zod
// is first loaded: with the first page that validates something, not in the first download (decision 026).
//
// The Content-Security-Policy forbids eval (platform/http/security-headers.ts). Zod would otherwise
// probe `new Function` when its first object schema is built: the probe's error is caught, but the
// browser still reports a CSP violation on every page. Validation messages follow the UI language.
z.config({ jitless: true, customError: zodMessages });

export * from 'zod';
export { z, z as default };
