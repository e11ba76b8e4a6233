/**
 * Endpoints the Dashboard already calls that docs/openapi.yaml does not
 * describe yet, written in the generated schema's shape. When an endpoint
 * lands in the spec, `npm run gen:api` puts it in schema.ts: delete it here.
 * Responses of these endpoints are also checked at run time (zod), because
 * nothing guarantees their shape yet.
 *
 * None at the moment: every endpoint the app calls is in the spec.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface pendingPaths {}
