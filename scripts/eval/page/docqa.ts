// A document-QA set through the app's ingestion and retrieval: each file read as the app reads a dropped file
// (readDocument: pdf.js for PDFs), titled with its file name, chunked, embedded and indexed; each question searched
// for k passages as the app's chat asks for its passages, and checked for its gold document and its answer, and,
// where the set gives a gold page, for a passage of the gold document on that page.
import type { ChunkDraft } from '../../../src/core/chunking';
import { answerAppears, isYesNo, mean } from '../../../src/core/eval-metrics';
import { asDocId, docIdOf } from '../../../src/core/ids';
import { buildLibrary, embedQueries, libraryReport, needsEmbedder, searchChunks } from './library';
import { DOCQA_KS, type DocqaModeResult, type DocqaRequest, type DocqaResult, type EvalSetup, type Progress } from './types';

async function fetchFile(url: string, path: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new File([await response.blob()], path.split('/').pop() ?? path, { type: response.headers.get('Content-Type') ?? '' });
}

/** A chunk of the gold document whose pages include the gold page. */
const onGoldPage = (chunk: ChunkDraft, gold: string, page: number) => docIdOf(chunk.id) === gold && chunk.pageStart <= page && page <= chunk.pageEnd;

export async function evaluateDocqa(setup: EvalSetup, request: DocqaRequest, progress: Progress): Promise<DocqaResult> {
  const sources = await Promise.all(request.files.map(async ({ path, url }) => {
    const file = await fetchFile(url, path);
    return { id: path, title: file.name, file };
  }));
  const library = await buildLibrary(setup, sources, progress);

  let vectors: Float32Array[] = [];
  let queryEmbedMs = 0;
  if (library.embedder && needsEmbedder(setup.modes)) {
    const start = performance.now();
    vectors = await embedQueries(library.embedder, request.questions.map((question) => question.question), progress);
    queryEmbedMs = performance.now() - start;
  }

  const yesNo = request.questions.map((question) => isYesNo(question.answer));
  const share = (values: boolean[]) => mean(values.map(Number));
  const inGold = request.questions.map(({ answer, gold }) => answerAppears(answer, (library.documents.get(asDocId(gold))?.chunks ?? []).map((chunk) => chunk.text)));
  const withPage = request.questions.flatMap((question, i) => (question.page === undefined ? [] : [i]));
  const pageHoldsAnswer = withPage.map((i) => {
    const { answer, gold, page } = request.questions[i];
    const chunks = (library.documents.get(asDocId(gold))?.chunks ?? []).filter((chunk) => onGoldPage(chunk, gold, page!));
    return answerAppears(answer, chunks.map((chunk) => chunk.text));
  });
  const modes: DocqaResult['modes'] = {};
  for (const mode of setup.modes) {
    if (mode !== 'keyword' && !library.embedder) continue;
    const start = performance.now();
    // One search per k, with k as its limit, as the app's chat asks for its passages (hybrid fuses the best
    // max(4k, 20) of each list, so the best 5 of a search for 10 may differ from a search for 5).
    const perQuestion: DocqaModeResult['perQuestion'] = [];
    for (const [i, question] of request.questions.entries()) {
      const hits: DocqaModeResult['perQuestion'][number] = { gold: [], answer: [], ...(question.page === undefined ? {} : { goldPage: [] }) };
      for (const k of DOCQA_KS) {
        const chunks = (await searchChunks(library, mode, question.question, vectors[i], k)).map((id) => library.chunks.get(id)!);
        if (chunks.some((chunk) => docIdOf(chunk.id) === question.gold)) hits.gold.push(k);
        if (answerAppears(question.answer, chunks.map((chunk) => chunk.text))) hits.answer.push(k);
        if (hits.goldPage && chunks.some((chunk) => onGoldPage(chunk, question.gold, question.page!))) hits.goldPage.push(k);
      }
      perQuestion.push(hits);
    }
    const byK: DocqaModeResult['byK'] = {};
    for (const k of DOCQA_KS) {
      byK[k] = {
        gold: share(perQuestion.map((hits) => hits.gold.includes(k))),
        answer: share(perQuestion.map((hits) => hits.answer.includes(k))),
        answerNotYesNo: share(perQuestion.filter((_, i) => !yesNo[i]).map((hits) => hits.answer.includes(k))),
        ...(withPage.length ? { goldPage: share(withPage.map((i) => perQuestion[i].goldPage!.includes(k))) } : {}),
      };
    }
    modes[mode] = { byK, searchMs: performance.now() - start, perQuestion };
    const page = withPage.length ? `, gold page in 6 chunks ${(byK[6].goldPage! * 100).toFixed(1)}%` : '';
    progress(`${mode}: gold document in 6 chunks ${(byK[6].gold * 100).toFixed(1)}%, answer in 6 chunks ${(byK[6].answer * 100).toFixed(1)}%${page}`);
  }
  return {
    library: libraryReport(library),
    questions: request.questions.length,
    yesNo: yesNo.filter(Boolean).length,
    reachable: share(inGold),
    reachableNotYesNo: share(inGold.filter((_, i) => !yesNo[i])),
    withPage: withPage.length,
    ...(withPage.length ? { pageHoldsAnswer: share(pageHoldsAnswer) } : {}),
    queryEmbedMs,
    modes,
  };
}
