import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { projectKeys } from './keys';
import { toProjectRow, type NewProjectInput } from './schemas';

export async function createProject({ organizationId, values }: { organizationId: string; values: NewProjectInput }) {
  const { data } = await supabase
    .from('projects')
    .insert({ ...toProjectRow(values), organization_id: organizationId, client_id: values.client_id })
    .select('id, name')
    .single()
    .throwOnError();
  return data;
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProject, onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }) });
}
