/*
 * Runs inside the demo report page (inlined by page.ts, after marked, DOMPurify and Mermaid): draws each job summary
 * as GitHub would. Markdown is rendered by marked (GitHub Flavored Markdown), the HTML it gives is sanitized by
 * DOMPurify (summaries hold tables and <details>, and text from containers, ECS events and apps: never markup that
 * runs), and each ```mermaid block is drawn by Mermaid at its strict security level (labels sanitized, click
 * callbacks off; %%{init}%% directives cannot lower it). The page's Content-Security-Policy admits only these
 * scripts, so anything that slipped through would still not run.
 *
 * When done it sets document.body.dataset.rendered ('true', or 'error' when the page itself failed).
 */
/* global marked, DOMPurify, mermaid */
(async () => {
  // What GitHub's sanitizer drops too: styles, forms, frames, embedded objects (a task list's disabled checkbox stays).
  const SANITIZE = {
    FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'base'],
    FORBID_ATTR: ['style', 'action', 'formaction'],
  };
  const summaries = JSON.parse(document.getElementById('summaries').textContent);
  const main = document.querySelector('main');
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    // A directive in a diagram cannot change these (Mermaid's default secure list, repeated here so it stays so).
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering'],
    suppressErrorRendering: true,
  });

  for (const [index, summary] of summaries.entries()) {
    const section = document.createElement('section');
    section.className = `job ${summary.result}`;
    const heading = document.createElement('h2');
    heading.textContent = summary.title;
    const result = document.createElement('span');
    result.className = 'result';
    result.textContent = summary.result;
    heading.append(' ', result);
    const body = document.createElement('div');
    body.className = 'markdown-body';
    body.innerHTML = DOMPurify.sanitize(marked.parse(summary.markdown, { gfm: true, async: false }), SANITIZE);
    section.append(heading, body);
    main.append(section);

    const blocks = [...body.querySelectorAll('pre > code.language-mermaid')];
    for (const [number, code] of blocks.entries()) {
      const source = code.textContent;
      const figure = document.createElement('div');
      try {
        await mermaid.parse(source);
        const { svg } = await mermaid.render(`diagram-${index}-${number}`, source);
        figure.className = 'mermaid-diagram';
        figure.innerHTML = svg;
      } catch (error) {
        // Shown as text, never as the diagram's markup: the source may be what broke it.
        figure.className = 'mermaid-failed';
        figure.textContent = `Mermaid could not draw this diagram: ${error instanceof Error ? error.message : error}`;
      }
      code.parentElement.replaceWith(figure);
    }
  }
  if (summaries.length === 0) main.textContent = 'No job of these runs wrote a summary.';
  document.body.dataset.rendered = 'true';
})().catch((error) => {
  document.body.dataset.rendered = 'error';
  document.body.append(`The report could not be rendered: ${error}`);
});
