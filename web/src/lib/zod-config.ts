import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` unless told not to, and
 * probes for that once with `new Function("")`. Our Content-Security-Policy
 * forbids eval, so the probe fails and the browser reports a CSP violation
 * on every page. Jitless parsing needs no eval (and skips the probe).
 *
 * Zod reads this when a schema is built, so this module is imported first
 * (main.tsx), before any module that builds one at its top level.
 */
z.config({ jitless: true });
