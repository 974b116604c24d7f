/** An element as the checker saw it: name, attributes (entities decoded) and children. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A small, strict reader for the XML subset the JUnit format writes (declaration, elements,
 * attributes in double quotes, text, the five entities and numeric references), written as a
 * character scanner so the test needs no XML dependency. It throws on anything not well-formed:
 * unbalanced or misnested tags, a raw `<` or `&`, an unknown entity, a duplicate attribute, a
 * character XML 1.0 does not allow, or content after the root element.
 */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  for (const ch of xml) {
    const code = ch.codePointAt(0)!;
    const allowed =
      code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!allowed) fail(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  const isNameChar = (ch: string | undefined): boolean =>
    ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '-' || ch === '_' || ch === ':' || ch === '.');
  const skipSpace = (): void => {
    while (xml[at] === ' ' || xml[at] === '\n' || xml[at] === '\t' || xml[at] === '\r') at += 1;
  };
  const readName = (): string => {
    const start = at;
    while (isNameChar(xml[at])) at += 1;
    if (at === start) fail('expected a name');
    return xml.slice(start, at);
  };
  const readReference = (): string => {
    const end = xml.indexOf(';', at);
    if (end < 0) fail('unterminated reference');
    const body = xml.slice(at + 1, end);
    at = end + 1;
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isInteger(code)) fail(`bad character reference &${body};`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[body];
    if (value === undefined) fail(`unknown entity &${body};`);
    return value!;
  };
  const readElement = (): XmlElement => {
    if (xml[at] !== '<') fail('expected <');
    at += 1;
    const element: XmlElement = { name: readName(), attributes: {}, children: [] };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return element;
      }
      if (xml[at] === '>') {
        at += 1;
        break;
      }
      const name = readName();
      if (name in element.attributes) fail(`duplicate attribute ${name}`);
      if (xml[at] !== '=' || xml[at + 1] !== '"') fail('expected ="');
      at += 2;
      let value = '';
      while (xml[at] !== '"') {
        if (at >= xml.length || xml[at] === '<') fail('bad attribute value');
        if (xml[at] === '&') value += readReference();
        else value += xml[at++];
      }
      at += 1;
      element.attributes[name] = value;
    }
    let text = '';
    for (;;) {
      if (at >= xml.length) fail(`unclosed <${element.name}>`);
      if (xml.startsWith('</', at)) {
        at += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (xml[at] !== '>') fail('expected >');
        at += 1;
        if (text !== '') element.children.push(text);
        return element;
      }
      if (xml[at] === '<') {
        if (text !== '') element.children.push(text);
        text = '';
        element.children.push(readElement());
      } else if (xml[at] === '&') {
        text += readReference();
      } else {
        if (xml[at] === '>' && xml.startsWith(']]', at - 2)) fail(']]> in text');
        text += xml[at++];
      }
    }
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    at = end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}

/** The child elements of `element`, without text nodes. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}
