export { api, createApiClient, dataOf, type ApiClient, type ApiPaths } from './client';
export { problemMessage } from './problem-message';
export { ApiProblem, clientProblemTypes, isApiProblem, type ProblemBody, type ProblemFieldError } from './problem';
export type { components, paths } from './schema';
