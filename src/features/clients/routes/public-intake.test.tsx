import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import PublicIntakeRoute from './public-intake';

const FORM = { organization_name: 'Northwind Studio', title: 'Start a project with us', intro: 'Tell us about it.', thank_you: 'Thanks, talk soon!', ask_budget: true };

type Reply = { status: number; body: unknown };
function mockApi(replies: { intake_form?: Reply; submit_intake?: Reply[] }) {
  const submits = [...(replies.submit_intake ?? [])];
  const fetchMock = vi.fn(async (url: string) => {
    const reply = url.endsWith('/rpc/intake_form') ? (replies.intake_form ?? { status: 200, body: [FORM] }) : submits.shift()!;
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage(slug = 'northwind') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[`/intake/${slug}`]}>
        <Routes>
          <Route path="/intake/:orgSlug" element={<PublicIntakeRoute />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function fillValid() {
  await userEvent.type(screen.getByLabelText('Your name'), 'Ada Lovelace');
  await userEvent.type(screen.getByLabelText('Email'), 'ada@example.test');
  await userEvent.type(screen.getByLabelText(/What do you need/), 'A new website for our engine.');
}

afterEach(() => vi.unstubAllGlobals());

describe('the public intake page', () => {
  it('shows the form of the organization, with a honeypot people cannot reach', async () => {
    mockApi({});
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Start a project with us' })).toBeInTheDocument();
    expect(screen.getByText('Northwind Studio')).toBeInTheDocument();
    expect(screen.getByLabelText('Budget')).toBeInTheDocument();
    // The honeypot is hidden from assistive technology and out of the tab order.
    expect(screen.queryByRole('textbox', { name: 'Leave this field empty' })).toBeNull();
    const honeypot = document.getElementById('intake-website')!;
    expect(honeypot).toHaveAttribute('tabindex', '-1');
    expect(honeypot).toHaveAttribute('autocomplete', 'off');
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('says so when the organization has no enabled form', async () => {
    mockApi({ intake_form: { status: 200, body: [] } });
    renderPage('nobody');
    expect(await screen.findByRole('heading', { name: 'This form is not available' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull();
  });

  it('checks the fields before sending anything', async () => {
    const fetchMock = mockApi({});
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Your name is required')).toBeInTheDocument();
    expect(screen.getByText('Your email is required')).toBeInTheDocument();
    expect(screen.getByText('Tell us a little more: at least 10 characters')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1); // only the form itself was loaded
  });

  it('sends the request, honeypot included, and shows the thank-you text', async () => {
    const fetchMock = mockApi({ submit_intake: [{ status: 200, body: { ok: true } }] });
    renderPage();
    await screen.findByRole('heading', { name: 'Start a project with us' });
    await fillValid();
    await userEvent.selectOptions(screen.getByLabelText('Budget'), '5,000 – 15,000');
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByRole('heading', { name: 'Request sent' })).toBeInTheDocument();
    expect(within(status).getByText('Thanks, talk soon!')).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls[1]! as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      org_slug: 'northwind',
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      message: 'A new website for our engine.',
      budget: '5,000 – 15,000',
    });
  });

  it('explains a rate limit and shows the server validation message', async () => {
    mockApi({
      submit_intake: [
        { status: 429, body: { code: 'PT429', message: 'Too many requests from your network; please try again in an hour' } },
        { status: 400, body: { code: '22023', message: 'Please give a valid email address' } },
      ],
    });
    renderPage();
    await screen.findByRole('heading', { name: 'Start a project with us' });
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests from your network. Please try again in an hour.');
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Please give a valid email address')).toBeInTheDocument();
  });
});
