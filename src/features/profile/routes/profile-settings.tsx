import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Upload } from 'lucide-react';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Avatar } from '@/components/ui/avatar';
import { Alert } from '@/components/ui/alert';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useUserId } from '@/lib/auth';
import { toast } from '@/lib/toast';
import { profileSchema, useProfile, useUpdateProfile, useUploadAvatar, type ProfileInput } from '../api/profile';

export default function ProfileSettingsRoute() {
  const userId = useUserId();
  const profile = useProfile(userId);
  const update = useUpdateProfile(userId);
  const upload = useUploadAvatar(userId);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm<ProfileInput>({
    resolver: standardSchemaResolver(profileSchema),
    values: profile.data
      ? {
          display_name: profile.data.display_name ?? '',
          username: profile.data.username ?? '',
          headline: profile.data.headline ?? '',
          bio: profile.data.bio ?? '',
          skills: profile.data.skills.join(', '),
          is_public: profile.data.is_public,
        }
      : undefined,
  });
  const { errors } = form.formState;
  if (profile.isPending) return <SkeletonRows rows={6} label="Loading your profile" />;
  if (profile.error) return <Alert>{errorMessage(profile.error)}</Alert>;
  const name = profile.data.display_name ?? '';

  return (
    <>
      <PageHeader title="Profile" description="How you appear to your team, your clients and, if you choose, everyone." />
      <div className="space-y-6">
        <Card title="Picture">
          <div className="flex items-center gap-4">
            <Avatar name={name} url={profile.data.avatar_url} size="lg" />
            <div>
              <input
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                className="sr-only"
                aria-label="Choose a picture"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) upload.mutate(file, { onSuccess: () => toast('Picture updated.') });
                  e.target.value = '';
                }}
              />
              <Button variant="secondary" loading={upload.isPending} onClick={() => fileInput.current?.click()}>
                <Upload className="size-4" aria-hidden /> Upload a picture
              </Button>
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">PNG, JPEG, WebP or GIF, at most 2 MB.</p>
            </div>
          </div>
          {upload.error && <div className="mt-3"><Alert>{errorMessage(upload.error)}</Alert></div>}
        </Card>
        <Card title="About you">
          <form onSubmit={form.handleSubmit((v) => update.mutate(v, { onSuccess: () => toast('Profile saved.') }))} noValidate className="space-y-4">
            {update.error && <Alert>{errorMessage(update.error)}</Alert>}
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label="Name" error={errors.display_name?.message} {...form.register('display_name')} />
              <TextField label="Username" hint="Your public address: lowercase, 3–30 characters." error={errors.username?.message} {...form.register('username')} />
              <TextField className="sm:col-span-2" label="Headline" placeholder="Brand designer in Lisbon" error={errors.headline?.message} {...form.register('headline')} />
              <div className="sm:col-span-2">
                <label htmlFor="bio" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
                  Bio
                </label>
                <textarea id="bio" rows={4} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900" {...form.register('bio')} />
                {errors.bio && <p className="mt-1 text-sm text-red-600">{errors.bio.message}</p>}
              </div>
              <TextField className="sm:col-span-2" label="Skills" hint="Separated by commas." {...form.register('skills')} />
            </div>
            <label className="flex items-start gap-3 text-sm">
              <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" {...form.register('is_public')} />
              <span>
                <span className="font-medium">Public profile</span>
                <span className="block text-slate-600 dark:text-slate-400">Anyone can see your name, picture, headline, bio and skills, for example on the gig marketplace.</span>
              </span>
            </label>
            <div className="flex justify-end">
              <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
                Save profile
              </Button>
            </div>
          </form>
        </Card>
      </div>
    </>
  );
}
