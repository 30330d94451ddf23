import { LogOut } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useSession } from '@/lib/auth';
import { supabase } from '@/lib/supabase';

export default function HomeRoute() {
  const { session } = useSession();
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col gap-6 px-6 py-12">
      <header className="flex items-center justify-between">
        <div className="flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="size-7" />
          <span className="text-lg font-semibold">Atrium</span>
        </div>
        <Button variant="secondary" onClick={() => void supabase.auth.signOut()}>
          <LogOut className="size-4" aria-hidden />
          Sign out
        </Button>
      </header>
      <section>
        <h1 className="text-2xl font-semibold">Welcome</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Signed in as {session?.user.email}.</p>
      </section>
    </main>
  );
}
