import { describe, expect, it } from 'vitest';
import { ApiProblem, clientProblemTypes } from './api';
import { queryRetriesMax, shouldRetryQuery } from './query-client';

const problem = (status: number, type = 'https://kassa.dev/problems/x') => new ApiProblem({ type, title: '', status });

describe('shouldRetryQuery', () => {
  it('retries server errors and network failures, up to the limit', () => {
    expect(shouldRetryQuery(0, problem(503))).toBe(true);
    expect(shouldRetryQuery(0, problem(0, clientProblemTypes.network))).toBe(true);
    expect(shouldRetryQuery(queryRetriesMax, problem(503))).toBe(false);
  });

  it('does not retry answers that will not change', () => {
    expect(shouldRetryQuery(0, problem(400))).toBe(false);
    expect(shouldRetryQuery(0, problem(401))).toBe(false);
    expect(shouldRetryQuery(0, problem(404))).toBe(false);
    expect(shouldRetryQuery(0, problem(200, clientProblemTypes.unexpectedResponse))).toBe(false);
  });
});
