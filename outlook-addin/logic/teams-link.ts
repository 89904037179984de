/**
 * The Teams meeting's chat thread id is the key from an invite to its 1:1 (docs/graph-facts.md, Id formats): every
 * occurrence and both people's copies of the invite carry the same join URL, and the thread id sits inside it
 * (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`).
 */
const THREAD_ID = /19:meeting_[A-Za-z0-9_-]+@thread\.v2/;
const JOIN_URL = /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^\s"'<>]+/;

/** The chat thread id inside a join URL, or undefined (the short `/meet/<id>` links carry none). */
export function chatIdFromJoinUrl(url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return undefined;
  }
  return THREAD_ID.exec(decoded)?.[0];
}

/** The first Teams join URL in an invite body (HTML or text); entities such as `&amp;` are decoded first. */
export function findJoinUrl(body: string): string | undefined {
  const text = body.replace(/&amp;/g, '&').replace(/&#58;/g, ':').replace(/&#64;/g, '@');
  return JOIN_URL.exec(text)?.[0];
}

/** The chat thread id from whichever the host offers: the item's online meeting URL first, else its body. */
export function findChatId(sources: { joinUrl?: string; body?: string }): string | undefined {
  for (const url of [sources.joinUrl, sources.body && findJoinUrl(sources.body)]) {
    const id = url ? chatIdFromJoinUrl(url) : undefined;
    if (id) return id;
  }
  return undefined;
}
