import { rmSync } from 'node:fs';
import { corpusPresent, loadCorpus } from './corpus';
import { loadBatches, REPORT_JSON, REPORT_MD, writeReport } from './report';

/** After the run (whatever its result): the per-file report from the batch records, and its summary printed. */
export default function reportTeardown() {
  if (!corpusPresent()) return;
  const batches = loadBatches();
  if (process.env.DOCENT_CORPUS_RECORDS) rmSync(process.env.DOCENT_CORPUS_RECORDS, { recursive: true, force: true });
  if (batches.length === 0) return;
  const summary = writeReport(batches, loadCorpus().absent);
  console.log(`\n${summary}\n\nReport: ${REPORT_MD} and ${REPORT_JSON}`);
}
