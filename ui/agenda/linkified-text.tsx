import { Link } from '@fluentui/react-components';
import { Fragment } from 'react';

/** Web addresses in people's text; only http(s), so a `javascript:` or `data:` text stays text. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’”]/gi;

/** Splits text into plain runs and http(s) links (React escapes every run: nothing is parsed as HTML). */
export function linkParts(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: match[0], href: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Text with its web addresses as links that open in a new window without access to this one. */
export function LinkifiedText({ text }: { readonly text: string }) {
  return (
    <>
      {linkParts(text).map((part, i) =>
        part.href ? (
          <Link key={i} href={part.href} target="_blank" rel="noopener noreferrer" inline>
            {part.text}
          </Link>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
