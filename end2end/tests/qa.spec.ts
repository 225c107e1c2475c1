import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

// QA mode against the simulator. The reports share one server (and database) with the
// rest of the suite, so these tests run one after the other and only look at the
// reports they saved themselves. That reports outlive a restart of the server binary is
// tested in server/tests/qa_reports.rs (the Playwright server is shared); here the list
// and the report page are reloaded from the server.
test.describe.configure({ mode: 'serial' });

type Shown = { api: string; status: string; errMsg: string };

async function openQa(page: Page) {
  await page.goto('/qa');
  await waitForHydration(page);
  await expect(page.locator('#qa-run-safe')).toBeEnabled();
}

async function shownRows(page: Page): Promise<Shown[]> {
  return page.$$eval('.qa_row', (rows) =>
    rows.map((row) => ({
      api: (row as HTMLElement).dataset.api ?? '',
      // A listener waiting for its event did not happen: the report says not_run.
      status: ((row as HTMLElement).dataset.status ?? '').replace(/^waiting$/, 'not_run'),
      errMsg: row.querySelector('.qa_errmsg')?.textContent ?? '',
    })),
  );
}

async function save(page: Page): Promise<string> {
  await expect(page.locator('#qa-save')).toBeEnabled();
  await page.click('#qa-save');
  const saved = page.locator('#qa-saved');
  await expect(saved).toBeVisible();
  const id = await saved.getAttribute('data-id');
  expect(id).toMatch(/^\d+$/);
  return id!;
}

function markdownCell(text: string) {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');
}

test('run all safe ones: every safe row gets a status, closeWindow never runs; saved, listed, exported as shown', async ({ page }) => {
  test.setTimeout(90_000);
  await openQa(page);
  await expect(page.locator('#qa-wechat-version')).toHaveText('8.0.50'); // the simulator's WeChat
  await expect(page.locator('#qa-network')).not.toHaveText('');
  await expect(page.locator('#qa-support li[data-supported="true"]').first()).toBeAttached();

  const safe = page.locator('.qa_row[data-safety="safe"]');
  const safeCount = await safe.count();
  expect(safeCount).toBeGreaterThan(10);
  await page.click('#qa-run-safe');
  await expect(page.locator('#qa-run-safe')).toBeDisabled();
  await expect(page.locator('#qa-run-safe')).toBeEnabled({ timeout: 60_000 });
  await expect(page.locator('.qa_row[data-safety="safe"][data-status="not_run"]')).toHaveCount(0);
  await expect(page.locator('.qa_row[data-safety="safe"][data-status="running"]')).toHaveCount(0);
  await expect(page.locator('.qa_row[data-api="checkJsApi"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('.qa_row[data-api="getNetworkType"] .qa_errmsg')).toHaveText('getNetworkType:ok');
  // Nothing that needs the tester or cannot be undone ran.
  await expect(page.locator('.qa_row:not([data-safety="safe"]):not([data-status="not_run"])')).toHaveCount(0);
  await expect(page.locator('.qa_row[data-api="closeWindow"]')).toHaveAttribute('data-status', 'not_run');
  const closed = await page.evaluate(() =>
    (window as any).__wxSimulator.calls.filter((c: any) => c.jsName === 'closeWindow' || c.name === 'closeWindow').length,
  );
  expect(closed).toBe(0);
  // The tester sees what to do for the others.
  await expect(page.locator('.qa_row[data-api="chooseImage"] .qa_hint')).not.toBeEmpty();

  const shown = await shownRows(page);
  const id = await save(page);

  // JSON export: the same rows, statuses and errMsgs as the page showed.
  const exported = await (await page.request.get(`/api/qa/reports/${id}.json`)).json();
  expect(exported.id).toBe(Number(id));
  expect(exported.report.device.wechat_version).toBe('8.0.50');
  expect(exported.report.device.simulated).toBe(true);
  expect(exported.report.results.map((r: any) => ({ api: r.api, status: r.status, errMsg: r.err_msg }))).toEqual(shown);

  // Markdown export: one table row per interface with the status and errMsg shown.
  const markdown = await (await page.request.get(`/api/qa/reports/${id}.md`)).text();
  expect(markdown).toContain(`## QA report #${id}`);
  const tableRows = markdown.split('\n').filter((line) => line.startsWith('| `'));
  expect(tableRows).toHaveLength(shown.length);
  shown.forEach((row, i) => {
    expect(tableRows[i]).toMatch(new RegExp(`^\\| \`\\w+\`( \\(${row.api}\\))? \\| `));
    if (!tableRows[i].includes(`(${row.api})`)) expect(tableRows[i]).toContain(`\`${row.api}\``);
    expect(tableRows[i]).toContain(`| ${row.status} | ${markdownCell(row.errMsg)} |`);
  });

  // Listed by device and WeChat version, and the report page (from the server) shows the run.
  await page.goto('/qa/reports');
  await waitForHydration(page);
  const listed = page.locator(`#qa-reports tr[data-id="${id}"]`);
  await expect(listed).toContainText('8.0.50');
  await page.reload();
  await expect(listed).toContainText('8.0.50');
  await listed.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`/qa/reports/${id}$`));
  for (const row of shown) {
    await expect(page.locator(`#qa-report tr[data-api="${row.api}"]`)).toHaveAttribute('data-status', row.status);
  }
  await expect(page.locator('#qa-markdown')).toContainText(`## QA report #${id}`);
});

test('a listener row waits after registration and is ok only once the simulator fires its event', async ({ page }) => {
  await openQa(page);
  const row = page.locator('.qa_row[data-api="onMenuShareTimeline"]');
  await page.click('#qa-run-onMenuShareTimeline');
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(row.locator('.qa_row_status')).toHaveText('等待事件（已注册）');
  // Registration alone never turns it ok.
  await expect(row).not.toHaveAttribute('data-status', 'ok', { timeout: 1500 });
  await page.evaluate(() => (window as any).__wxSimulator.share('timeline'));
  await expect(row).toHaveAttribute('data-status', 'ok');
  await page.locator('.wxsim-overlay [data-close]').first().click();
  // The recording-end listener: ok when the recording ends on its own (the 60 s limit).
  const recordEnd = page.locator('.qa_row[data-api="onVoiceRecordEnd"]');
  await page.click('#qa-run-onVoiceRecordEnd');
  await expect(recordEnd).toHaveAttribute('data-status', 'waiting');
  await page.click('#qa-run-startRecord');
  await expect(page.locator('.qa_row[data-api="startRecord"]')).toHaveAttribute('data-status', 'ok');
  await page.evaluate(() => (window as any).__wxSimulator.finishRecording());
  await expect(recordEnd).toHaveAttribute('data-status', 'ok');
});

test('comparing two runs shows what changed: an interface made to fail the second time is newly failing', async ({ page }) => {
  test.setTimeout(60_000);
  await openQa(page);
  await page.click('#qa-run-openAddress');
  await expect(page.locator('.qa_row[data-api="openAddress"]')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-sim="openAddress"] [data-close]').click();
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  const first = await save(page);

  await openQa(page);
  // The presenter's outcome for user-driven calls (the panel's select; the open panel would cover the rows).
  await page.evaluate(() => (window as any).__wxSimulator.setOutcome('fail'));
  await expect(page.locator('#wx-sim-outcome')).toHaveValue('fail');
  await page.click('#qa-run-openAddress');
  await expect(page.locator('.qa_row[data-api="openAddress"]')).toHaveAttribute('data-status', 'fail');
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  const second = await save(page);

  // From the first report's page, choose the second in the compare form.
  await page.goto(`/qa/reports/${first}`);
  await waitForHydration(page);
  await page.selectOption('#qa-compare-a', first);
  await page.selectOption('#qa-compare-b', second);
  await page.click('#qa-compare-submit');
  await expect(page).toHaveURL(new RegExp(`/qa/compare\\?a=${first}&b=${second}$`));
  const row = page.locator('#qa-compare tr[data-api="openAddress"]');
  await expect(row).toHaveAttribute('data-change', 'newly_failing');
  await expect(row.locator('td[data-side="a"]')).toHaveAttribute('data-status', 'ok');
  await expect(row.locator('td[data-side="b"]')).toHaveAttribute('data-status', 'fail');
  await expect(row.locator('td[data-side="b"] .qa_errmsg')).toContainText(':fail');
  await expect(row.locator('td[data-side="a"] .qa_errmsg')).toContainText(':ok');
  await expect(page.locator('#qa-compare tr[data-api="getNetworkType"]')).toHaveAttribute('data-change', 'same');
  await expect(page.locator('#qa-compare-summary [data-change="newly_failing"]')).toHaveAttribute('data-count', '1');
});

test("the tester's note is saved with the report and shown on it, in both exports", async ({ page }) => {
  await openQa(page);
  // The note goes in as typed (trimmed), including what Markdown would read as a table.
  const note = 'Pixel 8 · 4G | 电梯里信号弱';
  await page.fill('#qa-note', `  ${note}\n`);
  const id = await save(page);
  const exported = await (await page.request.get(`/api/qa/reports/${id}.json`)).json();
  expect(exported.report.note).toBe(note);
  const markdown = await (await page.request.get(`/api/qa/reports/${id}.md`)).text();
  expect(markdown).toContain(`- Note: ${markdownCell(note)}`);
  await page.goto(`/qa/reports/${id}`);
  await expect(page.locator('#qa-report-note')).toHaveText(note);
  // The field stops where the report format does (longer notes are refused by the server).
  await openQa(page);
  await expect(page.locator('#qa-note')).toHaveAttribute('maxlength', '2000');
});

test('a report offers a run on another phone against it; that run, once saved, links to the comparison', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await openQa(page);
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  const first = await save(page);

  // The report page: a link and a QR code of /qa?against=<its id>.
  await page.goto(`/qa/reports/${first}`);
  const against = `/qa?against=${first}`;
  await expect(page.locator('#qa-against-link')).toHaveAttribute('href', against);
  await expect(page.locator('#qa-against-qr [data-qr-url]')).toHaveAttribute('data-qr-url', `${baseURL}${against}`);

  // "Another phone" opens it: the page says what it will be compared with, and its own QR
  // code carries the comparison on to a third phone.
  await page.goto(against);
  await waitForHydration(page);
  await expect(page.locator('#qa-against')).toHaveAttribute('data-id', first);
  await expect(page.locator('#qa-against a')).toHaveAttribute('href', `/qa/reports/${first}`);
  await expect(page.locator('#qa-qr [data-qr-url]')).toHaveAttribute('data-qr-url', `${baseURL}${against}`);
  await expect(page.locator('#qa-run-safe')).toBeEnabled();
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  await page.click('#qa-run-openAddress'); // run in this run only
  await expect(page.locator('.qa_row[data-api="openAddress"]')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-sim="openAddress"] [data-close]').click();
  const second = await save(page);
  const link = page.locator('#qa-compare-against');
  await expect(link).toHaveAttribute('href', `/qa/compare?a=${first}&b=${second}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/qa/compare\\?a=${first}&b=${second}$`));
  await expect(page.locator('#qa-compare tr[data-api="getNetworkType"]')).toHaveAttribute('data-change', 'same');
  await expect(page.locator('#qa-compare tr[data-api="openAddress"] td[data-side="a"]')).toHaveAttribute('data-status', 'not_run');
  await expect(page.locator('#qa-compare tr[data-api="openAddress"] td[data-side="b"]')).toHaveAttribute('data-status', 'ok');

  // A plain /qa run has no comparison link, and a malformed id is ignored.
  await page.goto('/qa?against=abc');
  await waitForHydration(page);
  await expect(page.locator('#qa-against')).toHaveCount(0);
  await expect(page.locator('#qa-qr [data-qr-url]')).toHaveAttribute('data-qr-url', `${baseURL}/qa`);
});

test('the home page and the top bar link to QA mode; a missing report answers 404', async ({ page, pageErrors }) => {
  await page.goto('/');
  await expect(page.locator('#qa-link')).toHaveAttribute('href', '/qa');
  await expect(page.locator('#qa-nav')).toHaveAttribute('href', '/qa');
  await page.goto('/qa');
  await expect(page.locator('#qa-qr [data-qr-url]')).toHaveAttribute('data-qr-url', /\/qa$/);
  const response = await page.goto('/qa/reports/999999');
  expect(response?.status()).toBe(404);
  await expect(page.locator('.not_found')).toBeVisible();
  // The browser reports the document's own 404 as a console error: that one is expected.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('404')));
});

test('the language switch (a reload) asks before it loses unsaved results', async ({ page }) => {
  await openQa(page);
  // Nothing run yet: the switch reloads at once.
  await page.click('#lang-switch');
  await expect(page.locator('h1')).toHaveText('QA mode: check every interface');
  await waitForHydration(page);
  await expect(page.locator('#qa-run-safe')).toBeEnabled();
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  // A result not saved: dismissing the question keeps the page and the result.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.click('#lang-switch');
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('not saved');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('h1')).toHaveText('QA mode: check every interface');
  // Once saved, the switch reloads without asking.
  await save(page);
  await page.click('#lang-switch');
  await expect(page.locator('h1')).toHaveText('QA 模式：逐个接口测试');
});
