/**
 * The notice the server renders is a complete HTML document (src/policy/render/notice/). The
 * privacy center shows its content inside the app's own page: the document's `<h1>` becomes the
 * page title, its body becomes the page's content. Scripts, styles, event handlers and
 * `javascript:` links are dropped (the renderer escapes everything already: this is a second wall).
 */

export interface NoticeFragment {
  readonly title: string;
  readonly html: string;
}

/** Split a rendered notice document into its title and its content. */
export function noticeFragment(documentHtml: string): NoticeFragment {
  const parsed = new DOMParser().parseFromString(documentHtml, 'text/html');
  const heading = parsed.querySelector('h1');
  const title = heading?.textContent?.trim() ?? '';
  heading?.remove();
  for (const element of parsed.querySelectorAll('script, style, link, meta, iframe, object, embed, form')) {
    element.remove();
  }
  for (const element of parsed.body.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (
        name.startsWith('on') ||
        ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(attribute.value))
      ) {
        element.removeAttribute(attribute.name);
      }
    }
  }
  const root = parsed.querySelector('main') ?? parsed.body;
  return { title, html: root.innerHTML };
}
