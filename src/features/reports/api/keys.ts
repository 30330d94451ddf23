import type { Database } from '@/lib/database.types';

export type ReportStatus = Database['public']['Enums']['report_status'];

export interface ReportFilters {
  clientId: string | null;
  status: ReportStatus | null;
  page: number;
}

export const reportKeys = {
  all: ['reports'] as const,
  lists: (organizationId: string) => ['reports', organizationId, 'list'] as const,
  list: (organizationId: string, audience: 'staff' | 'client', filters: ReportFilters) => ['reports', organizationId, 'list', audience, filters] as const,
  detail: (reportId: string, audience: 'staff' | 'client') => ['reports', 'detail', reportId, audience] as const,
};
