import { createContext } from 'react';
import type { DocId } from '../../core/ids';
import type { OcrPages } from '../../core/library';

/** The pages of each library document read by OCR, so a passage's source can say so ("read by OCR"). */
export const OcrPagesOf = createContext<ReadonlyMap<DocId, OcrPages>>(new Map());
