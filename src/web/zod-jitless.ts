import { z } from 'zod';

// The Content-Security-Policy forbids eval (platform/http/security-headers.ts). Zod would otherwise
// probe `new Function` when its first object schema is built: the probe's error is caught, but the
// browser still reports a CSP violation on every page. Imported first by main.tsx, before any schema.
z.config({ jitless: true });
