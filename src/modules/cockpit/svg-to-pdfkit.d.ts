// svg-to-pdfkit 0.1.8 ships no types: the one call the cockpit export makes.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** picks the registered PDFKit font for an SVG font family */
    fontCallback?: (family: string, isBold: boolean, isItalic: boolean) => string;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
