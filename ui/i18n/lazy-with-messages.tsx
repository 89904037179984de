import { lazy, type ComponentType } from 'react';
import { useIntl } from 'react-intl';
import { languageOf } from '../../core/i18n/locale';
import { loadMessages, type Translations } from './message-part';

/** A component fetched on demand whose words are a part of their own, and a way to start both early. */
export type LazyWithMessages<P extends object> = ComponentType<P> & {
  /** Starts fetching the chunk and its words in `locale`'s language (none in English): once, however often. */
  readonly preload: (locale: string | undefined) => void;
};

/**
 * `React.lazy` for a chunk that speaks a part (`<WithMessages part>` inside it): the part's translation is
 * fetched beside the chunk, not after the chunk has run and asked for it, so German or Japanese wait for one
 * round of requests, not two (docs/pages.md, "Each page's own words"). `translations` holds no English: it
 * stays in the chunk.
 */
export function lazyWithMessages<P extends object>(
  load: () => Promise<ComponentType<P>>,
  translations: Translations,
): LazyWithMessages<P> {
  let chunk: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchChunk = () => (chunk ??= load().then((component) => ({ default: component })));
  // React 18's types resolve a lazy component's props poorly; it renders the component it loads.
  const Lazy = lazy(fetchChunk) as unknown as ComponentType<P>;
  const preload = (locale: string | undefined) => {
    fetchChunk().catch(() => undefined); // a failed chunk is React.lazy's to report when it renders
    void loadMessages(translations, languageOf(locale));
  };
  function WithItsMessages(props: P) {
    // Both requests start in the render that first needs the chunk (both are fetched once).
    preload(useIntl().locale);
    return <Lazy {...props} />;
  }
  return Object.assign(WithItsMessages, { preload });
}
