import { request, type APIRequestContext } from '@playwright/test';

/** What the tests send to POST /api/v1/payments (see docs/openapi.yaml, CreatePaymentRequest). */
export interface PaymentInput {
  amount: number;
  currency: string;
  merchant_reference: string;
  capture?: boolean;
  method?: 'card' | 'apple_pay' | 'google_pay' | 'sepa';
  card?: { number: string; exp_month: number; exp_year: number; cvc: string; holder?: string };
  wallet_token?: string;
  iban?: string;
  customer?: { email?: string; id?: string; ip?: string; country?: string };
  description?: string;
  metadata?: Record<string, string>;
}

export interface CreatedPayment {
  id: string;
  status: string;
  merchant_reference: string;
}

/** The API as a shop's server calls it: the project API key as a bearer token. */
export async function shopApi(baseURL: string, key: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
}

/** A test card that succeeds, expiring in a future year. */
export function card(number: string, holder = 'Ada Lovelace') {
  return { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 4, cvc: '123', holder };
}

export async function createPayment(api: APIRequestContext, input: PaymentInput): Promise<CreatedPayment> {
  const response = await api.post('/api/v1/payments', { data: input, headers: { 'Idempotency-Key': `e2e-${input.merchant_reference}` } });
  if (response.status() !== 201) throw new Error(`POST /api/v1/payments answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as CreatedPayment;
}
