import type { Locator } from 'playwright-core';

/** Polls until `check` returns true, or fails with the last value seen (playwright-core has no `expect`). */
export async function waitUntil(describe: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${describe}`);
}

/** Waits until the element is visible and its text matches. */
export async function waitForText(locator: Locator, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  let last = '';
  await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  try {
    await waitUntil(
      `text matches ${String(expected)}`,
      async () => {
        last = (await locator.first().textContent())?.trim() ?? '';
        return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
      },
      timeoutMs,
    );
  } catch {
    throw new Error(`expected text ${String(expected)}, last seen "${last}"`);
  }
  return last;
}
