import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cookieNames } from '../../src/common/cookies.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import type { BrowserClient } from '../support/browser-client.js';
import { newBrowser, readMail } from '../support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail, waitFor } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://portal.test';
/** Over HTTPS the known-device cookie carries the __Host- prefix. */
const DEVICE = cookieNames(true).device;

describe('sign-in throttling cannot be used to keep the owner out', () => {
  let smtp: SmtpSink;
  let testApp: TestApp & { smtp: SmtpSink };

  beforeAll(async () => {
    testApp = await startTestAppWithMail({ PUBLIC_URL }, { runWorkers: true });
    smtp = testApp.smtp;
  });
  afterAll(() => testApp?.close());

  /** A stranger who knows the username, guessing from many addresses (a new one each try). */
  async function hammer(username: string, tries: number) {
    const answers: number[] = [];
    for (let i = 0; i < tries; i++) {
      answers.push((await newBrowser(testApp).login(username, `guess number ${i} wrong`)).status);
    }
    return answers;
  }
  const deviceCookie = (browser: BrowserClient) => browser.cookies.get(browser.names.device);

  it('a right password marks the browser as a known device with an httpOnly cookie', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    const login = await browser.login(username, TEST_PASSWORD);
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/); // PUBLIC_URL is https
    expect(cookie).toMatch(/Max-Age=\d{7,}/);
    // A wrong password gives none.
    const wrong = await newBrowser(testApp).login(username, 'not the password at all');
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith(`${DEVICE}=`))).toBe(false);
  });

  it("a stranger hammering from many addresses cannot stop the owner's known device", async () => {
    const { username } = await createPatientAccount(testApp);
    const owner = newBrowser(testApp);
    expect((await owner.login(username, TEST_PASSWORD)).status).toBe(200);
    expect((await owner.post('/api/v1/auth/logout')).status).toBe(204);

    const answers = await hammer(username, 12);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5)).toEqual(new Array(7).fill(429));
    // Anyone else, even with the right password, waits: the account's budget is spent.
    expect((await newBrowser(testApp).login(username, TEST_PASSWORD)).status).toBe(429);

    // The owner's browser is counted on its own: a typo costs only its own budget...
    expect((await owner.login(username, 'a typo in my password')).status).toBe(401);
    const signedIn = await owner.login(username, TEST_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ status: 'signed-in', session: { user: { username } } });
    // ...and its success does not lift the stranger's pause.
    expect((await hammer(username, 1))[0]).toBe(429);
    expect((await owner.login(username, TEST_PASSWORD)).status).toBe(200);
  });

  it('a known device has a budget of its own, and names only its own account', async () => {
    const first = await createPatientAccount(testApp);
    const second = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    expect((await browser.login(first.username, TEST_PASSWORD)).status).toBe(200);
    const firstDevice = deviceCookie(browser)!;

    // Guessing on the known device pauses that device (same growing waits)...
    for (let i = 0; i < 5; i++) {
      expect((await browser.login(first.username, `device guess ${i}`)).status).toBe(401);
    }
    expect((await browser.login(first.username, TEST_PASSWORD)).status).toBe(429);
    // ...but not the account elsewhere.
    expect((await newBrowser(testApp).login(first.username, TEST_PASSWORD)).status).toBe(200);

    // The token is no pass for another account: that one keeps its shared budget.
    await hammer(second.username, 5);
    const other = newBrowser(testApp);
    other.cookies.set(DEVICE, firstDevice);
    expect((await other.login(second.username, TEST_PASSWORD)).status).toBe(429);
    // A forged or altered token counts for nothing.
    const forged = newBrowser(testApp);
    forged.cookies.set(DEVICE, `${firstDevice.slice(0, -2)}xx`);
    expect((await forged.login(second.username, TEST_PASSWORD)).status).toBe(429);
  });

  it('the emailed unlock link works during the attack and makes that browser known', async () => {
    const { username, account } = await createPatientAccount(testApp);
    expect((await hammer(username, 5)).every((status) => status === 401)).toBe(true);
    const mail = await waitFor(() =>
      smtp.received.find(
        (m) => m.to.includes(account.email) && /\/unlock#token=/.test(readMail(m).text),
      ),
    );
    const token = /\/unlock#token=([A-Za-z0-9_-]+)/.exec(readMail(mail).text)![1]!;

    // The owner opens the link on a browser that never signed in before.
    const owner = newBrowser(testApp);
    const unlocked = await owner.post('/api/v1/auth/unlock', { token });
    expect(unlocked.status).toBe(204);
    expect(deviceCookie(owner)).toBeDefined();

    // The stranger keeps going and pauses the account again at once...
    expect(await hammer(username, 6)).toEqual([401, 401, 401, 401, 401, 429]);
    // ...yet the owner signs in from the browser that opened the link.
    expect((await owner.login(username, TEST_PASSWORD)).status).toBe(200);
    // A used link does nothing more.
    expect((await newBrowser(testApp).post('/api/v1/auth/unlock', { token })).status).toBe(410);
  });

  it('answers the same for an unknown username, with or without a device cookie', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    await browser.login(username, TEST_PASSWORD);
    const unknown = await browser.login(`nobody-${username}`, 'not the password at all');
    const wrong = await newBrowser(testApp).login(username, 'not the password at all');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body).toMatchObject({ code: wrong.body!.code, detail: wrong.body!.detail });
  });
});
