import { chromium, type Browser } from 'playwright-core';

/**
 * HTML → PDF by printing in Chromium (Debian's, with the Noto CJK fonts), so the PDF is the same
 * document as the HTML and the .docx. One browser per process, started on first use.
 */
export interface PdfRenderer {
  render(html: string, opts?: { footerLabel?: string }): Promise<Buffer>;
  close(): Promise<void>;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function makeChromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  return {
    async render(html, opts = {}) {
      browser ??= chromium.launch({ executablePath, args: ARGS });
      const page = await (await browser).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'Noto Sans CJK SC',sans-serif;">${opts.footerLabel ?? ''} 第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
        });
        return Buffer.from(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = undefined;
    },
  };
}
