/**
 * Element builders. Text always goes through text nodes and attributes through setAttribute,
 * so route paths and response bodies (untrusted) are never parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

function apply(element: Element, attributes: Attributes, children: Array<Child | Child[]>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attributes, children);
  return element;
}

export function svg(
  tag: string,
  attributes: Attributes = {},
  ...children: Array<Child | Child[]>
): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  apply(element, attributes, children);
  return element;
}

/** A labelled form control; the label is a sibling, so its text is only the label's. */
export function field(label: string, control: HTMLElement, className = 'field'): HTMLElement {
  return h('div', { class: className }, h('label', { for: control.id }, label), control);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** Replaces a container's content, keeping keyboard focus on the element with the same `data-focus` key. */
export function fill(parent: Element, ...children: Array<Child | Child[]>): void {
  const active = document.activeElement;
  const focusKey = active && parent.contains(active) ? active.getAttribute('data-focus') : null;
  parent.replaceChildren();
  apply(parent, {}, children);
  if (focusKey) {
    const again = Array.from(parent.querySelectorAll<HTMLElement>('[data-focus]')).find(
      (el) => el.getAttribute('data-focus') === focusKey,
    );
    again?.focus();
  }
}
