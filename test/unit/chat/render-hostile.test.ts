import assert from "node:assert/strict";
import { createMarkdownRenderer } from "../../../webview/markdown/render.js";
import { assertSafeHtml, links, testWindow } from "./dom-checks.js";

const renderer = createMarkdownRenderer({ window: testWindow });
const render = (markdown: string) => renderer.render(markdown).html;

const HOSTILE: Record<string, string> = {
  "script tag": "<script>alert(1)</script>",
  "script tag split over lines": "<scr\nipt>alert(1)</script>",
  "img onerror": '<img src=x onerror="alert(1)">',
  "event handler attribute": '<div onmouseover="alert(1)">hover</div><a href="https://a.example" onclick="alert(1)">x</a>',
  "svg onload": '<svg onload="alert(1)"><circle r="5"/></svg>',
  "svg in an image link": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  iframe: '<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>',
  "raw anchor with entity colon": '<a href="javascript&colon;alert(1)">x</a>',
  "markdown javascript link": "[x](javascript:alert(1))",
  "markdown javascript link, mixed case": "[x](JaVaScRiPt:alert(1))",
  "markdown vbscript link": "[x](VBScript:msgbox(1))",
  "markdown data link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "markdown link with decimal entity scheme": "[x](&#106;avascript:alert(1))",
  "markdown link with hex entity scheme": "[x](&#x6A;&#x61;vascript:alert(1))",
  "markdown link with named entity colon": "[x](javascript&colon;alert(1))",
  "markdown link with padded entity": "[x](&#0000106avascript:alert(1))",
  "markdown link with tab entity inside scheme": "[x](java&#9;script:alert(1))",
  "markdown link with newline entity inside scheme": "[x](java&#10;script:alert(1))",
  "markdown link with percent escape": "[x](%6Aavascript:alert(1))",
  "markdown link with a literal \\u escape": "[x](\\u006Aavascript:alert(1)) <\\u006Aavascript:alert(1)>",
  "markdown link with a JS unicode escape (a real j)": "[x](\u006Aavascript:alert(1))",
  "markdown link with zero-width space": "[x](java\u200Bscript:alert(1))",
  "markdown link with full-width scheme": "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
  "markdown link with leading space entity": "[x](&#32;javascript:alert(1))",
  "markdown link in angle brackets": "[x](<javascript:alert(1)>)",
  "reference link": "[x][r]\n\n[r]: javascript:alert(1)",
  "autolink javascript": "<javascript:alert(1)>",
  "autolink javascript mixed case": "<JaVaScRiPt:alert(1)>",
  "autolink data": "<data:text/html,<script>alert(1)</script>>",
  "bare javascript url (linkify)": "see javascript:alert(1) here",
  "protocol-relative url (linkify)": "see //evil.example/x here",
  "link title breaking out": '[x](https://a.example "t\\" onmouseover=\\"alert(1)")',
  "link url breaking out": '[x](https://a.example/"onmouseover="alert(1))',
  "credentials in a link": "[github](https://github.com@evil.example/)",
  "file link": "[x](file:///etc/passwd)",
  "style tag": "<style>body{display:none}</style>",
  "form and input": '<form action="https://evil.example"><input name=x></form>',
  "object and embed": '<object data="x.swf"></object><embed src="x.swf">',
  "math": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "html comment trick": "<!--<img src=x onerror=alert(1)>-->",
  "code fence with html inside": "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
  "inline code with html": "`<img src=x onerror=alert(1)>`",
  "language name with quotes": '```js" onmouseover="alert(1)\ncode\n```',
  "language name with html": "```<img/src=x/onerror=alert(1)>\ncode\n```",
  "remote image": "![tracker](https://evil.example/pixel.png)",
};

describe("markdown render: hostile input", () => {
  for (const [name, input] of Object.entries(HOSTILE)) {
    it(`renders nothing active for: ${name}`, () => {
      assertSafeHtml(render(input), input);
    });
  }

  it("stays safe when hostile fragments are combined and cut at any point", function () {
    this.timeout(10_000); // jsdom makes DOMPurify slow; a browser is about ten times faster
    const fragments = Object.values(HOSTILE);
    for (let i = 0; i < fragments.length; i += 3) {
      const combined = `${fragments[i]}\n${fragments[(i * 7 + 3) % fragments.length]} ${fragments[(i * 5 + 1) % fragments.length]}`;
      for (let cut = 3; cut <= combined.length + 12; cut += 13) assertSafeHtml(render(combined.slice(0, cut)), combined);
    }
  });

  it("shows raw HTML from the model as text", () => {
    const container = assertSafeHtml(render("<script>alert(1)</script> and <b>bold</b>"));
    assert.equal(container.querySelector("script, b"), null);
    assert.equal(container.textContent?.trim(), "<script>alert(1)</script> and <b>bold</b>");
  });

  it("keeps HTML entities as text instead of turning them into tags", () => {
    const container = assertSafeHtml(render("&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;img&amp;gt;"));
    assert.equal(container.querySelector("script, img"), null);
    assert.equal(container.textContent?.trim(), "<script>alert(1)</script> &lt;img&gt;");
  });

  it("makes no link at all from refused schemes", () => {
    for (const name of ["markdown javascript link", "markdown link with decimal entity scheme", "autolink javascript",
      "markdown link with full-width scheme", "reference link", "markdown data link", "file link"]) {
      assert.deepEqual(links(assertSafeHtml(render(HOSTILE[name]))), [], name);
    }
  });

  it("never links to a host hidden behind credentials", () => {
    // linkify may still link the visible "https://github.com" part of the text, which goes where it says.
    const targets = links(assertSafeHtml(render(HOSTILE["credentials in a link"])));
    assert.ok(targets.every((url) => !url.includes("evil.example")), targets.join(" "));
  });

  it("turns a remote image into a link to open outside, never an <img>", () => {
    const container = assertSafeHtml(render(HOSTILE["remote image"]));
    assert.equal(container.querySelector("img"), null);
    assert.deepEqual(links(container), ["https://evil.example/pixel.png"]);
    assert.equal(container.textContent?.trim(), "tracker");
  });

  it("keeps code in fences as escaped text", () => {
    const { html, codeBlocks } = renderer.render(HOSTILE["code fence with html inside"]);
    const container = assertSafeHtml(html);
    assert.equal(container.querySelector("script, img"), null);
    assert.equal(container.querySelector("code")?.textContent, "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n");
    assert.equal(codeBlocks[0].code, "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n");
  });

  it("drops a fence language that is not a plain name", () => {
    for (const name of ["language name with quotes", "language name with html"]) {
      const { html, codeBlocks } = renderer.render(HOSTILE[name]);
      assertSafeHtml(html);
      assert.equal(codeBlocks[0].language, "", name);
    }
  });
});
