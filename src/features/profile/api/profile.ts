import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { supabase } from '@/lib/supabase';

export const profileKeys = { profile: (id: string) => ['profiles', id] as const };

export const profileSchema = z.object({
  display_name: z.string().check(z.trim(), z.minLength(1, { error: 'Tell people your name' }), z.maxLength(80)),
  username: z.union([z.literal(''), z.string().check(z.regex(/^[a-z0-9_]{3,30}$/, { error: '3–30 lowercase letters, digits or underscores' }))]),
  headline: z.string().check(z.maxLength(120, { error: 'Use at most 120 characters' })),
  bio: z.string().check(z.maxLength(2000, { error: 'Use at most 2,000 characters' })),
  skills: z.string(),
  is_public: z.boolean(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const profileQuery = (id: string) =>
  queryOptions({
    queryKey: profileKeys.profile(id),
    queryFn: async () => {
      const { data } = await supabase
        .from('profiles')
        .select('id, display_name, username, avatar_url, headline, bio, skills, is_public')
        .eq('id', id)
        .single()
        .throwOnError();
      return data;
    },
  });

export function useProfile(id: string) {
  return useQuery(profileQuery(id));
}

/** "design, ux , , research" → ["design", "ux", "research"] */
export function parseSkills(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 30);
}

export function useUpdateProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ProfileInput) => {
      const { data } = await supabase
        .from('profiles')
        .update({ ...input, username: input.username || null, skills: parseSkills(input.skills) })
        .eq('id', id)
        .select('id')
        .single()
        .throwOnError();
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.profile(id) }),
  });
}

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** Checks a picked file before any upload; returns a message, or null when it is fine. */
export function avatarProblem(file: File): string | null {
  if (!AVATAR_TYPES.includes(file.type)) return 'Choose a PNG, JPEG, WebP or GIF image.';
  if (file.size > AVATAR_MAX_BYTES) return 'Choose an image of at most 2 MB.';
  return null;
}

export function useUploadAvatar(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const problem = avatarProblem(file);
      if (problem) throw new Error(problem);
      const path = `${id}/avatar-${Date.now()}.${file.type.split('/')[1]}`;
      const { error } = await supabase.storage.from('avatars').upload(path, file, { contentType: file.type, upsert: true });
      if (error) throw error;
      const url = supabase.storage.from('avatars').getPublicUrl(path).data.publicUrl;
      await supabase.from('profiles').update({ avatar_url: url }).eq('id', id).throwOnError();
      return url;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.profile(id) }),
  });
}
