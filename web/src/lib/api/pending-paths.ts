/**
 * Endpoints the Dashboard already calls that docs/openapi.yaml does not
 * describe yet, written in the generated schema's shape. When an endpoint
 * lands in the spec, `npm run gen:api` puts it in schema.ts: delete it here.
 * Responses of these endpoints are also checked at run time (zod), because
 * nothing guarantees their shape yet.
 */

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type JsonResponse<Body> = { headers: { [name: string]: unknown }; content: { 'application/json': Body } };
type ProblemResponse = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': import('./schema').components['schemas']['Problem'] };
};
type Unused = { put?: never; post?: never; delete?: never; options?: never; head?: never; patch?: never; trace?: never };

export interface PendingProject {
  /** `prj_…` */
  id: string;
  name: string;
}

export interface PendingProjectList {
  data: PendingProject[];
  has_more: boolean;
}

export interface pendingPaths {
  '/api/v1/projects': Unused & {
    parameters: NoParams;
    get: {
      parameters: {
        query?: { limit?: number; starting_after?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: JsonResponse<PendingProjectList>;
        401: ProblemResponse;
      };
    };
  };
}
