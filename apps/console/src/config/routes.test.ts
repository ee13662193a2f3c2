import { describe, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../auth/oidc-sign-in';
import { homeOf } from '../auth/home';
import { routes } from './routes';

describe('the console routes', () => {
  it('route the provider’s return (the redirect URI registered with it) and the sign-in page', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toContain(CALLBACK_PATH);
    expect(paths).toContain('/sign-in');
  });

  it('route every home page a role lands on', () => {
    const paths = routes.map((r) => r.path);
    for (const roles of [['applicant'], ['center-staff'], ['approver'], ['discipline-officer'], ['expert'], ['admin'], []])
      expect(paths).toContain(homeOf(roles));
  });
});
