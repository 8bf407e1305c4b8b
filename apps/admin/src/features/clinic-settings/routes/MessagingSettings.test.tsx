import {
  carePoolFactory,
  locationFactory,
  messageRoutingFactory,
  mockSignedIn,
  problems,
  replyTemplateFactory,
  staffSessionFactory,
  type MockCarePool,
  type MockMessageRouting,
  type MockReplyTemplate,
} from '@portal/api-mocks';
import { permissionsOf } from '@portal/api-client';
import { act, screen, within } from '@testing-library/react';
import { answer, signInStaff } from '../../../testing/api';
import { problem } from '../../../testing/factories';
import { server } from '../../../testing/server';
import { renderApp } from '../../../testing/render-app';

/** Replaces the entry with this id by its changed version, and answers with it. */
function changeIn<T extends { id: string }>(list: T[], id: string | undefined, changes: object) {
  const index = list.findIndex((entry) => entry.id === id);
  list[index] = { ...list[index]!, ...changes };
  return list[index];
}

const north = locationFactory({ name: 'North Clinic' });

/**
 * Signs an administrator in; the API answers with the pools, routing and templates given, and
 * each change answers with the changed entry, which the lists show from then on.
 */
function serve(
  state: {
    pools?: MockCarePool[];
    routing?: MockMessageRouting[];
    templates?: MockReplyTemplate[];
  } = {},
) {
  signInStaff(['admin'], { displayName: 'Sam Okafor' });
  const pools = [...(state.pools ?? [])];
  let routing = state.routing ?? messageRoutingFactory();
  const templates = [...(state.templates ?? [])];
  answer('listLocations', { items: [north], nextCursor: null });
  answer('listCarePools', () => ({ items: pools }));
  answer('listMessageRouting', () => ({ items: routing }));
  answer('listReplyTemplates', () => ({ items: templates }));
  const backend = {
    createCarePool: answer('createCarePool', ({ body }) => {
      const pool = carePoolFactory({ ...body, locationId: body.locationId ?? null });
      pools.push(pool);
      return pool;
    }),
    updateCarePool: answer('updateCarePool', ({ params, body }) =>
      changeIn(pools, params['poolId'], body),
    ),
    setMessageRouting: answer('setMessageRouting', ({ params, body }) => {
      const pool = pools.find((item) => item.id === body.poolId) ?? null;
      routing = routing.map((item) =>
        item.category === params['category']
          ? { ...item, pool, answerWithinBusinessDays: body.answerWithinBusinessDays }
          : item,
      );
      return { items: routing };
    }),
    createReplyTemplate: answer('createReplyTemplate', ({ body }) => {
      if (templates.some((template) => template.name === body.name)) {
        return problem(
          409,
          'reply_template_name_taken',
          'Another reply template already has this name.',
          {
            title: 'The name is taken',
          },
        );
      }
      const template = replyTemplateFactory(body);
      templates.push(template);
      return template;
    }),
    updateReplyTemplate: answer('updateReplyTemplate', ({ params, body }) =>
      changeIn(templates, params['templateId'], body),
    ),
  };
  return { backend };
}

describe('messaging settings', () => {
  it('lists the care-team pools with their department, location and state', async () => {
    serve({
      pools: [
        carePoolFactory({ name: 'Billing office', department: 'billing', active: false }),
        carePoolFactory({ name: 'North nurses', locationId: north.id }),
      ],
    });
    const { user } = renderApp({ path: '/settings/clinic' });

    const tabs = await screen.findByRole('navigation', { name: 'Clinic settings sections' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Locations',
      'Providers',
      'Visit types',
      'Care-team pools',
      'Message routing',
      'Reply templates',
    ]);
    await user.click(within(tabs).getByRole('link', { name: 'Care-team pools' }));
    const table = await screen.findByRole('table', { name: '2 care-team pools, by name' });
    expect(within(tabs).getByRole('link', { name: 'Care-team pools' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const billing = within(table).getByRole('row', { name: /Billing office/ });
    expect(billing).toHaveTextContent('Billing office');
    expect(billing).toHaveTextContent('Whole clinic (every location)');
    expect(billing).toHaveTextContent('Inactive');
    const nurses = within(table).getByRole('row', { name: /North nurses/ });
    expect(nurses).toHaveTextContent('Clinical (providers and nurses)');
    expect(await within(nurses).findByText('North Clinic')).toBeInTheDocument();
    expect(nurses).toHaveTextContent('Active');
  });

  it('creates a pool and returns to the list, which says so', async () => {
    const { backend } = serve();
    const { user, router } = renderApp({ path: '/settings/clinic/care-pools' });

    expect(await screen.findByText(/No care-team pools yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Add care-team pool' }));
    const form = await screen.findByRole('form', { name: 'New care-team pool' });
    await user.click(within(form).getByRole('button', { name: 'Add care-team pool' }));
    expect(within(form).getByLabelText(/^Department/)).toHaveAccessibleDescription(
      expect.stringContaining('Choose the department whose staff read this pool.'),
    );
    expect(backend.createCarePool).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^Name/), 'North nurses');
    await user.selectOptions(
      within(form).getByLabelText(/^Department/),
      'Clinical (providers and nurses)',
    );
    await user.selectOptions(await within(form).findByLabelText(/^Location/), 'North Clinic');
    await user.click(within(form).getByRole('button', { name: 'Add care-team pool' }));

    expect(
      await screen.findByText(
        'North nurses is added. Choose in Message routing which kinds of message it reads.',
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/clinic/care-pools');
    expect(backend.createCarePool[0]?.body).toEqual({
      name: 'North nurses',
      department: 'clinical',
      locationId: north.id,
    });
    const table = await screen.findByRole('table', { name: '1 care-team pool, by name' });
    expect(within(table).getByRole('row', { name: /North nurses/ })).toHaveTextContent('Active');
  });

  it('changes only what was edited, and deactivates a pool with one button', async () => {
    const pool = carePoolFactory({ name: 'North nurses', locationId: north.id });
    const { backend } = serve({ pools: [pool] });
    const { user } = renderApp({ path: '/settings/clinic/care-pools' });

    const table = await screen.findByRole('table', { name: '1 care-team pool, by name' });
    await user.click(within(table).getByRole('button', { name: 'Deactivate North nurses' }));
    const said = await screen.findByText(/North nurses is inactive: patients cannot send/);
    expect(said.closest('[tabindex="-1"]')).toHaveFocus();
    expect(backend.updateCarePool[0]?.params['poolId']).toBe(pool.id);
    expect(backend.updateCarePool[0]?.body).toEqual({ active: false });
    expect(await within(table).findByText('Inactive')).toBeInTheDocument();

    await user.click(within(table).getByRole('link', { name: 'Edit North nurses' }));
    const form = await screen.findByRole('form', { name: 'Edit care-team pool' });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Edit care-team pool: North nurses' }),
    ).toBeInTheDocument();
    await user.selectOptions(
      within(form).getByLabelText(/^Location/),
      'Whole clinic (every location)',
    );
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The changes to North nurses are saved.')).toBeInTheDocument();
    expect(backend.updateCarePool[1]?.body).toEqual({ locationId: null });
  });

  it('saves one category’s pool and answer time, and says what patients are told', async () => {
    const nurses = carePoolFactory({ name: 'Main Street nurses' });
    const desk = carePoolFactory({ name: 'Front desk', department: 'appointments' });
    const { backend } = serve({
      pools: [desk, nurses],
      routing: messageRoutingFactory({ appointment: { pool: desk, days: 1 } }),
    });
    const { user } = renderApp({ path: '/settings/clinic/message-routing' });

    const appointment = await screen.findByRole('form', { name: 'Appointment' });
    expect(
      screen.getByText(
        'Goes to Front desk. Patients are told: usually answers within 1 business day.',
      ),
    ).toBeInTheDocument();
    const medical = screen.getByRole('form', { name: 'Medical question' });
    expect(
      within(medical.closest('li')!).getByText(
        'Not routed yet: patients cannot send this kind of message.',
      ),
    ).toBeInTheDocument();

    await user.selectOptions(
      within(medical).getByLabelText('Care-team pool'),
      'Main Street nurses',
    );
    const days = within(medical).getByLabelText(/^Answer within/);
    await user.clear(days);
    await user.type(days, '3');
    await user.click(within(medical).getByRole('button', { name: 'Save Medical question' }));

    const saved = await screen.findByText(
      'Saved. New Medical question messages go to Main Street nurses, and patients are told it usually answers within 3 business days.',
    );
    // The confirmation takes focus: the row's button is still there, but the news is above it.
    expect(saved.closest('[tabindex="-1"]')).toHaveFocus();
    expect(backend.setMessageRouting).toHaveLength(1);
    expect(backend.setMessageRouting[0]?.params['category']).toBe('medical-question');
    expect(backend.setMessageRouting[0]?.body).toEqual({
      poolId: nurses.id,
      answerWithinBusinessDays: 3,
    });
    expect(
      within(medical.closest('li')!).getByText(
        'Goes to Main Street nurses. Patients are told: usually answers within 3 business days.',
      ),
    ).toBeInTheDocument();
    // The other rows are untouched.
    expect(within(appointment).getByLabelText('Care-team pool')).toHaveValue(desk.id);
  });

  it('refuses an answer time out of range before sending', async () => {
    const nurses = carePoolFactory({ name: 'Main Street nurses' });
    const { backend } = serve({ pools: [nurses] });
    const { user } = renderApp({ path: '/settings/clinic/message-routing' });

    const billing = await screen.findByRole('form', { name: 'Billing' });
    await user.selectOptions(
      within(billing).getByLabelText('Care-team pool'),
      'Main Street nurses',
    );
    const days = within(billing).getByLabelText(/^Answer within/);
    await user.clear(days);
    await user.type(days, '12');
    await user.click(within(billing).getByRole('button', { name: 'Save Billing' }));
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(days).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole number of business days from 1 to 10.'),
    );
    expect(backend.setMessageRouting).toHaveLength(0);
  });

  it('previews a template, refuses unknown placeholders and shows the API’s refusal by its field', async () => {
    const { backend } = serve();
    const { user } = renderApp({ path: '/settings/clinic/reply-templates/new' });

    const form = await screen.findByRole('form', { name: 'New reply template' });
    const placeholders = within(form).getByRole('region', { name: 'Placeholders you can use' });
    for (const name of ['patientFirstName', 'staffName', 'poolName', 'clinicName']) {
      expect(within(placeholders).getByText(`{{${name}}}`)).toBeInTheDocument();
    }
    await user.type(within(form).getByLabelText(/^Name/), 'Result is normal');
    const text = within(form).getByLabelText(/^Text/);
    // user-event reads braces as key names: {{ types one brace.
    await user.type(text, 'Hello {{{{patientLastName}}, from {{{{staffName}} at {{{{poolName}}.');
    const preview = within(form).getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent(
      'Hello {{patientLastName}}, from Sam Okafor at Main Street nurses.',
    );

    await user.click(within(form).getByRole('button', { name: 'Add reply template' }));
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription(
      expect.stringContaining('{{patientLastName}} is not a placeholder the portal can fill.'),
    );
    expect(backend.createReplyTemplate).toHaveLength(0);

    // What the API refuses lands by the field as well.
    answer(
      'createReplyTemplate',
      problems.validation([
        { field: 'body', message: 'The template contains characters that cannot be sent.' },
      ]),
    );
    await user.clear(text);
    await user.type(text, 'Hello {{{{patientFirstName}}, your result is normal.');
    expect(preview).toHaveTextContent('Hello Maria, your result is normal.');
    await user.click(within(form).getByRole('button', { name: 'Add reply template' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'The template contains characters that cannot be sent.',
      }),
    ).toHaveAttribute('href', '#reply-template-body');
    expect(text).toHaveAccessibleDescription(
      expect.stringContaining('The template contains characters that cannot be sent.'),
    );
  });

  it('creates a reply template with its placeholders as written', async () => {
    const { backend } = serve({ templates: [replyTemplateFactory({ name: 'Call us' })] });
    const { user, router } = renderApp({ path: '/settings/clinic/reply-templates' });

    await user.click(await screen.findByRole('link', { name: 'Add reply template' }));
    const form = await screen.findByRole('form', { name: 'New reply template' });
    const name = within(form).getByLabelText(/^Name/);
    await user.type(name, 'Call us');
    await user.type(within(form).getByLabelText(/^Text/), 'Hello {{{{patientFirstName}},');
    await user.click(within(form).getByRole('button', { name: 'Add reply template' }));
    expect(
      await screen.findByText('Another reply template already has this name.'),
    ).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'Result is normal');
    await user.click(within(form).getByRole('button', { name: 'Add reply template' }));

    expect(
      await screen.findByText('Result is normal is added. Staff can start a reply from it.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/clinic/reply-templates');
    expect(backend.createReplyTemplate[1]?.body).toEqual({
      name: 'Result is normal',
      body: 'Hello {{patientFirstName}},',
    });
    const table = await screen.findByRole('table', { name: '2 reply templates, by name' });
    expect(within(table).getByRole('row', { name: /Result is normal/ })).toHaveTextContent(
      'Hello {{patientFirstName}},',
    );
  });

  it('changes a template’s text only, and retires it with one button', async () => {
    const template = replyTemplateFactory({ name: 'Call us', body: 'Please call {{clinicName}}.' });
    const { backend } = serve({ templates: [template] });
    const { user } = renderApp({ path: '/settings/clinic/reply-templates' });

    const table = await screen.findByRole('table', { name: '1 reply template, by name' });
    await user.click(within(table).getByRole('link', { name: 'Edit Call us' }));
    const form = await screen.findByRole('form', { name: 'Edit reply template' });
    const text = within(form).getByLabelText(/^Text/);
    expect(text).toHaveValue('Please call {{clinicName}}.');
    expect(within(form).getByRole('region', { name: 'Preview' })).toHaveTextContent(
      'Please call Test Family Clinic.',
    );
    await user.type(text, ' We answer weekdays.');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The changes to Call us are saved.')).toBeInTheDocument();
    expect(backend.updateReplyTemplate[0]?.body).toEqual({
      body: 'Please call {{clinicName}}. We answer weekdays.',
    });

    const list = await screen.findByRole('table', { name: '1 reply template, by name' });
    await user.click(within(list).getByRole('button', { name: 'Deactivate Call us' }));
    expect(await screen.findByText(/Call us is no longer offered/)).toBeInTheDocument();
    expect(backend.updateReplyTemplate[1]?.body).toEqual({ active: false });
    expect(await within(list).findByText('Inactive')).toBeInTheDocument();
  });

  it('shows the messaging tabs only to those who manage pools', async () => {
    serve();
    // A role that manages the catalog but not messaging.
    server.use(
      ...mockSignedIn(
        staffSessionFactory({
          user: {
            roles: ['admin'],
            permissions: permissionsOf('staff', ['admin']).filter(
              (permission) => permission !== 'messages:manage-pools',
            ),
          },
        }),
      ),
    );
    const { router } = renderApp({ path: '/settings/clinic' });

    const tabs = await screen.findByRole('navigation', { name: 'Clinic settings sections' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Locations', 'Providers', 'Visit types']);
    expect(screen.queryByText(/Care-team pools, message routing/)).not.toBeInTheDocument();

    await act(() => router.navigate('/settings/clinic/care-pools'));
    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await act(() => router.navigate('/settings/clinic/reply-templates/new'));
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });
});
