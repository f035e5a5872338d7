import type { ChunkId, DocId } from './ids';
import type { DocumentFormat } from './text/formats';

/** Text of one page; pages are numbered from 1, as people read them. */
export interface PageText {
  page: number;
  text: string;
}

/** A passage of a document: exact text of `[charStart, charEnd)` of the document's joined text. */
export interface Chunk {
  id: ChunkId;
  docId: DocId;
  ordinal: number;
  text: string;
  pageStart: number;
  pageEnd: number;
  charStart: number;
  charEnd: number;
  /** The nearest heading above the passage, when the document has headings. */
  heading?: string;
  /** What is embedded before the text: the document's title and the heading trail (see `embeddingText`). */
  context?: string;
  /**
   * Who and what the document is (core/document-identity.ts): title, file name, PDF metadata, running headers. A
   * keyword field of its own, never shown as passage text. Absent on chunks stored before it existed.
   */
  identity?: string;
}

/** The text an embedder reads for a chunk: its context line, then its text. */
export const embeddingText = (chunk: Pick<Chunk, 'context' | 'text'>) => (chunk.context ? `${chunk.context}\n${chunk.text}` : chunk.text);

/** What a document is doing right now, as the library shows it. */
export type DocumentState =
  | { kind: 'indexing'; stage: 'reading'; done: number; total: number }
  /** Reading scanned pages with OCR: `done` of the `total` to read, the next being page `page` of the document. */
  | { kind: 'indexing'; stage: 'ocr'; page: number; done: number; total: number }
  | { kind: 'indexing'; stage: 'embedding'; done: number; total: number }
  /** `keywordsOnly`: found by its words, not yet by meaning (the search model was unavailable, or changed). */
  | { kind: 'ready'; keywordsOnly?: boolean }
  | { kind: 'needs-password'; wrong: boolean }
  | { kind: 'failed'; reason: string };

/** A document of the library, as stored once it is completely indexed. */
export interface DocumentRecord {
  id: DocId;
  name: string;
  format: DocumentFormat;
  bytes: number;
  pageCount: number;
  chunkCount: number;
  addedAt: number;
  /** What was not read of a partly read document (see core/reading-report.ts). */
  warning?: string;
  /** Pages whose text was read by OCR (scans), and those of them the engine read with low confidence. */
  ocr?: OcrPages;
}

export interface OcrPages {
  pages: number[];
  lowConfidence: number[];
}

/** A document as the library lists it: stored ones, and those being indexed or failed (whose format may be unknown). */
export interface DocumentSummary extends Omit<DocumentRecord, 'format'> {
  format?: DocumentFormat;
  state: DocumentState;
}

export interface SearchHit {
  chunk: Chunk;
  documentName: string;
  documentFormat: DocumentFormat;
  scores: {
    /** Reciprocal rank fusion of the dense and keyword rankings: the order of the hits. */
    fused: number;
    /** Cosine similarity between the question and the passage, in [-1, 1], when both have embeddings. */
    similarity?: number;
    /** BM25+ score, when the passage matched words of the question (of the follow-up, for a followed passage). */
    keyword?: number;
    /**
     * The reranker's judgement that the passage answers the question, as a probability (the sigmoid of its cross-
     * encoder logit), when a reranker reordered the candidates.
     */
    rerank?: number;
  };
  /**
   * The names a follow-up search followed to find the passage: names the best passages introduced that the question
   * lacked (core/second-hop.ts). Absent for passages the question's own search found.
   */
  followed?: string;
}

/**
 * How a passage is named wherever it is cited: "report.pdf, p. 3" or "report.pdf, pp. 3–4" for PDFs; other formats
 * have no printed pages, so "notes.md, “Setup”" by their nearest heading, or the file name alone.
 */
export function sourceLabel({ documentName, documentFormat, chunk }: Pick<SearchHit, 'documentName' | 'documentFormat' | 'chunk'>): string {
  const { pageStart, pageEnd, heading } = chunk;
  if (documentFormat === 'pdf') return pageStart === pageEnd ? `${documentName}, p. ${pageStart}` : `${documentName}, pp. ${pageStart}–${pageEnd}`;
  return heading ? `${documentName}, “${heading}”` : documentName;
}
