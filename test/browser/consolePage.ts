/** The worker console in a browser page: the sign-in every console test starts with. */
import type { Page } from 'playwright-core';
import { PASSWORD } from '../handoff/consoleClient';

/** Opens the console at `baseUrl` and signs `username` in with the test password (does not wait for the queue). */
export async function signInConsole(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
