import { useOutletContext } from 'react-router';
import type { ProjectDetail } from '../api/project';

/**
 * What the project layout hands to each tab (Overview, Tasks, Updates, Files, Time) through
 * <Outlet context>: the project as the member may read it, and whether they are staff.
 */
export interface ProjectOutletContext {
  project: ProjectDetail;
  isStaff: boolean;
}

export function useProjectContext(): ProjectOutletContext {
  return useOutletContext<ProjectOutletContext>();
}
