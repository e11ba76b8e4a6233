import type { components } from '@/lib/api';

export type Project = components['schemas']['Project'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type Company = components['schemas']['Company'];
export type CreateProjectRequest = components['schemas']['CreateProjectRequest'];
export type UpdateProjectRequest = components['schemas']['UpdateProjectRequest'];
export type UpdateCompanyRequest = components['schemas']['UpdateCompanyRequest'];
