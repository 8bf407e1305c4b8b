import { afterAll, afterEach } from '@jest/globals';
import { closeBrowser, closeContexts } from './browser.js';

afterEach(async () => {
  await closeContexts();
});

afterAll(async () => {
  await closeBrowser();
});
