import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { problemMessage } from './problem-message';
import { ApiProblem, clientProblemTypes, networkProblem, problemFromResponse } from './problem';

const t = createTranslator('en');

function response(body: string, init: { status: number; contentType: string; headers?: Record<string, string> }) {
  return new Response(body, {
    status: init.status,
    statusText: init.status === 422 ? 'Unprocessable Content' : 'Error',
    headers: { 'Content-Type': init.contentType, ...init.headers },
  });
}

describe('problemFromResponse', () => {
  it('takes a problem+json document as sent, with field errors', async () => {
    const problem = await problemFromResponse(
      response(
        JSON.stringify({
          type: 'https://kassa.dev/problems/validation',
          title: 'Invalid request',
          status: 422,
          detail: 'The refund is larger than what is left to refund.',
          request_id: 'req_123',
          errors: [{ field: '/amount', message: 'must be at most 500' }],
        }),
        { status: 422, contentType: 'application/problem+json; charset=utf-8' },
      ),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.type).toBe('https://kassa.dev/problems/validation');
    expect(problem.title).toBe('Invalid request');
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe('The refund is larger than what is left to refund.');
    expect(problem.requestId).toBe('req_123');
    expect(problem.errors).toEqual([{ field: '/amount', message: 'must be at most 500' }]);
    expect(problem.fieldError('/amount')).toBe('must be at most 500');
    expect(problem.fieldError('/currency')).toBeUndefined();
    expect(problem.message).toBe('The refund is larger than what is left to refund.');
    expect(problemMessage(problem, t)).toBe('The refund is larger than what is left to refund.');
  });

  it('fills a missing status from HTTP and a missing request id from X-Request-Id', async () => {
    const problem = await problemFromResponse(
      response(JSON.stringify({ type: 'https://kassa.dev/problems/not-found', title: 'Not Found' }), {
        status: 404,
        contentType: 'application/problem+json',
        headers: { 'X-Request-Id': 'req_from_header' },
      }),
    );
    expect(problem.status).toBe(404);
    expect(problem.requestId).toBe('req_from_header');
    expect(problem.errors).toEqual([]);
    expect(problemMessage(problem, t)).toBe('Not Found');
  });

  it('makes a client problem of a failure without a problem document', async () => {
    const problem = await problemFromResponse(
      response('<html>Bad Gateway</html>', { status: 502, contentType: 'text/html' }),
    );
    expect(problem.type).toBe(clientProblemTypes.httpStatus);
    expect(problem.status).toBe(502);
    expect(problem.isClientProblem).toBe(true);
    expect(problemMessage(problem, t)).toBe('The request failed with HTTP 502.');
  });

  it('does not trust a malformed problem document', async () => {
    const problem = await problemFromResponse(
      response('{"status": "teapot"', { status: 500, contentType: 'application/problem+json' }),
    );
    expect(problem.type).toBe(clientProblemTypes.httpStatus);
    expect(problem.status).toBe(500);
  });
});

describe('problemMessage', () => {
  it('explains network failures', () => {
    expect(problemMessage(networkProblem(new TypeError('Failed to fetch')), t)).toBe(
      'The server could not be reached. Check your connection and try again.',
    );
  });

  it('has a sentence for errors that are not problems', () => {
    expect(problemMessage(new Error('boom'), t)).toBe('An unexpected error occurred.');
    expect(problemMessage(undefined, t)).toBe('An unexpected error occurred.');
  });
});
