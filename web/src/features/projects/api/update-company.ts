import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, ifMatch, useVersionCheck } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import type { Company, UpdateCompanyRequest } from '../types';
import { companyQueryKey } from './get-company';

/** PATCH /api/v1/company, based on `version`. */
export async function updateCompany(changes: UpdateCompanyRequest, version: number): Promise<Company> {
  return dataOf(
    await api.PATCH('/api/v1/company', { params: { header: { 'If-Match': ifMatch(version) } }, body: changes }),
  );
}

export function useUpdateCompany() {
  const t = useT();
  const queryClient = useQueryClient();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ company, changes }: { company: Company; changes: UpdateCompanyRequest }) =>
      withVersionCheck({
        version: company.version,
        subject: t('company.conflictSubject'),
        mine: changes,
        fields: [
          { key: 'name', label: t('company.field.name') },
          { key: 'reporting_currency', label: t('company.field.reportingCurrency') },
          { key: 'time_zone', label: t('company.field.timeZone') },
        ].filter((field) => field.key in changes),
        send: (version) => updateCompany(changes, version),
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: companyQueryKey });
      // The time zone of every date shown comes with /me.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
