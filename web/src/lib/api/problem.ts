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

/** The prefix of every problem `type` the Kassa server sends; the rest is a stable slug. */
export const problemTypePrefix = 'https://kassa.dev/problems/';

/** Problem slugs the web app reacts to (see docs/openapi.yaml, Problem). */
export const problemSlugs = {
  invalidCredentials: 'invalid-credentials',
  challengeExpired: 'challenge-expired',
  sessionExpired: 'session-expired',
  rateLimited: 'rate-limited',
  stepUpRequired: 'step-up-required',
  roleInUse: 'role-in-use',
  builtinRole: 'builtin-role',
} as const;

const memberNames = ['type', 'title', 'status', 'detail', 'instance', 'request_id', 'errors'] as const;

const problemSchema = z.looseObject({
  type: z.string().default('about:blank'),
  title: z.string().default(''),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  request_id: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Extension members of a problem document (RFC 9457 §3.2): `action`, `current`, … */
export type ProblemExtensions = Readonly<Record<string, unknown>>;

function extensionsOf(body: Record<string, unknown>): ProblemExtensions {
  const extensions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(memberNames as readonly string[]).includes(name)) extensions[name] = value;
  }
  return extensions;
}

/** `Retry-After` in seconds (the HTTP-date form too), or undefined. */
export function parseRetryAfter(value: string | null, now_ms: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at_ms = Date.parse(value);
  if (Number.isNaN(at_ms)) return undefined;
  return Math.max(0, Math.ceil((at_ms - now_ms) / 1000));
}

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
  /** Members beyond RFC 9457's: `action` of step-up-required, `current` of a 412. */
  readonly extensions: ProblemExtensions;
  /** From the `Retry-After` header of a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    problem: ProblemBody,
    options?: { cause?: unknown; extensions?: ProblemExtensions; retryAfterSeconds?: number },
  ) {
    super(problem.detail ?? problem.title, options);
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.requestId = problem.request_id;
    this.errors = problem.errors ?? [];
    this.extensions = options?.extensions ?? {};
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** The stable slug of a Kassa problem type (`invalid-credentials`), or undefined for other types. */
  get slug(): string | undefined {
    return this.type.startsWith(problemTypePrefix) ? this.type.slice(problemTypePrefix.length) : undefined;
  }

  /** True when this is the Kassa problem with that slug. */
  is(slug: string): boolean {
    return this.slug === slug;
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
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
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
      const { type, title, status, detail, instance, request_id, errors } = parsed.data;
      return new ApiProblem(
        {
          type,
          title: title || response.statusText,
          status,
          detail,
          instance,
          request_id: request_id ?? requestId,
          errors,
        },
        { extensions: extensionsOf(parsed.data), retryAfterSeconds },
      );
    }
  }
  return new ApiProblem(
    {
      type: clientProblemTypes.httpStatus,
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      request_id: requestId,
    },
    { retryAfterSeconds },
  );
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
