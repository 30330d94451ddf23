import { supabase } from '@/lib/supabase';
import { useClientMutation } from './keys';
import { clientColumns, type ClientInput } from './schemas';

export async function createClient(organizationId: string, input: ClientInput) {
  const { data } = await supabase
    .from('clients')
    .insert({ organization_id: organizationId, source: 'manual', ...clientColumns(input) })
    .select('id, name')
    .single()
    .throwOnError();
  return data;
}

export function useCreateClient(organizationId: string) {
  return useClientMutation(organizationId, (input: ClientInput) => createClient(organizationId, input));
}
