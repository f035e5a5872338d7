// What the eval page's worker is asked and answers (scripts/eval/run.mjs sends the requests through the page).

export type Mode = 'keyword' | 'dense' | 'hybrid';
export const MODES: readonly Mode[] = ['keyword', 'dense', 'hybrid'];

export type Progress = (message: string) => void;

export interface EvalSetup {
  /** The eval site's base URL: models/ and pdfjs/ are under it, as under the app's. */
  siteUrl: string;
  /** A transformers.js model id, resolved as the app resolves `?embedder=`; none: keyword search only. */
  embedder?: string;
  modes: Mode[];
  /** ONNX Runtime threads; undefined: the app's choice. */
  threads?: number;
  /** false: questions get the first round's passages only, without the app's second hop (a before/after). */
  secondHop?: boolean;
  /** A reranker model id (resolved as the app resolves `?reranker=`); none: the search's order. */
  reranker?: string;
}

export interface LibraryReport {
  documents: number;
  failed: { id: string; reason: string }[];
  pages: number;
  chunks: number;
  tokenizer: string;
  threads: number;
  timings: { modelLoadMs: number; readMs: number; chunkMs: number; embedMs: number; indexMs: number };
}

export interface BeirRequest {
  documents: { id: string; title: string; text: string }[];
  queries: { id: string; text: string }[];
  /** Query id -> [document id, grade] pairs. */
  qrels: [string, [string, number][]][];
  /** Chunks retrieved per query and mode, ranked into documents by their best chunk. */
  depth: number;
  /** Also score keyword-index variants (not the app) that tell where keyword quality is lost. */
  diagnose: boolean;
}

export interface BeirFigures {
  ndcg10: number;
  recall10: number;
  recall100: number;
  /** Queries with two or more relevant documents: every one in the top 2, 6, 10 (per query 1 or 0; averaged, a share). */
  allRelevant?: number[];
  /** In an average: how many queries had two or more relevant documents. */
  multiRelevantQueries?: number;
}

export interface BeirModeResult extends BeirFigures {
  searchMs: number;
  /** Queries whose ranking held fewer than 100 documents. */
  shortRankings: number;
  /** Query id -> its 100 best documents. */
  run: Record<string, string[]>;
  perQuery: Record<string, BeirFigures>;
}

export interface BeirResult {
  library: LibraryReport;
  queries: number;
  queryEmbedMs: number;
  modes: Partial<Record<Mode, BeirModeResult>>;
  diagnostics?: (BeirFigures & { label: string })[];
}

export interface DocqaRequest {
  /** Path inside the folder (the id gold paths name) and the URL the page fetches it from. */
  files: { path: string; url: string }[];
  /** `page`: the gold page (1-based) where the set gives one. */
  questions: { question: string; answer: string; gold: string; page?: number }[];
}

/** Passages per question: 1, 3, 6 (the app's chat budget) for look-alike sets, 5 and 10 as the sets before them. */
export const DOCQA_KS = [1, 3, 5, 6, 10] as const;

export interface DocqaShares {
  /** Share of questions with a chunk of the gold document among the k retrieved. */
  gold: number;
  /** Share whose answer appears (case-insensitive) in the k retrieved chunks. */
  answer: number;
  /** The same over answers other than a bare yes/no (found in almost any text). */
  answerNotYesNo: number;
  /**
   * Over the questions with a gold page: share with a retrieved chunk of the gold document whose pages
   * (pageStart..pageEnd) include it. Absent when no question has one.
   */
  goldPage?: number;
}

export interface DocqaModeResult {
  byK: Record<number, DocqaShares>;
  searchMs: number;
  /** The k's at which each question's gold document, answer and (with a gold page) gold page were retrieved. */
  perQuestion: { gold: number[]; answer: number[]; goldPage?: number[] }[];
}

export interface DocqaResult {
  library: LibraryReport;
  questions: number;
  yesNo: number;
  /** The ceiling of `answer`: share of questions whose answer appears in some chunk of the gold document at all. */
  reachable: number;
  /** The same over answers other than a bare yes/no. */
  reachableNotYesNo: number;
  /** Questions with a gold page. */
  withPage: number;
  /** Over those: share whose answer appears in a chunk of the gold document that covers the gold page (the ceiling). */
  pageHoldsAnswer?: number;
  queryEmbedMs: number;
  modes: Partial<Record<Mode, DocqaModeResult>>;
}
