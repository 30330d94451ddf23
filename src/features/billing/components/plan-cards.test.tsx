import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanOverview } from '../api/plan';
import { CurrentPlanCard, PlanOptions, UsageCard } from './plan-cards';

const catalog = {
  free: { max_active_projects: 5, max_staff: 3 },
  pro: { max_active_projects: 50, max_staff: 20 },
  business: { max_active_projects: null, max_staff: null },
};

const free: PlanOverview = {
  plan: 'free',
  hasBillingAccount: false,
  subscription: null,
  limits: catalog.free,
  usage: { active_projects: 5, staff: 1 },
  catalog,
};

const pro: PlanOverview = {
  ...free,
  plan: 'pro',
  hasBillingAccount: true,
  subscription: { plan: 'pro', status: 'active', current_period_end: '2026-12-23T10:00:00Z', cancel_at_period_end: true },
  limits: catalog.pro,
};

describe('plan cards', () => {
  it('on Free: usage against the limits, and upgrade buttons for the paid plans', async () => {
    const onUpgrade = vi.fn();
    render(
      <>
        <CurrentPlanCard overview={free} onManage={vi.fn()} managing={false} />
        <UsageCard overview={free} />
        <PlanOptions overview={free} onUpgrade={onUpgrade} pendingPlan={null} onManage={vi.fn()} />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Manage billing' })).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Active projects' })).toHaveAttribute('aria-valuetext', '5 of 5 projects');
    expect(screen.getByRole('progressbar', { name: 'Staff seats' })).toHaveAttribute('aria-valuetext', '1 of 3 seats');
    expect(screen.getByText('Unlimited active projects')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Upgrade to Business' }));
    expect(onUpgrade).toHaveBeenCalledWith('business');
  });

  it('on Pro ending at the period end: says so, and plan changes go through Manage billing', async () => {
    const onManage = vi.fn();
    render(
      <>
        <CurrentPlanCard overview={pro} onManage={onManage} managing={false} />
        <PlanOptions overview={pro} onUpgrade={vi.fn()} pendingPlan={null} onManage={onManage} />
      </>,
    );
    expect(screen.getByText(/^Ends on .*2026; you go back to Free after that\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Upgrade/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Switch in Manage billing' }));
    await userEvent.click(screen.getByRole('button', { name: 'Manage billing' }));
    expect(onManage).toHaveBeenCalledTimes(2);
  });
});
