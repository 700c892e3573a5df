// Downloads: every link ending in `.pdf` on every page of every version and language (and every
// PDF listed in versions.json) answers 200 with `application/pdf` and a body starting `%PDF`.
// A site without PDFs passes with a note saying so.

import { mapLimit } from '../lib/report.mjs';

export async function checkPdfLinks({ report, site, pdfLinks }) {
  const name = 'PDF links return PDFs';
  await report.guard(name, async () => {
    const links = new Set(pdfLinks);
    const pages = site.versions.flatMap((v) =>
      Object.values(v.pages).flatMap((list) => list.map((p) => new URL(p.url, site.siteUrl).href)),
    );
    await mapLimit(pages, 8, async (url) => {
      const response = await fetch(url);
      const html = await response.text();
      for (const match of html.matchAll(/href="([^"#?]+\.pdf)(?:[#?][^"]*)?"/gi)) {
        links.add(new URL(match[1].replaceAll('&amp;', '&'), url).href);
      }
    });
    for (const version of site.versions) {
      for (const list of Object.values(version.pdfs ?? {})) {
        for (const pdf of list) links.add(new URL(pdf.url, site.siteUrl).href);
      }
    }
    const problems = [];
    await mapLimit([...links].sort(), 4, async (url) => {
      const response = await fetch(url);
      const type = response.headers.get('content-type') ?? '';
      const head = Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1');
      if (response.status !== 200 || !type.startsWith('application/pdf') || !head.startsWith('%PDF')) {
        problems.push(`${new URL(url).pathname}: HTTP ${response.status}, ${type || 'no content type'}, starts with ${JSON.stringify(head)}`);
      }
    });
    const note = links.size === 0 ? `no PDF links on ${pages.length} pages yet` : `${links.size} PDF links on ${pages.length} pages`;
    report.check(name, problems, note);
  });
}
