import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useIntakeSettings } from '../api/intake-settings';
import { IntakeFormSettings } from '../components/intake-form-settings';
import { StaleLeadSettings } from '../components/stale-lead-settings';

/** /settings/intake — the public request form and when leads count as stale (admins). */
export default function IntakeSettingsRoute() {
  const { current } = useMembership();
  if (!hasRole(current.role, 'admin')) return <Forbidden what="intake form settings" />;
  return <IntakeSettings organizationId={current.organizationId} />;
}

function IntakeSettings({ organizationId }: { organizationId: string }) {
  const settings = useIntakeSettings(organizationId);
  return (
    <>
      <PageHeader title="Intake form" description="A public page where prospective clients tell you about their project. Every request becomes a lead in Clients." />
      {settings.isPending ? (
        <SkeletonRows rows={5} label="Loading intake settings" />
      ) : settings.error ? (
        <Alert>The intake settings could not be loaded: {errorMessage(settings.error)}</Alert>
      ) : (
        <div className="space-y-6">
          <IntakeFormSettings organizationId={organizationId} slug={settings.data.slug} form={settings.data.form} />
          <StaleLeadSettings organizationId={organizationId} days={settings.data.staleLeadDays} />
        </div>
      )}
    </>
  );
}
