import { loadConfig } from '../../src/config';
import { problemsFor } from './problemsFor';


describe('configuration', () => {
  it('starts on the local defaults with authentication off', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, BEACON_ENV: 'local', STORAGE: 'sqlite', DEFAULT_LOCALE: 'en', authDisabled: true });
  });

  it.each([
    ['PORT', 'abc', /^PORT .*\(for example PORT=3978\)/],
    ['PORT', '70000', /^PORT /],
    ['PORT', '-1', /^PORT /],
    ['BEACON_ENV', 'prod', /^BEACON_ENV .*\(for example BEACON_ENV=local\)/],
    ['STORAGE', 'postgres', /^STORAGE /],
    ['DEFAULT_LOCALE', 'english', /^DEFAULT_LOCALE must be a language code/],
    ['QUICK_EXIT_URL', 'http://example.org/', /^QUICK_EXIT_URL must be an https:\/\/ address/],
    ['QUICK_EXIT_URL', 'not a url', /^QUICK_EXIT_URL /],
    ['MicrosoftAppType', 'Tenant', /^MicrosoftAppType /],
    ['MicrosoftAppId', 'my-bot', /^MicrosoftAppId must be a GUID/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL /]
  ])('rejects %s=%s with a message naming it', (name, value, message) => {
    const problems = problemsFor({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('takes a neutral widget page title from WIDGET_TITLE, and leaves it to the page language when empty', () => {
    expect(loadConfig({ WIDGET_TITLE: 'Homework help' }).WIDGET_TITLE).toBe('Homework help');
    expect(loadConfig({ WIDGET_TITLE: '' }).WIDGET_TITLE).toBeUndefined();
    expect(problemsFor({ WIDGET_TITLE: 'x'.repeat(61) })[0]).toMatch(/^WIDGET_TITLE must be at most 60 characters/);
  });

  it('lists every bad variable at once', () => {
    expect(problemsFor({ PORT: 'x', STORAGE: 'y' })).toHaveLength(2);
  });

  it('refuses production without app credentials', () => {
    const problems = problemsFor({ BEACON_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/MicrosoftAppId is required when BEACON_ENV=production/);
    expect(problems.join('\n')).toMatch(/MicrosoftAppPassword is required/);
    expect(problems.join('\n')).toMatch(/MicrosoftAppTenantId is required/);
  });

  it('accepts production with single-tenant credentials and turns authentication on', () => {
    const config = loadConfig({
      BEACON_ENV: 'production',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000'
    });
    expect(config.authDisabled).toBe(false);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' })).toMatchObject({ PORT: 3978, authDisabled: true });
  });
});
