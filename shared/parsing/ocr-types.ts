/**
 * What the OCR engine hands to the card parser. Plain data so it can cross processes,
 * be cached to JSON, and be built by hand in parser tests.
 * Coordinates are pixels of the (pre-processed) image the OCR read, origin top-left.
 */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  box: OcrBox;
}

export interface OcrLine {
  text: string;
  /** 0..1, the mean of its words' confidences */
  confidence: number;
  box: OcrBox;
  words: OcrWord[];
}

export interface OcrPage {
  /** Size of the image the boxes refer to. */
  width: number;
  height: number;
  lines: OcrLine[];
  /** The raw text as the OCR produced it, kept as evidence on the lead. */
  text: string;
}
