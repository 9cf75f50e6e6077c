// docs/api.md is stitched from several tools' Markdown (scripts/api-docs.mjs): every link inside it, and every link
// from README.md into it, must reach a heading (as GitHub names them) or an `<a id>` anchor of the one page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import GithubSlugger from 'github-slugger';

const doc = readFileSync('docs/api.md', 'utf8');

/** The anchors GitHub gives the page: one per heading (numbered when repeated) and each `<a id>`. */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && line.match(/^#{1,6} (.*)$/);
    if (heading) {
      // The heading's text as shown: no code ticks, escapes or link targets.
      const text = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '').replace(/\\(.)/g, '$1');
      found.add(slugger.slug(text));
    }
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) found.add(id!);
  return found;
}

describe('docs/api.md links', () => {
  const known = anchors(doc);

  it('every link within the reference reaches a heading or an anchor of it', () => {
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 50, `only ${links.length} links: did the page lose its cross-references?`);
    const broken = [...new Set(links.filter((link) => !known.has(link)))];
    assert.deepEqual(broken, [], `links to nothing in docs/api.md: ${broken.join(', ')}`);
  });

  it("README's links into the reference reach it (error codes, theme tokens)", () => {
    const readme = readFileSync('README.md', 'utf8');
    const links = [...readme.matchAll(/docs\/api\.md#([\w-]+)/g)].map((m) => m[1]!);
    assert.ok(links.includes('error-codes') && links.includes('theme-tokens'));
    for (const link of links) assert.ok(known.has(link), `README links docs/api.md#${link}, which is not there`);
  });

  it('links nowhere but to itself: the tools wrote no links to their own separate pages', () => {
    assert.doesNotMatch(doc, /\]\((?!#|https?:)[^)]*\)/);
  });
});
