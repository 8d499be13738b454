/**
 * The web part of the environment: the production widget's Direct Line, the sites that may embed the widget,
 * and the proxy setting. Bad values are named with an example; a secret is never sent over plain http.
 */
import { loadConfig } from '../../src/config';
import { problemsFor } from './problemsFor';


describe('web configuration', () => {
  it('defaults to the global Direct Line, no embedding sites and no trusted proxy', () => {
    expect(loadConfig({})).toMatchObject({
      DIRECTLINE_ENDPOINT: 'https://directline.botframework.com',
      EMBED_ALLOWED_ORIGINS: [],
      TRUST_PROXY: false
    });
    expect(loadConfig({}).DIRECTLINE_SECRET).toBeUndefined();
  });

  it('reads the European Direct Line, a list of embedding sites and a trusted proxy', () => {
    const config = loadConfig({
      DIRECTLINE_ENDPOINT: 'https://europe.directline.botframework.com/',
      EMBED_ALLOWED_ORIGINS: 'https://www.helpline.example, https://helpline.example:8443',
      TRUST_PROXY: 'true'
    });
    expect(config.DIRECTLINE_ENDPOINT).toBe('https://europe.directline.botframework.com');
    expect(config.EMBED_ALLOWED_ORIGINS).toEqual(['https://www.helpline.example', 'https://helpline.example:8443']);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it('allows plain http only to this machine (a test double)', () => {
    expect(loadConfig({ DIRECTLINE_ENDPOINT: 'http://127.0.0.1:4000' }).DIRECTLINE_ENDPOINT).toBe('http://127.0.0.1:4000');
  });

  it.each([
    ['DIRECTLINE_ENDPOINT', 'http://directline.botframework.com', /^DIRECTLINE_ENDPOINT must be an https:\/\/ address/],
    ['DIRECTLINE_SECRET', 'short', /^DIRECTLINE_SECRET looks too short/],
    ['EMBED_ALLOWED_ORIGINS', 'https://www.helpline.example/chat', /^EMBED_ALLOWED_ORIGINS must be a comma-separated list of origins/],
    ['EMBED_ALLOWED_ORIGINS', 'http://helpline.example', /^EMBED_ALLOWED_ORIGINS /],
    ['EMBED_ALLOWED_ORIGINS', '*', /^EMBED_ALLOWED_ORIGINS /],
    ['TRUST_PROXY', 'yes', /^TRUST_PROXY .*\(for example TRUST_PROXY=false\)/]
  ])('rejects %s=%s with a message naming it', (name, value, message) => {
    const problems = problemsFor({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
