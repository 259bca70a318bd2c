import { describe, expect, it } from 'vitest';
import { createTestApp, signIn, testPassword } from '../../../tests/support/test-app';
import { seedCases } from './demo-cases';
import { hrSociety, seedOrganization } from './demo-data';
import { seedLibrary } from './demo-library';

const { app, services } = await createTestApp();
let organizationId = '';

describe('demo data', () => {
  it('creates the committee association with staff, services and requests at several stages', async () => {
    const org = await seedOrganization(services, hrSociety, testPassword);
    organizationId = org.id;
    expect(org.settings.decisionBody.kind).toBe('committee');
    // The policy's eight channels, and WhatsApp and e-mail, where answers go back on the channel they came from.
    expect(org.settings.channels.filter((c) => c.enabled)).toHaveLength(10);
    await seedCases(services, org.id, hrSociety.staff, 7);
    const cookie = await signIn(app, 'manager@hrsociety.demo');
    const list = (
      await app.inject({ method: 'GET', url: '/api/v1/requests?limit=50', headers: { cookie } })
    ).json();
    expect(list.items.map((r: { status: string }) => r.status).sort()).toEqual(
      ['approved', 'in_committee', 'in_verification', 'submitted', 'under_review'].sort(),
    );
    const services_ = (
      await app.inject({ method: 'GET', url: '/api/v1/services', headers: { cookie } })
    ).json();
    expect(services_.total).toBe(2);
  });

  it('fills the reference library with published demo documents, found by an Arabic search', async () => {
    const cookie = await signIn(app, 'manager@hrsociety.demo');
    await seedLibrary(services, organizationId, null);
    const library = (await app.inject({ method: 'GET', url: '/api/v1/library', headers: { cookie } })).json();
    expect(library.items.map((d: { kind: string }) => d.kind).sort()).toEqual(
      ['board_decision', 'bylaws', 'procedure'].sort(),
    );
    // Written without hamza and with a final haa: the normaliser finds «اللائحة الأساسية».
    const url = `/api/v1/library?q=${encodeURIComponent('اللائحه الاساسيه')}`;
    const found = (await app.inject({ method: 'GET', url, headers: { cookie } })).json();
    expect(found.items.map((d: { kind: string }) => d.kind)).toContain('bylaws');
  });
});
