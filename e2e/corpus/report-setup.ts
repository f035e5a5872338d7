import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for this run's batch records; the test workers inherit its name. */
export default function reportSetup() {
  process.env.DOCENT_CORPUS_RECORDS = mkdtempSync(join(tmpdir(), 'docent-corpus-'));
}
