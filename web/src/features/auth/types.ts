import type { components } from '@/lib/api';

export type LoginChallenge = components['schemas']['LoginChallenge'];
export type TotpEnrollment = components['schemas']['TotpEnrollment'];
export type Enrolled = components['schemas']['Enrolled'];
export type SignedIn = components['schemas']['SignedIn'];
export type Invitation = components['schemas']['Invitation'];
