// The curation path, as a curator walks it: sign in, add a short document, record a flow from one
// figure and an observation from another, see them cited and the flow in the overview and its
// trace, retract one, add a document from a file and record an observation of a place from it
// (curate-upload.mjs), sign out, and find the editing controls gone. Prints the clicks and seconds
// of one flow.

import { uploadAndObservePlace } from './curate-upload.mjs';
import { ADMIN_TOKEN } from './harness.mjs';

const TEXT =
  '2024年，甲縣財政局向乙村合作社撥付扶貧資金350萬元，用於修建冷庫。' +
  '當年全村減少貧困人口1200多人。';

export async function curateChecks(t) {
  await t.withPage('a curator turns a new document into cited, traced records', async (page) => {
    await signIn(page, t);
    await addDocument(page, t);
    t.metrics.curateOneFlow = await recordFlow(page);
    const { clicks, typed, seconds } = t.metrics.curateOneFlow;
    console.log(`  one flow from its figure: ${clicks} clicks, ${typed} names typed, ${seconds} s`);
    await recordObservation(page, t);
    await recordAndRetractPairing(page, t);
    const curateUrl = page.url();
    await seeFlowTraced(page, t);
    await page.goto(curateUrl);
    await retractObservation(page, t);
    await uploadAndObservePlace(page, t);
    await page.goto(curateUrl);
    await signOut(page, t);
  });
}

async function signIn(page, { server, assert }) {
  await page.goto(`${server.url}/documents`);
  await page.locator('ul.results a').first().waitFor();
  assert((await page.locator('.add-document-link').count()) === 0, 'a reader sees "add"');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('input[name="token"]').fill(ADMIN_TOKEN);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.session-author').waitFor();
  const cookies = await page.evaluate(() => document.cookie);
  assert(!cookies.includes('ft_session'), `a page script can read the session: ${cookies}`);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert(!stored.includes(ADMIN_TOKEN), 'the token is kept in web storage');
}

async function addDocument(page, { assert, shot }) {
  await page.locator('.add-document-link').click();
  await page.locator('form.add-document input[name="title"]').fill('甲縣扶貧資金通知（測試）');
  await page.locator('form.add-document select').selectOption('zh-Hant');
  await page.locator('form.add-document textarea[name="text"]').fill(TEXT);
  await page.locator('form.add-document button[type="submit"]').click();
  await page.waitForURL(/\/curate/);
  await page.locator('.figure', { hasText: '350萬元' }).waitFor();
  const count = await page.locator('.figure-count').textContent();
  assert(/^0 \/ \d+ 个数字已引用$/.test(count), `counter: ${count}`);
  await shot(page, 'curate-new');
}

/** One flow, counted and timed from the click on its figure to its highlight as cited. */
async function recordFlow(page) {
  let clicks = 0;
  let typed = 0;
  const click = (locator) => {
    clicks++;
    return locator.click();
  };
  const fill = (locator, value) => {
    typed++;
    return locator.fill(value);
  };
  const started = Date.now();
  await click(page.locator('.figure', { hasText: '350萬元' }));
  const form = page.locator('form.record-form');
  const amount = await form.locator('[data-field="amount.value"] input').inputValue();
  const year = await form.locator('[data-field="year"] input').inputValue();
  if (amount !== '3500000' || year !== '2024') throw new Error(`prefilled ${amount}, ${year}`);
  await fill(form.locator('[data-field="sourceId"] input'), '甲縣財政局');
  await click(form.locator('[data-field="sourceId"] button.create'));
  await fill(form.locator('[data-field="targetId"] input'), '乙村合作社');
  await click(form.locator('[data-field="targetId"] button.create'));
  await form.locator('[data-field="targetId"] .picked').waitFor();
  await click(form.locator('button[type="submit"]'));
  await page.locator('.figure.cited', { hasText: '350萬元' }).waitFor();
  return { clicks, typed, seconds: Number(((Date.now() - started) / 1000).toFixed(1)) };
}

/** An observation from the other figure: a missing metric is named beside its field first. */
async function recordObservation(page, { assert, shot }) {
  await page.locator('.figure', { hasText: '1200多人' }).click();
  const form = page.locator('form.record-form');
  await form.locator('input[value="OBSERVATION"]').waitFor();
  assert(await form.locator('input[value="OBSERVATION"]').isChecked(), 'not an observation');
  await form.locator('[data-field="actorId"] input').fill('乙村合作社');
  await form.locator('[data-field="actorId"] .picker-hits button:not(.create)').first().click();
  await form.locator('button[type="submit"]').click();
  await form.locator('[data-field="metric"] .field-error').waitFor();
  await form.locator('[data-field="metric"] input').fill('registered_poor_population_reduction');
  await form.locator('button[type="submit"]').click();
  await page.locator('.figure.cited', { hasText: '1200多人' }).waitFor();
  await shot(page, 'curate-cited');
}

/** A pairing from the same passage, with pickers for both actors; retracted from the list. */
async function recordAndRetractPairing(page, { assert }) {
  await page.locator('.figure', { hasText: '350萬元' }).click();
  const form = page.locator('form.record-form');
  await form.locator('input[value="PAIRING"]').check();
  for (const [field, name] of [
    ['helperId', '甲縣財政局'],
    ['recipientId', '乙村合作社'],
  ]) {
    await form.locator(`[data-field="${field}"] input`).fill(name);
    await form.locator(`[data-field="${field}"] .picker-hits button:not(.create)`).first().click();
    await form.locator(`[data-field="${field}"] .picked`).waitFor();
  }
  await form.locator('[data-field="coverage"] input').fill('0');
  await form.locator('button[type="submit"]').click();
  await form.locator('[data-field="coverage"] .field-error').waitFor();
  await form.locator('[data-field="coverage"] input').fill('1');
  await form.locator('button[type="submit"]').click();
  const pairing = page.locator('.recorded-item[data-record^="Pairing:"]');
  await pairing.waitFor();
  assert((await pairing.textContent()).includes('甲縣財政局 ↔ 乙村合作社'), 'pairing label');
  await pairing.locator('button.retract').click();
  await page.locator('.recorded-item.retracted[data-record^="Pairing:"]').waitFor();
}

async function seeFlowTraced(page, { server, gql }) {
  await page.goto(`${server.url}/?year=2024`);
  await page.getByText('甲縣財政局').first().waitFor();
  const { search } = await gql(server.url, '{ search(text: "甲縣財政局") { actor { id } } }');
  const sourceId = search.find((hit) => hit.actor)?.actor.id;
  await page.goto(`${server.url}/trace/${encodeURIComponent(sourceId)}?year=2024`);
  await page.locator('svg[role="img"]', { hasText: '乙村合作社' }).waitFor();
}

/** Retracting leaves the highlights; the record's history keeps both writes with their author. */
async function retractObservation(page, { assert }) {
  const observation = page.locator('.recorded-item[data-record^="Observation:"]');
  await observation.locator('button.retract').click();
  await page.locator('.figure.uncited', { hasText: '1200多人' }).waitFor();
  const retracted = page.locator('.recorded-item.retracted');
  await retracted.getByRole('button', { name: '历史' }).click();
  await retracted.locator('.history li[data-action="RETRACT"]').waitFor();
  const history = await retracted.locator('.history').textContent();
  assert(/CREATE · admin/.test(history) && /RETRACT · admin/.test(history), history);
}

async function signOut(page, { server, assert, shot }) {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
  await page.reload();
  const money = page.locator('.figure', { hasText: '350萬元' });
  await money.waitFor();
  await money.click();
  assert((await page.locator('form.record-form').count()) === 0, 'a reader gets the form');
  assert((await page.locator('button.retract').count()) === 0, 'a reader can retract');
  await page.goto(`${server.url}/documents`);
  await page.locator('ul.results a').first().waitFor();
  assert((await page.locator('.edit-link').count()) === 0, 'a reader sees editing links');
  await shot(page, 'curate-signed-out');
}
