import { useMembership } from '@/lib/membership';
import { useCurrency } from '../api/lookups';
import { BudgetCard } from '../components/budget-card';
import { MilestonesCard } from '../components/milestones-card';
import { ProjectDetailsCard } from '../components/project-details-card';
import { useProjectContext } from '../hooks/use-project-context';

/** Overview: details, milestones on a timeline, and for staff the budget burn. */
export default function ProjectOverviewRoute() {
  const { project, isStaff } = useProjectContext();
  const { current } = useMembership();
  const currency = useCurrency(current.organizationId);
  return (
    <div className={isStaff ? 'grid gap-6 lg:grid-cols-3' : 'space-y-6'}>
      <div className="space-y-6 lg:col-span-2">
        <ProjectDetailsCard project={project} isStaff={isStaff} currency={currency} />
        <MilestonesCard project={project} isStaff={isStaff} />
      </div>
      {isStaff && (
        <div>
          <BudgetCard projectId={project.id} currency={currency} hourlyRate={project.hourly_rate} />
        </div>
      )}
    </div>
  );
}
