import { z } from 'zod';
import type { components } from './schema';

export type ProblemBody = components['schemas']['Problem'];
export type ProblemFieldError = NonNullable<ProblemBody['errors']>[number];

/** `type` values the client itself uses when there is no problem document. */
export const clientProblemTypes = {
  /** fetch() rejected: offline, DNS, connection refused, CORS. */
  network: 'urn:kassa:client:network-error',
  /** A failure status without a problem+json body (a proxy's HTML 502, say). */
  httpStatus: 'urn:kassa:client:http-status',
  /** A success status whose body is not what the API sends (an HTML page). */
  unexpectedResponse: 'urn:kassa:client:unexpected-response',
} as const;

const problemSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string().default(''),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  request_id: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/**
 * Every failed API call rejects with an ApiProblem, an RFC 9457 problem
 * document from the server or one the client made for transport failures, so
 * screens handle one error shape.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly type: string;
  readonly title: string;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly ProblemFieldError[];

  constructor(problem: ProblemBody, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.requestId = problem.request_id;
    this.errors = problem.errors ?? [];
  }

  get isClientProblem(): boolean {
    return Object.values(clientProblemTypes).some((type) => type === this.type);
  }

  /** The validation message for one field (JSON pointer or query parameter). */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

export function isProblemContentType(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/problem+json';
}

/**
 * Turns a failed response into an ApiProblem. A well-formed problem document is
 * taken as sent (its `status` falls back to the HTTP status); anything else
 * becomes a client-made problem naming the HTTP status.
 */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (isProblemContentType(response.headers.get('Content-Type'))) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const withStatus = typeof body === 'object' && body !== null ? { status: response.status, ...body } : undefined;
    const parsed = problemSchema.safeParse(withStatus);
    if (parsed.success) {
      const problem = parsed.data;
      return new ApiProblem({
        ...problem,
        title: problem.title || response.statusText,
        request_id: problem.request_id ?? requestId,
      });
    }
  }
  return new ApiProblem({
    type: clientProblemTypes.httpStatus,
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    request_id: requestId,
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  return new ApiProblem(
    { type: clientProblemTypes.network, title: 'Network error', status: 0 },
    { cause },
  );
}

export function unexpectedResponseProblem(response: Response): ApiProblem {
  return new ApiProblem({
    type: clientProblemTypes.unexpectedResponse,
    title: 'Unexpected response',
    status: response.status,
    request_id: response.headers.get('X-Request-Id') ?? undefined,
  });
}
