import { expect, test, type Locator } from '@playwright/test';
import { DocentPage, readyOnDevice } from './support/docent-page';
import { makePdf } from './support/make-pdf';
import { recordNetwork } from './support/network-record';

const ALMANAC = ['The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery.'];
const SHELTER = ['The animal shelter in Eastby houses a ginger cat named Biscuit, adopted in 2020.'];

test('a question can be asked of chosen documents only, and of all again', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([
    { name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) },
    { name: 'shelter.pdf', mimeType: 'application/pdf', buffer: await makePdf(SHELTER) },
  ]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);
  await expect(docent.document('shelter.pdf')).toHaveAccessibleName(/Ready/);

  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('almanac.pdf, p. 1')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).uncheck();
  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('shelter.pdf, p. 1')).toBeVisible();
  await expect(docent.conversation.getByRole('article').last()).not.toContainText('almanac.pdf');

  await page.getByRole('checkbox', { name: 'Use in answers: almanac.pdf' }).check();
  await docent.ask('What is the name of the lighthouse keeper’s cat?');
  await expect(docent.citation('almanac.pdf, p. 1')).toBeVisible();
});

test('passages are found by their words even when the search model cannot load', async ({ page, context }) => {
  const docent = new DocentPage(page);
  await docent.open();
  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready/);

  // Reopen with a search model that is neither in the site's models folder nor reachable on the hub.
  await context.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  await page.goto('./?embedder=docent-test/unreachable-embedder&generator=none');
  await docent.ask('Marmalade');
  await expect(docent.answer).toContainText('Her cat, named Marmalade');
  await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText('could not be downloaded');
});

test('with no search model reachable, documents are still added and found by their words, then embedded once it loads', async ({ page, context }) => {
  await context.route('https://huggingface.co/**', (route) => route.abort('internetdisconnected'));
  const docent = new DocentPage(page);
  await page.goto('./?embedder=docent-test/unreachable-embedder&generator=none');
  await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 1 page, 1 passage\. Found by its words only/);
  await docent.ask('Marmalade');
  await expect(docent.answer).toContainText('Her cat, named Marmalade');

  // The search model becomes available: the document is embedded in the background, and searched by meaning.
  await page.goto('./?embedder=docent-test/tiny-embedder&generator=none');
  await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/^almanac\.pdf Ready: 1 page, 1 passage$/);
  expect(await docent.passagesEmbedded()).toBe(1);
});

/** The passages listed under an answer (cited or also retrieved), in the order found. */
const sourcesOf = (turn: Locator) => turn.getByRole('region', { name: /^(Sources|Also retrieved)$/ }).getByRole('listitem');

/** Look-alike annual reports: the same sentences, different companies, said only by their headers and metadata. */
const COMPANIES = ['Contoso', 'Fabrikam', 'Northwind Logistics', 'Tailspin Toys', 'Wide World Importers', 'Litware'];
const reportPages = (millions: number) => [
  'Letter to shareholders. This fiscal year the Company grew its customer base and opened two new depots.',
  `Liquidity and capital resources. Capital expenditures for the fiscal year were ${millions} million dollars, funded from operating cash flow.`,
  'Employees. At the end of the fiscal year the Company employed staff in three countries.',
];

test('a question naming a company finds its report among look-alikes whose passages never name it', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=none');
  const files = await Promise.all(
    COMPANIES.map(async (company, i) => ({
      // File names say nothing: the running header and the PDF's metadata say who each report is.
      name: `report_${i + 1}.pdf`,
      mimeType: 'application/pdf',
      buffer: await makePdf(reportPages(100 + 11 * i), {
        stamp: () => `${company} — Annual Report FY2018`,
        metadata: i % 2 === 0 ? { title: `${company} Annual Report 2018`, author: company } : {},
      }),
    })),
  );
  await docent.addFiles(files);
  for (const file of files) await expect(docent.document(file.name)).toHaveAccessibleName(/Ready: 3 pages/);

  await docent.ask('What were the capital expenditures of Northwind Logistics in fiscal 2018?');
  const turn = docent.conversation.getByRole('article').last();
  // The answer's first sentence and the first passage found are Northwind's.
  await expect(turn.getByRole('listitem').first()).toContainText('122 million dollars');
  await expect(turn.getByRole('listitem').first()).toContainText('report_3.pdf, p. 2');
  await expect(sourcesOf(turn).first()).toContainText('[1] report_3.pdf, p. 2');
  // The header was furniture: it is in no passage shown.
  await expect(docent.conversation).not.toContainText('Annual Report FY2018');
});

test('a question that needs two passages gets the second by following the name the first introduces', async ({ page }) => {
  const docent = new DocentPage(page);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=none');
  const pdf = async (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: await makePdf([text]) });
  await docent.addFiles([
    await pdf('kiss-and-tell.pdf', 'Kiss and Tell is a 1945 American comedy film starring then 17-year-old Shirley Temple as Corliss Archer.'),
    await pdf('temple.pdf', 'Shirley Temple Black served as United States Ambassador to Ghana and as Chief of Protocol of the United States.'),
    await pdf('harbor.pdf', 'The Westmere harbor opened in 1871 and still serves the fishing fleet.'),
    await pdf('ferry.pdf', 'The island ferry leaves Westmere at seven in the morning; its captain keeps a parrot.'),
  ]);
  await expect(docent.document('temple.pdf')).toHaveAccessibleName(/Ready/);
  await expect(docent.document('ferry.pdf')).toHaveAccessibleName(/Ready/);

  await docent.ask('What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?');
  const turn = docent.conversation.getByRole('article').last();
  await expect(sourcesOf(turn).filter({ hasText: 'kiss-and-tell.pdf, p. 1' })).toBeVisible();
  const second = sourcesOf(turn).filter({ hasText: '] temple.pdf, p. 1' });
  await expect(second).toContainText('found by following up Shirley Temple');
  await expect(second).toContainText('Chief of Protocol');
  // Passages that share nothing with the question or the name followed are not offered as evidence.
  await expect(turn).not.toContainText('harbor.pdf');
});

const FLIGHTS = [
  'Airship history. The zeppelin era began over Lake Constance, and many towns built hangars for the great ships.',
  'Zeppelin flights left Friedrichshafen.',
  'The zeppelin took off before dawn, and its crew of forty watched the lake fall away beneath them.',
];

test('a reranker in this browser reorders the best passages by its judgement; one that is not here is skipped, and the answer still comes', async ({ page, context }) => {
  const docent = new DocentPage(page);
  const network = recordNetwork(context);
  await docent.open('?embedder=docent-test/tiny-embedder&generator=none&reranker=docent-test/tiny-reranker');
  await docent.addFiles([{ name: 'airships.pdf', mimeType: 'application/pdf', buffer: await makePdf(FLIGHTS) }]);
  await expect(docent.document('airships.pdf')).toHaveAccessibleName(/Ready: 3 pages/);

  await docent.ask('zeppelin flights over Friedrichshafen');
  const reranker = page.getByRole('status').filter({ hasText: 'Reranker' });
  await expect(reranker).toContainText(`Test reranker (generated): ${readyOnDevice()}`);
  const sources = sourcesOf(docent.conversation.getByRole('article').last());
  await expect(sources.first()).toContainText('[1] airships.pdf, p. 2');
  const judged = (await sources.allInnerTexts()).map((text) => Number(/relevance (\d+)%/.exec(text)?.[1]));
  expect(judged.length).toBe(3);
  expect(judged).toEqual([...judged].sort((a, b) => b - a));

  await page.goto('./?embedder=docent-test/tiny-embedder&generator=none&reranker=docent-test/missing-reranker');
  await docent.ask('zeppelin flights over Friedrichshafen');
  await expect(reranker).toContainText('not in this browser: passages keep their search order');
  await expect(sourcesOf(docent.conversation.getByRole('article').last()).first()).toContainText('airships.pdf');
  await expect(docent.conversation.getByRole('article').last()).not.toContainText('relevance');
  // Skipped means not downloaded: no request left the site.
  expect(network.foreign(new URL(page.url()).origin)).toEqual([]);
});
